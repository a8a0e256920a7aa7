import type { Routes } from '@angular/router';

export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'networks' },
  {
    path: 'networks',
    title: 'Networks',
    loadComponent: () => import('./admin-networks.component').then((m) => m.AdminNetworksComponent),
  },
];
