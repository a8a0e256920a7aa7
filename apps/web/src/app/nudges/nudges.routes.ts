import type { Routes } from '@angular/router';

/** `/n/:network/nudges`: nudges to leads (managers, `nudges.manage`). */
export const nudgesRoutes: Routes = [
  {
    path: '',
    title: 'Nudges to leads',
    loadComponent: () => import('./nudge-rounds.component').then((m) => m.NudgeRoundsComponent),
  },
  {
    path: ':roundId',
    title: 'Nudge round',
    loadComponent: () => import('./nudge-round.component').then((m) => m.NudgeRoundComponent),
  },
];
