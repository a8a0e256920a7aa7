import {
  MembershipRepository,
  NetworkRepository,
  RequestScopes,
  UserRepository,
  WorkItem,
  WorkItemLead,
  WorkPlanChange,
  WorkPlanRepository,
  type TenantDb,
} from '@plexus/server';
import { todayIso } from '@plexus/domain';
import { demoBoardMeetingDates } from '../board/board.seed';
import { TableWorkerPool } from '../core/upload/table-worker-pool';
import { DEMO_PEOPLE, type DemoNetwork } from '../seed/demo-data';
import { toTsv, type DemoWorkPlan } from './demo/demo-plan';
import { SEED_000 } from './demo/seed-000-major-trauma';
import { SEED_001 } from './demo/seed-001-spinal';
import { SEED_003 } from './demo/seed-003-maternity';
import { PlanChangeLog } from './plan-change-log';
import { WorkPlanImportService } from './transfer/work-plan-import.service';
import { WorkItemService } from './work-item.service';
import { WorkPlanService } from './work-plan.service';
import type { Actor } from './work-plan.types';

/** Each demo network's real plan, from its seed document. */
export const DEMO_WORK_PLANS: Readonly<Record<string, DemoWorkPlan>> = {
  'east-midlands-mtn': SEED_000,
  'northern-spinal': SEED_001,
  'northern-maternity': SEED_003,
};

/**
 * Loads this feature's demo data for one freshly created demo network (runs inside seedDemo): the plan is
 * imported from its seed's table through the same import as a manager's, approved on its board date, then
 * given the year's progress updates and a target that moved, so that statuses, slippage and history show.
 * Leads are linked to demo people where a leadership role matches (with the seed's own word for the role),
 * and kept as role titles otherwise.
 */
export async function seedWorkPlan(
  db: TenantDb,
  network: { id: string; slug: string },
  demo: DemoNetwork,
  userIds: Map<string, string>,
  today = todayIso('Europe/London'),
): Promise<void> {
  const source = DEMO_WORK_PLANS[demo.slug];
  if (!source) return;
  const person = (email: string): Actor => ({
    userId: userIds.get(email) ?? '',
    name: DEMO_PEOPLE.find((p) => p.email === email)?.displayName ?? email,
  });
  const managerEmail = demo.members.find((m) => m.role === 'manager')?.email;
  if (!managerEmail) return;
  const manager = person(managerEmail);
  const byUserId = new Map(demo.members.map((m) => [userIds.get(m.email), person(m.email)]));

  await db.inNetwork({ userId: manager.userId, networkId: network.id, networkSlug: network.slug }, async (scope) => {
    if (scope.tenant) scope.tenant.role = 'manager';
    const repo = new WorkPlanRepository();
    const [members, users] = [new MembershipRepository(), new UserRepository()];
    const log = new PlanChangeLog();
    const plans = new WorkPlanService(repo, members, users, new NetworkRepository(), log);
    const items = new WorkItemService(repo, members, users, plans, log);
    const imports = new WorkPlanImportService(repo, plans, TableWorkerPool.inline());
    const em = RequestScopes.em();

    const plan = await plans.create({ title: source.title, periodStart: source.periodStart, periodEnd: source.periodEnd }, manager);
    await imports.import(plan.id, { buffer: Buffer.from(toTsv(source.rows), 'utf8'), originalname: `${demo.slug}.tsv` }, undefined, manager);

    // The seed's words for a role ("Network Medical Lead") → the demo network's role that is the same job.
    const people = await plans.people();
    for (const [written, role] of Object.entries(source.roleAliases)) {
      const holder = people.roles.find((r) => r.title === role)?.userId;
      if (!holder) continue;
      for (const lead of await em.find(WorkItemLead, { title: written, userId: null })) lead.userId = holder;
    }
    await em.flush();
    await plans.approve(plan.id, { approvedOn: source.approvedOn, note: source.approvalNote }, manager);
    // The items were written before the board approved the plan (history reads an item as absent before that day).
    await em.nativeUpdate(WorkItem, { planId: plan.id }, { createdAt: new Date(`${source.approvedOn}T09:00:00Z`) });

    const rows = await repo.itemRows({ planId: plan.id });
    const find = (work: string) => {
      const row = rows.find((r) => r.work.startsWith(work));
      if (!row) throw new Error(`Demo work plan ${demo.slug}: no item starts with "${work}"`);
      return row;
    };
    type Event = { on: string; run: () => Promise<unknown> };
    const events: Event[] = [
      ...source.updates.map((u) => {
        const row = find(u.work);
        const author =
          row.leads
            .map((l) => (l.userId ? byUserId.get(l.userId) : undefined))
            .find((p) => p && demo.members.find((m) => userIds.get(m.email) === p.userId && (m.role === 'manager' || m.role === 'lead'))) ?? manager;
        return { on: u.on, run: () => items.addProgress(row.id, { on: u.on, status: u.status, narrative: u.narrative }, author) };
      }),
      ...source.changes.map((c) => {
        const row = find(c.work);
        return {
          on: c.on,
          run: async () => {
            await items.update(row.id, { timescale: c.timescale, reason: c.reason }, manager);
            // Dated as it happened in the story (the change log is otherwise stamped by the database clock).
            for (const change of await em.find(WorkPlanChange, { subjectId: row.id })) change.createdAt = new Date(`${c.on}T10:00:00Z`);
            await em.flush();
          },
        };
      }),
    ].sort((a, b) => a.on.localeCompare(b.on));
    for (const event of events) await event.run();

    // Between the board's last two meetings (dated from today, like the meetings): an item completed, one whose BRAG
    // changed and one whose target moved, so that the progress report's "since the last board" tells real movement.
    const [since, to] = demoBoardMeetingDates(network.slug, today)
      .filter((d) => d < today)
      .slice(-2);
    if (!since || !to) return;
    const on = (days: number) => {
      const d = new Date(Date.parse(`${since}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
      return d < to ? d : since;
    };
    const open = (await repo.itemRows({ planId: plan.id })).filter((r) => r.status !== 'complete');
    const [done, moved] = open;
    const slipped = open.slice(2).find((r) => r.dueOn);
    if (done) {
      await items.addProgress(
        done.id,
        { on: on(21), status: 'complete', narrative: 'Completed: signed off by the clinical governance group.' },
        manager,
      );
    }
    if (moved) {
      const worse = moved.status === 'on_track' || moved.status === 'not_started';
      await items.addProgress(
        moved.id,
        worse
          ? { on: on(35), status: 'at_risk', narrative: 'At risk: two trusts have not yet released staff for the work.' }
          : { on: on(35), status: 'on_track', narrative: 'Back on track: the trusts agreed the remaining steps.' },
        manager,
      );
    }
    if (slipped?.dueOn) {
      const year = Number(to.slice(0, 4)) + 1;
      await items.update(
        slipped.id,
        { timescale: `Q4 ${year - 1}/${String(year).slice(2)}`, reason: 'Moved by the board: trust capacity over winter.' },
        manager,
      );
      for (const change of await em.find(WorkPlanChange, { subjectId: slipped.id, createdAt: { $gte: new Date(Date.now() - 60_000) } })) {
        change.createdAt = new Date(`${on(42)}T10:00:00Z`);
      }
      await em.flush();
    }
  });
}
