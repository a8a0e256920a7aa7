import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/guards';

export const profileRoutes: Routes = [
  {
    path: '',
    title: 'Profile',
    loadComponent: () => import('./profile-view.component').then((m) => m.ProfileViewComponent),
  },
  {
    path: 'edit',
    title: 'Edit profile',
    canActivate: [permissionGuard('profile.edit')],
    loadComponent: () => import('./profile-edit.component').then((m) => m.ProfileEditComponent),
  },
];
