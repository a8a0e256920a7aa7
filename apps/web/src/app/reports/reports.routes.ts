import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/guards';

export const reportsRoutes: Routes = [
  {
    path: '',
    title: 'Reports',
    loadComponent: () => import('./report-library.component').then((m) => m.ReportLibraryComponent),
  },
  {
    path: 'new',
    title: 'Create a report',
    canActivate: [permissionGuard('reports.generate')],
    loadComponent: () => import('./report-new.component').then((m) => m.ReportNewComponent),
  },
  {
    path: 'annual',
    title: 'Annual reports',
    canActivate: [permissionGuard('reports.generate')],
    loadComponent: () => import('../annual-report/annual-reports.component').then((m) => m.AnnualReportsComponent),
  },
  {
    path: 'annual/:annualReportId',
    title: 'Annual report',
    canActivate: [permissionGuard('reports.generate')],
    loadComponent: () => import('../annual-report/annual-report.component').then((m) => m.AnnualReportComponent),
  },
];
