import type { Routes } from '@angular/router';

export const inviteRoutes: Routes = [
  {
    path: '',
    title: 'Join a network',
    loadComponent: () => import('./accept-invite.component').then((m) => m.AcceptInviteComponent),
  },
];
