import type { Routes } from '@angular/router';

export const auditRoutes: Routes = [
  {
    path: '',
    title: 'Audit trail',
    loadComponent: () => import('./audit-trail.component').then((m) => m.AuditTrailComponent),
  },
];
