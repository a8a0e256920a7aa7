import type { Routes } from '@angular/router';

/** `/links/:network/:token`: what an emailed download link gives. Public: no sign-in. */
export const documentLinkRoutes: Routes = [
  {
    path: '',
    title: 'Download a report',
    loadComponent: () => import('./document-link.component').then((m) => m.DocumentLinkComponent),
  },
];

/** `/unsubscribe/:network/:token`: stop receiving one scheduled report. Public: no sign-in. */
export const unsubscribeRoutes: Routes = [
  {
    path: '',
    title: 'Unsubscribe from a report',
    loadComponent: () => import('./unsubscribe.component').then((m) => m.UnsubscribeComponent),
  },
];

/** `/update/:network/:token`: a nudge's one-page update form for a lead. Public: no sign-in, no password. */
export const nudgeUpdateRoutes: Routes = [
  {
    path: '',
    title: 'Update your items',
    loadComponent: () => import('./nudge-update.component').then((m) => m.NudgeUpdateComponent),
  },
];
