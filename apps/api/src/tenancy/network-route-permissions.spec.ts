import { ReadCache } from '../core/read-cache/read-cache';
import 'reflect-metadata';
import { Controller, Get, Module, Post, type DynamicModule, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, TenantDb } from '@plexus/server';
import { AppModule } from '../app/app.module';
import { NetworkController, RequirePermission } from './network-route.decorator';
import { assertNetworkRoutesDeclared, networkRouteProblems, networkRoutes } from './network-route-permissions';
import { TenancyModule } from './tenancy.module';

/** Every controller the application registers, read from its modules (no database needed). */
function controllersOf(root: DynamicModule): Array<Type<unknown>> {
  const seen = new Set<unknown>();
  const found: Array<Type<unknown>> = [];
  const visit = (m: unknown): void => {
    if (!m || seen.has(m)) return;
    seen.add(m);
    const dynamic = typeof m === 'object' ? (m as DynamicModule) : null;
    const cls = (dynamic ? dynamic.module : m) as Type<unknown>;
    found.push(...((Reflect.getMetadata('controllers', cls) as Array<Type<unknown>> | undefined) ?? []), ...(dynamic?.controllers ?? []));
    for (const i of [...((Reflect.getMetadata('imports', cls) as unknown[] | undefined) ?? []), ...(dynamic?.imports ?? [])]) visit(i);
  };
  visit(root);
  return found;
}

@NetworkController('widgets', 'widgets')
class DeclaredController {
  @Get()
  @RequirePermission('network.read')
  list(): string[] {
    return [];
  }

  @Post()
  @RequirePermission('plan.edit')
  create(): string {
    return 'created';
  }
}

@NetworkController('widgets', 'widgets')
class ForgetfulController {
  @Get(':widgetId')
  get(): string {
    return '';
  }
}

@Controller('networks/:network/gadgets')
class UnscopedController {
  @Get()
  @RequirePermission('network.read')
  list(): string[] {
    return [];
  }
}

@Controller('health-of-widgets')
class ElsewhereController {
  @Get()
  check(): string {
    return 'ok';
  }
}

