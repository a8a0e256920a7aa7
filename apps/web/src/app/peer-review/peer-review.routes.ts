import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/guards';

/**
 * The network's peer review area (issue 9). Its first page is the programme's cycles (for a contributor, what their
 * organisation owes); the standard sets the organisations are assessed against sit beside them. Self-assessments and
 * reviews come next.
 */
export const peerReviewRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'cycles' },
  { path: 'cycles', loadChildren: () => import('./cycles/cycles.routes').then((m) => m.cyclesRoutes) },
  ...standardsRoutes(),
];

/** The standard sets pages, for a network (`/n/:network/peer-review/standards`) or for operators (`/admin/standards`). */
export function standardsRoutes(national = false): Routes {
  const data = national ? { national: true } : {};
  const prefix = 'standards';
  return [
    {
      path: prefix,
      title: national ? 'National standard sets' : 'Standard sets',
      data,
      loadComponent: () => import('./standards/standard-sets.component').then((m) => m.StandardSetsComponent),
    },
    {
      path: `${prefix}/:standardSetId`,
      title: 'Standard set',
      data,
      loadComponent: () => import('./standards/standard-set.component').then((m) => m.StandardSetComponent),
    },
    {
      path: `${prefix}/:standardSetId/versions/:standardVersionId/import`,
      title: 'Import criteria',
      data,
      ...(national ? {} : { canActivate: [permissionGuard('standards.manage')] }),
      loadComponent: () => import('./standards/standard-import.component').then((m) => m.StandardImportComponent),
    },
  ];
}
