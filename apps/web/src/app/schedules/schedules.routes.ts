import type { Routes } from '@angular/router';

/** Under `/n/:network/schedules`, for those who may manage schedules (the app routes guard it). */
export const schedulesRoutes: Routes = [
  {
    path: '',
    title: 'Scheduled reports',
    loadComponent: () => import('./schedules-list.component').then((m) => m.SchedulesListComponent),
  },
  {
    path: 'new',
    title: 'Schedule a report',
    loadComponent: () => import('./schedule-form.component').then((m) => m.ScheduleFormComponent),
  },
  {
    path: 'log',
    title: 'Delivery log',
    loadComponent: () => import('./delivery-log.component').then((m) => m.DeliveryLogComponent),
  },
  {
    path: ':scheduleId/edit',
    title: 'Change a schedule',
    loadComponent: () => import('./schedule-form.component').then((m) => m.ScheduleFormComponent),
  },
];
