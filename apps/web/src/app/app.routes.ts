import type { Routes } from '@angular/router';
import {
  authGuard,
  homeRedirectGuard,
  membershipResolver,
  networkLandingRedirect,
  operatorGuard,
  permissionGuard,
  signedOutGuard,
} from './core/guards';

export const appRoutes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/sign-in.component').then((m) => m.SignInComponent),
  },
  // "Forgot your password?": public, signed in or not (the emailed link signs the account out everywhere).
  {
    path: 'forgot-password',
    title: 'Forgot your password?',
    loadComponent: () => import('./auth/forgot-password.component').then((m) => m.ForgotPasswordComponent),
  },
  {
    path: 'reset-password/:token',
    title: 'Choose a new password',
    loadComponent: () => import('./auth/reset-password.component').then((m) => m.ResetPasswordComponent),
  },
  {
    path: 'invite/:network/:token',
    loadChildren: () => import('./invite/invite.routes').then((m) => m.inviteRoutes),
  },
  // Opened from scheduled emails by people with no account: no sign-in.
  {
    path: 'links/:network/:token',
    loadChildren: () => import('./emailed/emailed.routes').then((m) => m.documentLinkRoutes),
  },
  {
    path: 'unsubscribe/:network/:token',
    loadChildren: () => import('./emailed/emailed.routes').then((m) => m.unsubscribeRoutes),
  },
  // A nudge's emailed link: a lead updates their items and risks on one page, no password.
  {
    path: 'update/:network/:token',
    loadChildren: () => import('./emailed/emailed.routes').then((m) => m.nudgeUpdateRoutes),
  },
  { path: 'not-found', title: 'Page not found', loadComponent: () => import('./errors/not-found.component').then((m) => m.NotFoundComponent) },
  {
    path: 'forbidden',
    title: 'You cannot see this page',
    loadComponent: () => import('./errors/forbidden.component').then((m) => m.ForbiddenComponent),
  },
  {
    path: 'problem',
    title: 'Sorry, there is a problem with the service',
    loadComponent: () => import('./errors/problem.component').then((m) => m.ProblemComponent),
  },
  {
    path: '',
    canActivateChild: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Choose a network',
        canActivate: [homeRedirectGuard],
        loadComponent: () => import('./home/home.component').then((m) => m.HomeComponent),
      },
      {
        path: 'admin',
        canActivate: [operatorGuard],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        // Reports from every network whose reports the person may read (a commissioner's page across networks).
        path: 'reports',
        title: 'Reports from my networks',
        loadComponent: () => import('./my-reports/my-reports.component').then((m) => m.MyReportsComponent),
      },
      {
        path: 'n/:network',
        resolve: { membership: membershipResolver },
        children: [
          // The home page (what needs attention now), or for a commissioner (who reads only the reports) the report library.
          { path: '', pathMatch: 'full', redirectTo: networkLandingRedirect },
          {
            path: 'home',
            title: 'Home',
            canActivate: [permissionGuard('network.read')],
            loadComponent: () => import('./home/network-home.component').then((m) => m.NetworkHomeComponent),
          },
          {
            path: 'profile',
            canActivate: [permissionGuard('network.read')],
            loadChildren: () => import('./profile/profile.routes').then((m) => m.profileRoutes),
          },
          {
            path: 'reports',
            canActivate: [permissionGuard('reports.read')],
            loadChildren: () => import('./reports/reports.routes').then((m) => m.reportsRoutes),
          },
          {
            path: 'plan',
            canActivate: [permissionGuard('network.read')],
            loadChildren: () => import('./work-plan/work-plan.routes').then((m) => m.workPlanRoutes),
          },
          {
            path: 'risks',
            canActivate: [permissionGuard('network.read')],
            loadChildren: () => import('./risk/risk.routes').then((m) => m.riskRoutes),
          },
          {
            path: 'board',
            canActivate: [permissionGuard('network.read')],
            loadChildren: () => import('./board/board.routes').then((m) => m.boardRoutes),
          },
          {
            path: 'peer-review',
            canActivate: [permissionGuard('network.read')],
            loadChildren: () => import('./peer-review/peer-review.routes').then((m) => m.peerReviewRoutes),
          },
          {
            path: 'members',
            canActivate: [permissionGuard('members.manage')],
            loadChildren: () => import('./members/members.routes').then((m) => m.membersRoutes),
          },
          {
            path: 'recipients',
            canActivate: [permissionGuard('recipients.manage')],
            loadChildren: () => import('./recipients/recipients.routes').then((m) => m.recipientsRoutes),
          },
          {
            path: 'nudges',
            canActivate: [permissionGuard('nudges.manage')],
            loadChildren: () => import('./nudges/nudges.routes').then((m) => m.nudgesRoutes),
          },
          {
            path: 'schedules',
            canActivate: [permissionGuard('schedules.manage')],
            loadChildren: () => import('./schedules/schedules.routes').then((m) => m.schedulesRoutes),
          },
          {
            path: 'audit',
            canActivate: [permissionGuard('audit.read')],
            loadChildren: () => import('./audit/audit.routes').then((m) => m.auditRoutes),
          },
        ],
      },
    ],
  },
  { path: '**', title: 'Page not found', loadComponent: () => import('./errors/not-found.component').then((m) => m.NotFoundComponent) },
];
