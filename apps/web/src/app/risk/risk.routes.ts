import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/guards';

export const riskRoutes: Routes = [
  {
    path: '',
    title: 'Risk register',
    loadComponent: () => import('./risk-register.component').then((m) => m.RiskRegisterComponent),
  },
  {
    path: 'new',
    title: 'Add a risk',
    canActivate: [permissionGuard('risk.edit')],
    loadComponent: () => import('./risk-form.component').then((m) => m.RiskFormComponent),
  },
  {
    path: 'import',
    title: 'Import risks',
    canActivate: [permissionGuard('risk.edit')],
    loadComponent: () => import('./risk-import.component').then((m) => m.RiskImportComponent),
  },
  {
    path: ':riskId',
    title: 'Risk',
    loadComponent: () => import('./risk-detail.component').then((m) => m.RiskDetailComponent),
  },
  {
    path: ':riskId/edit',
    title: 'Edit risk',
    canActivate: [permissionGuard('risk.edit')],
    loadComponent: () => import('./risk-form.component').then((m) => m.RiskFormComponent),
  },
];
