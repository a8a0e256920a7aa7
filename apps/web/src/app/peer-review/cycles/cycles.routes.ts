import type { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';

/** Peer review cycles, under `/n/:network/peer-review/cycles` (`peerReviewRoutes`; the standard sets are beside them). */
export const cyclesRoutes: Routes = [
  {
    path: '',
    title: 'Peer review',
    loadComponent: () => import('./cycle-list.component').then((m) => m.CycleListComponent),
  },
  {
    path: 'new',
    title: 'Start a peer review cycle',
    canActivate: [permissionGuard('peer-review.manage')],
    loadComponent: () => import('./cycle-form.component').then((m) => m.CycleFormComponent),
  },
  {
    path: ':cycleId',
    title: 'Peer review cycle',
    loadComponent: () => import('./cycle.component').then((m) => m.CycleComponent),
  },
  {
    path: ':cycleId/edit',
    title: 'Change a peer review cycle',
    canActivate: [permissionGuard('peer-review.manage')],
    loadComponent: () => import('./cycle-form.component').then((m) => m.CycleFormComponent),
  },
  {
    path: ':cycleId/activities/new',
    title: 'Add an activity',
    canActivate: [permissionGuard('peer-review.manage')],
    loadComponent: () => import('./activity-form.component').then((m) => m.ActivityFormComponent),
  },
  {
    path: ':cycleId/activities/:activityId',
    title: 'Change an activity',
    canActivate: [permissionGuard('peer-review.manage')],
    loadComponent: () => import('./activity-form.component').then((m) => m.ActivityFormComponent),
  },
  {
    path: ':cycleId/organisations/:organisationId',
    title: 'Submissions',
    loadComponent: () => import('../submissions/organisation-submissions.component').then((m) => m.OrganisationSubmissionsComponent),
  },
  {
    path: ':cycleId/self-assessments',
    loadChildren: () => import('../self-assessment/self-assessment.routes').then((m) => m.selfAssessmentRoutes),
  },
  {
    path: ':cycleId/reviews/:organisationId',
    title: 'Peer review',
    loadComponent: () => import('../reviews/review.component').then((m) => m.ReviewComponent),
  },
  {
    path: ':cycleId/actions',
    title: 'Action plan',
    loadComponent: () => import('../actions/action-plan.component').then((m) => m.ActionPlanComponent),
  },
  {
    path: ':cycleId/submissions/:submissionId',
    title: 'Submission',
    loadComponent: () => import('../submissions/submission.component').then((m) => m.SubmissionComponent),
  },
];
