import type { Routes } from '@angular/router';

export const recipientsRoutes: Routes = [
  {
    path: '',
    title: 'Recipients',
    loadComponent: () => import('./recipients.component').then((m) => m.RecipientsComponent),
  },
];
