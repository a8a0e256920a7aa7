import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/guards';

/** Under /n/:network/plan. */
export const workPlanRoutes: Routes = [
  {
    path: '',
    title: 'Work plans',
    loadComponent: () => import('./plans.component').then((m) => m.PlansComponent),
  },
  {
    path: 'mine',
    title: 'My items',
    data: { mine: true },
    loadComponent: () => import('./items-table.component').then((m) => m.ItemsTableComponent),
  },
  {
    path: ':planId',
    title: 'Work plan',
    loadComponent: () => import('./plan.component').then((m) => m.PlanComponent),
  },
  {
    path: ':planId/update',
    title: 'Update several work items',
    canActivate: [permissionGuard('plan.progress')],
    loadComponent: () => import('./bulk-progress.component').then((m) => m.BulkProgressComponent),
  },
  {
    path: ':planId/items',
    title: 'Work items',
    loadComponent: () => import('./items-table.component').then((m) => m.ItemsTableComponent),
  },
  {
    path: ':planId/import',
    title: 'Import a work plan',
    canActivate: [permissionGuard('plan.edit')],
    loadComponent: () => import('./import.component').then((m) => m.ImportComponent),
  },
  {
    path: ':planId/roll-over',
    title: 'Start next year’s plan',
    canActivate: [permissionGuard('plan.edit')],
    loadComponent: () => import('./roll-over.component').then((m) => m.RollOverComponent),
  },
  {
    path: ':planId/items/new',
    title: 'Add a work item',
    canActivate: [permissionGuard('plan.edit')],
    loadComponent: () => import('./item-form.component').then((m) => m.ItemFormComponent),
  },
  {
    path: ':planId/items/:itemId',
    title: 'Work item',
    loadComponent: () => import('./item.component').then((m) => m.ItemComponent),
  },
  {
    path: ':planId/items/:itemId/edit',
    title: 'Change a work item',
    canActivate: [permissionGuard('plan.edit')],
    loadComponent: () => import('./item-form.component').then((m) => m.ItemFormComponent),
  },
];