async function boot(...controllers: Array<Type<unknown>>): Promise<void> {
  @Module({
    imports: [TenancyModule],
    controllers,
    providers: [
      { provide: TenantDb, useValue: {} },
      { provide: ReadCache, useValue: {} },
    ],
  })
  class TestModule {}
  const app = await NestFactory.create(TestModule, { logger: false, abortOnError: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('network routes are closed by default', () => {
  it('lists a network route that declares no permission, and one that is not in a NetworkController', () => {
    expect(networkRouteProblems([DeclaredController, ElsewhereController])).toEqual([]);
    expect(networkRouteProblems([DeclaredController, ForgetfulController, UnscopedController])).toEqual([
      "GET networks/:network/widgets/:widgetId (ForgetfulController.get) declares no permission: add @RequirePermission(…) — 'network.read' if any member may call it",
      "GET networks/:network/gadgets (UnscopedController.list) is not in a @NetworkController, so it would run outside the caller's network",
    ]);
    expect(() => assertNetworkRoutesDeclared([ForgetfulController])).toThrow(/Refusing to start: 1 network route not closed by default/);
  });

  it('stops the application at start-up when a network route declares no permission', async () => {
    await expect(boot(DeclaredController, ElsewhereController)).resolves.toBeUndefined();
    await expect(boot(DeclaredController, ForgetfulController)).rejects.toThrow(
      /GET networks\/:network\/widgets\/:widgetId \(ForgetfulController\.get\) declares no permission/,
    );
    await expect(boot(UnscopedController)).rejects.toThrow(/not in a @NetworkController/);
  });

  it('has every route of the application declare the permission it needs (read-only routes: network.read; the report library, which commissioners read too: reports.read)', () => {
    const controllers = controllersOf(AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })));
    expect(networkRouteProblems(controllers)).toEqual([]);
    const declared = networkRoutes(controllers).map((r) => [r.route, r.permission]);
    expect(declared.sort()).toEqual(
      [
        ['GET networks/:network/profile', 'network.read'],
        ['PUT networks/:network/profile', 'profile.edit'],
        ['GET networks/:network/profile/logo', 'network.read'],
        ['PUT networks/:network/profile/logo', 'profile.edit'],
        ['DELETE networks/:network/profile/logo', 'profile.edit'],
        ['GET networks/:network/members', 'members.manage'],
        ['PATCH networks/:network/members/:memberId', 'members.manage'],
        ['DELETE networks/:network/members/:memberId', 'members.manage'],
        ['GET networks/:network/invites', 'members.manage'],
        ['POST networks/:network/invites', 'members.manage'],
        ['DELETE networks/:network/invites/:inviteId', 'members.manage'],
        ['GET networks/:network/audit', 'audit.read'],
        ['GET networks/:network/work-plan/plans', 'network.read'],
        ['POST networks/:network/work-plan/plans', 'plan.edit'],
        ['GET networks/:network/work-plan/plans/:planId', 'network.read'],
        ['PATCH networks/:network/work-plan/plans/:planId', 'plan.edit'],
        ['DELETE networks/:network/work-plan/plans/:planId', 'plan.edit'],
        ['POST networks/:network/work-plan/plans/:planId/approve', 'plan.edit'],
        ['GET networks/:network/annual-reports', 'reports.generate'],
        ['POST networks/:network/annual-reports', 'reports.generate'],
        ['GET networks/:network/annual-reports/:annualReportId', 'reports.generate'],
        ['GET networks/:network/annual-reports/:annualReportId/preview', 'reports.generate'],
        ['PUT networks/:network/annual-reports/:annualReportId', 'reports.generate'],
        ['DELETE networks/:network/annual-reports/:annualReportId', 'reports.generate'],
        ['GET networks/:network/work-plan/plans/:planId/roll-over', 'plan.edit'],
        ['POST networks/:network/work-plan/plans/:planId/roll-over', 'plan.edit'],
        ['GET networks/:network/work-plan/plans/:planId/changes', 'network.read'],
        ['GET networks/:network/work-plan/plans/:planId/items', 'network.read'],
        ['POST networks/:network/work-plan/plans/:planId/items', 'plan.edit'],
        ['POST networks/:network/work-plan/plans/:planId/themes', 'plan.edit'],
        ['POST networks/:network/work-plan/plans/:planId/import/preview', 'plan.edit'],
        ['POST networks/:network/work-plan/plans/:planId/import', 'plan.edit'],
        ['GET networks/:network/work-plan/plans/:planId/export', 'network.read'],
        ['PATCH networks/:network/work-plan/themes/:themeId', 'plan.edit'],
        ['DELETE networks/:network/work-plan/themes/:themeId', 'plan.edit'],
        ['POST networks/:network/work-plan/themes/:themeId/move', 'plan.edit'],
        ['POST networks/:network/work-plan/themes/:themeId/objectives', 'plan.edit'],
        ['PATCH networks/:network/work-plan/objectives/:objectiveId', 'plan.edit'],
        ['DELETE networks/:network/work-plan/objectives/:objectiveId', 'plan.edit'],
        ['POST networks/:network/work-plan/objectives/:objectiveId/move', 'plan.edit'],
        ['GET networks/:network/work-plan/items/:itemId', 'network.read'],
        ['PATCH networks/:network/work-plan/items/:itemId', 'plan.edit'],
        ['DELETE networks/:network/work-plan/items/:itemId', 'plan.edit'],
        ['POST networks/:network/work-plan/items/:itemId/move', 'plan.edit'],
        ['POST networks/:network/work-plan/items/:itemId/progress', 'plan.progress'],
        ['POST networks/:network/work-plan/plans/:planId/progress', 'plan.progress'],
        ['GET networks/:network/work-plan/my-items', 'network.read'],
        ['GET networks/:network/work-plan/people', 'network.read'],
        ['GET networks/:network/risks', 'network.read'],
        ['POST networks/:network/risks', 'risk.edit'],
        ['GET networks/:network/risks/heat-map', 'network.read'],
        ['GET networks/:network/risks/export', 'network.read'],
        ['POST networks/:network/risks/import/preview', 'risk.edit'],
        ['POST networks/:network/risks/import', 'risk.edit'],
        ['GET networks/:network/risks/:riskId', 'network.read'],
        ['PUT networks/:network/risks/:riskId', 'risk.edit'],
        ['POST networks/:network/risks/:riskId/close', 'risk.edit'],
        ['POST networks/:network/risks/:riskId/reopen', 'risk.edit'],
        ['POST networks/:network/risks/:riskId/reviews', 'risk.review'],
        ['POST networks/:network/reports', 'reports.generate'],
        ['GET networks/:network/reports', 'reports.read'],
        ['GET networks/:network/reports/:documentId', 'reports.read'],
        ['POST networks/:network/reports/:documentId/retry', 'reports.generate'],
        ['POST networks/:network/reports/:documentId/withdraw', 'reports.generate'],
        ['GET networks/:network/reports/:documentId/download', 'reports.read'],
        ['GET networks/:network/recipients', 'recipients.manage'],
        ['POST networks/:network/recipients', 'recipients.manage'],
        ['PUT networks/:network/recipients/:recipientId', 'recipients.manage'],
        ['DELETE networks/:network/recipients/:recipientId', 'recipients.manage'],
        ['GET networks/:network/distribution-lists', 'recipients.manage'],
        ['POST networks/:network/distribution-lists', 'recipients.manage'],
        ['PUT networks/:network/distribution-lists/:listId', 'recipients.manage'],
        ['DELETE networks/:network/distribution-lists/:listId', 'recipients.manage'],
        ['GET networks/:network/schedules', 'schedules.manage'],
        ['POST networks/:network/schedules', 'schedules.manage'],
        ['POST networks/:network/schedules/preview-times', 'schedules.manage'],
        ['POST networks/:network/schedules/preview-email', 'schedules.manage'],
        ['GET networks/:network/schedules/:scheduleId', 'schedules.manage'],
        ['PUT networks/:network/schedules/:scheduleId', 'schedules.manage'],
        ['DELETE networks/:network/schedules/:scheduleId', 'schedules.manage'],
        ['POST networks/:network/schedules/:scheduleId/pause', 'schedules.manage'],
        ['POST networks/:network/schedules/:scheduleId/resume', 'schedules.manage'],
        ['POST networks/:network/schedules/:scheduleId/send-now', 'schedules.manage'],
        ['GET networks/:network/delivery-log', 'schedules.manage'],
        ['GET networks/:network/delivery-log/export', 'schedules.manage'],
        ['POST networks/:network/delivery-log/links/:linkId/revoke', 'schedules.manage'],
        ['GET networks/:network/board/meetings', 'network.read'],
        ['POST networks/:network/board/meetings', 'board.manage'],
        ['GET networks/:network/board/meetings/:meetingId', 'network.read'],
        ['PUT networks/:network/board/meetings/:meetingId', 'board.manage'],
        ['DELETE networks/:network/board/meetings/:meetingId', 'board.manage'],
        ['PUT networks/:network/board/meetings/:meetingId/agenda-order', 'board.manage'],
        ['POST networks/:network/board/meetings/:meetingId/agenda-items', 'board.manage'],
        ['PUT networks/:network/board/agenda-items/:agendaItemId', 'board.manage'],
        ['DELETE networks/:network/board/agenda-items/:agendaItemId', 'board.manage'],
        ['POST networks/:network/board/meetings/:meetingId/pack', 'board.manage'],
        ['GET networks/:network/nudges/rounds', 'nudges.manage'],
        ['POST networks/:network/nudges/rounds', 'nudges.manage'],
        ['GET networks/:network/nudges/rounds/:roundId', 'nudges.manage'],
        ['DELETE networks/:network/nudges/rounds/:roundId', 'nudges.manage'],
        ['GET networks/:network/standards/sets', 'network.read'],
        ['POST networks/:network/standards/sets', 'standards.manage'],
        ['GET networks/:network/standards/sets/:standardSetId', 'network.read'],
        ['PUT networks/:network/standards/sets/:standardSetId', 'standards.manage'],
        ['DELETE networks/:network/standards/sets/:standardSetId', 'standards.manage'],
        ['POST networks/:network/standards/sets/:standardSetId/versions', 'standards.manage'],
        ['GET networks/:network/standards/versions/:standardVersionId', 'network.read'],
        ['DELETE networks/:network/standards/versions/:standardVersionId', 'standards.manage'],
        ['POST networks/:network/standards/versions/:standardVersionId/publish', 'standards.manage'],
        ['POST networks/:network/standards/versions/:standardVersionId/sections', 'standards.manage'],
        ['PUT networks/:network/standards/versions/:standardVersionId/section-order', 'standards.manage'],
        ['POST networks/:network/standards/versions/:standardVersionId/import/preview', 'standards.manage'],
        ['POST networks/:network/standards/versions/:standardVersionId/import', 'standards.manage'],
        ['GET networks/:network/standards/versions/:standardVersionId/export', 'network.read'],
        ['PUT networks/:network/standards/sections/:standardSectionId', 'standards.manage'],
        ['DELETE networks/:network/standards/sections/:standardSectionId', 'standards.manage'],
        ['POST networks/:network/standards/sections/:standardSectionId/criteria', 'standards.manage'],
        ['PUT networks/:network/standards/sections/:standardSectionId/criterion-order', 'standards.manage'],
        ['PUT networks/:network/standards/criteria/:criterionId', 'standards.manage'],
        ['DELETE networks/:network/standards/criteria/:criterionId', 'standards.manage'],
        ['GET networks/:network/peer-review/cycles', 'network.read'],
        ['POST networks/:network/peer-review/cycles', 'peer-review.manage'],
        ['GET networks/:network/peer-review/cycles/:cycleId', 'network.read'],
        ['PUT networks/:network/peer-review/cycles/:cycleId', 'peer-review.manage'],
        ['DELETE networks/:network/peer-review/cycles/:cycleId', 'peer-review.manage'],
        ['PUT networks/:network/peer-review/cycles/:cycleId/organisations', 'peer-review.manage'],
        ['POST networks/:network/peer-review/cycles/:cycleId/activities', 'peer-review.manage'],
        ['PUT networks/:network/peer-review/activities/:activityId', 'peer-review.manage'],
        ['DELETE networks/:network/peer-review/activities/:activityId', 'peer-review.manage'],
        ['GET networks/:network/peer-review/cycles/:cycleId/submissions', 'network.read'],
        ['GET networks/:network/peer-review/my-submissions', 'network.read'],
        ['GET networks/:network/peer-review/owed', 'network.read'],
        ['GET networks/:network/attention', 'network.read'],
        ['GET networks/:network/peer-review/submissions/:submissionId', 'network.read'],
        ['POST networks/:network/peer-review/submissions/:submissionId/files', 'peer-review.submit'],
        ['GET networks/:network/peer-review/submissions/:submissionId/files/:fileId/download', 'network.read'],
        ['POST networks/:network/peer-review/submissions/:submissionId/accept', 'peer-review.manage'],
        ['POST networks/:network/peer-review/submissions/:submissionId/request-information', 'peer-review.manage'],
        ['GET networks/:network/peer-review/cycles/:cycleId/self-assessments', 'network.read'],
        ['POST networks/:network/peer-review/activities/:selfAssessmentActivityId/self-assessments', 'peer-review.submit'],
        ['GET networks/:network/peer-review/activities/:selfAssessmentActivityId/compliance', 'peer-review.manage'],
        ['GET networks/:network/peer-review/self-assessments/:selfAssessmentId', 'network.read'],
        ['PUT networks/:network/peer-review/self-assessments/:selfAssessmentId/answers', 'peer-review.submit'],
        ['POST networks/:network/peer-review/self-assessments/:selfAssessmentId/criteria/:assessedCriterionId/files', 'peer-review.submit'],
        ['GET networks/:network/peer-review/self-assessments/:selfAssessmentId/files/:evidenceFileId/download', 'network.read'],
        ['DELETE networks/:network/peer-review/self-assessments/:selfAssessmentId/files/:evidenceFileId', 'peer-review.submit'],
        ['POST networks/:network/peer-review/self-assessments/:selfAssessmentId/submit', 'peer-review.submit'],
        ['POST networks/:network/peer-review/self-assessments/:selfAssessmentId/reopen', 'peer-review.manage'],
        ['GET networks/:network/peer-review/cycles/:cycleId/reviews', 'network.read'],
        ['POST networks/:network/peer-review/cycles/:cycleId/reviews', 'peer-review.manage'],
        ['GET networks/:network/peer-review/reviews/:reviewId', 'network.read'],
        ['PUT networks/:network/peer-review/reviews/:reviewId', 'peer-review.manage'],
        ['DELETE networks/:network/peer-review/reviews/:reviewId', 'peer-review.manage'],
        ['POST networks/:network/peer-review/reviews/:reviewId/agree', 'peer-review.manage'],
        ['POST networks/:network/peer-review/reviews/:reviewId/reopen', 'peer-review.manage'],
        ['POST networks/:network/peer-review/reviews/:reviewId/issue', 'peer-review.manage'],
        ['POST networks/:network/peer-review/reviews/:reviewId/findings', 'peer-review.manage'],
        ['PUT networks/:network/peer-review/findings/:findingId', 'peer-review.manage'],
        ['DELETE networks/:network/peer-review/findings/:findingId', 'peer-review.manage'],
        ['POST networks/:network/peer-review/findings/:findingId/raise-risk', 'peer-review.manage'],
        ['GET networks/:network/peer-review/cycles/:cycleId/actions', 'network.read'],
        ['POST networks/:network/peer-review/cycles/:cycleId/actions', 'peer-review.manage'],
        ['POST networks/:network/peer-review/cycles/:cycleId/carry-forward', 'peer-review.manage'],
        ['GET networks/:network/peer-review/actions/:actionId', 'network.read'],
        ['PUT networks/:network/peer-review/actions/:actionId', 'peer-review.manage'],
        ['DELETE networks/:network/peer-review/actions/:actionId', 'peer-review.manage'],
        ['POST networks/:network/peer-review/actions/:actionId/progress', 'peer-review.submit'],
      ].sort(),
    );
  });
});
