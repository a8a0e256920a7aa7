import type { Routes } from '@angular/router';
import { permissionGuard } from '../core/guards';

export const boardRoutes: Routes = [
  {
    path: '',
    title: 'Board meetings',
    loadComponent: () => import('./board-meetings.component').then((m) => m.BoardMeetingsComponent),
  },
  {
    path: 'new',
    title: 'Add a board meeting',
    canActivate: [permissionGuard('board.manage')],
    loadComponent: () => import('./board-meeting-form.component').then((m) => m.BoardMeetingFormComponent),
  },
  {
    path: ':meetingId',
    title: 'Board meeting',
    loadComponent: () => import('./board-meeting.component').then((m) => m.BoardMeetingComponent),
  },
  {
    path: ':meetingId/edit',
    title: 'Change a board meeting',
    canActivate: [permissionGuard('board.manage')],
    loadComponent: () => import('./board-meeting-form.component').then((m) => m.BoardMeetingFormComponent),
  },
];
