import type { Routes } from '@angular/router';
import { standardsRoutes } from '../peer-review/peer-review.routes';

export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'networks' },
  {
    path: 'networks',
    title: 'Networks',
    loadComponent: () => import('./admin-networks.component').then((m) => m.AdminNetworksComponent),
  },
  // The national standard sets operators keep for every network: the network pages, on the admin API.
  ...standardsRoutes(true),
];
