import type { Routes } from '@angular/router';

export const membersRoutes: Routes = [
  {
    path: '',
    title: 'Members',
    loadComponent: () => import('./members.component').then((m) => m.MembersComponent),
  },
];
