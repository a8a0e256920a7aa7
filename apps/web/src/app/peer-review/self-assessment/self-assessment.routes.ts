import type { Routes } from '@angular/router';
import { permissionGuard } from '../../core/guards';

/** A cycle's self-assessments, under `/n/:network/peer-review/cycles/:cycleId/self-assessments` (see cycles.routes). */
export const selfAssessmentRoutes: Routes = [
  {
    path: '',
    title: 'Self-assessments',
    loadComponent: () => import('./self-assessments.component').then((m) => m.SelfAssessmentsComponent),
  },
  {
    path: 'activities/:activityId/compliance',
    title: 'Compliance',
    canActivate: [permissionGuard('peer-review.manage')],
    loadComponent: () => import('./compliance.component').then((m) => m.ComplianceComponent),
  },
  {
    path: ':selfAssessmentId',
    title: 'Self-assessment',
    loadComponent: () => import('./self-assessment.component').then((m) => m.SelfAssessmentComponent),
  },
];
