import { Injectable } from '@nestjs/common';
import {
  ATTENTION_SECTION_KEYS,
  type AttentionDto,
  type AttentionLineDto,
  type AttentionSectionDto,
  type AttentionSectionKey,
} from '@plexus/contracts';
import {
  addDays,
  can,
  countOf,
  daysBetween,
  dueState,
  formatIsoDateLong as longDate,
  isAre,
  isoDateInZone,
  needsProgressUpdate,
  PROGRESS_UPDATE_WEEKS,
  progressFreshFrom,
  RECENT_REPORT_DAYS,
  SCHEDULE_TIME_ZONE,
  todayIso,
  WORK_ITEM_STATUS_LABELS,
} from '@plexus/domain';
import {
  BoardMeetingRepository,
  isOverdue,
  ReportRepository,
  RequestScopes,
  ReviewActionRepository,
  RiskRepository,
  ScheduleRepository,
  WorkPlanRepository,
  type WorkItemRow,
} from '@plexus/server';
import { OwedService } from '../peer-review/owed/owed.service';

const days = (n: number) => `${n.toLocaleString('en-GB')} days`;
const ago = (n: number) => (n === 0 ? 'today' : n === 1 ? 'yesterday' : `${days(n)} ago`);
const inDays = (n: number) => (n === 0 ? 'today' : n === 1 ? 'tomorrow' : `in ${days(n)}`);
const itemRef = (row: WorkItemRow) => (row.reference ? row.reference : `${row.themeNo}.${row.itemNo}`);
const shorten = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** What each group is called, and how its count reads ("1 work item is overdue"). */
const SECTIONS: Record<AttentionSectionKey, { heading: string; summary: (n: number) => string }> = {
  overdue: { heading: 'Overdue work items', summary: (n) => `${countOf(n, 'work item')} ${isAre(n)} overdue` },
  due_soon: { heading: 'Work items due soon', summary: (n) => `${countOf(n, 'work item')} ${isAre(n)} due in the next two weeks` },
  no_update: {
    heading: 'Work items needing a progress update',
    summary: (n) => `${countOf(n, 'work item')} ${n === 1 ? 'needs' : 'need'} a progress update`,
  },
  risk_review: { heading: 'Risks overdue for review', summary: (n) => `${countOf(n, 'risk')} ${isAre(n)} overdue for review` },
  peer_review: {
    heading: 'Peer review due',
    summary: (n) => `${countOf(n, 'peer review submission or action', 'peer review submissions and actions')} ${isAre(n)} due or overdue`,
  },
  reports_failed: { heading: 'Reports that failed', summary: (n) => `${countOf(n, 'report')} failed in the last ${RECENT_REPORT_DAYS} days` },
  deliveries_failed: {
    heading: 'Scheduled deliveries that failed',
    summary: (n) => `${countOf(n, 'scheduled email', 'scheduled emails')} could not be delivered in the last ${RECENT_REPORT_DAYS} days`,
  },
  reports_ready: { heading: 'Reports ready recently', summary: (n) => `${countOf(n, 'report')} ready in the last ${RECENT_REPORT_DAYS} days` },
};

/**
 * A network's home page: what needs attention now, read from each feature's own repository and rules. A manager sees
 * the network's; everyone else their own — the work items they lead, the risks whose mitigation they lead, the
 * peer review actions they own (a contributor: their organisation's submissions and actions) — and the lines their
 * role may follow (failed reports for those who ask for reports, failed deliveries for those who keep schedules).
 */
@Injectable()
export class AttentionService {
  constructor(
    private readonly plans: WorkPlanRepository,
    private readonly risks: RiskRepository,
    private readonly reports: ReportRepository,
    private readonly board: BoardMeetingRepository,
    private readonly schedules: ScheduleRepository,
    private readonly actions: ReviewActionRepository,
    private readonly owed: OwedService,
  ) {}

  async attention(): Promise<AttentionDto> {
    const tenant = RequestScopes.tenant();
    const userId = RequestScopes.current()?.userId ?? '';
    const role = tenant.role;
    const scope: AttentionDto['scope'] = role === 'manager' ? 'network' : 'own';
    const base = `/n/${encodeURIComponent(tenant.networkSlug)}`;
    const today = todayIso(SCHEDULE_TIME_ZONE);
    const sections = new Map<AttentionSectionKey, AttentionLineDto[]>();
    const add = (key: AttentionSectionKey, line: AttentionLineDto) => sections.set(key, [...(sections.get(key) ?? []), line]);

    // One transaction, one connection: the reads run one after another.
    const lastBoard = await this.board.lastMeetingOnOrBefore(today);
    const fresh = progressFreshFrom(lastBoard?.meetingDate ?? null, today);
    const plan = await this.plans.currentPlan(today);

    if (plan) {
      const rows = (await this.plans.itemRows({ planId: plan.id, ...(scope === 'own' ? { leadUserId: userId } : {}) })).filter(
        (row) => scope === 'network' || row.leads.some((l) => l.userId === userId),
      );
      for (const row of rows) {
        const link = `${base}/plan/${plan.id}/items/${row.id}`;
        const text = `${itemRef(row)} ${shorten(row.work)}`;
        const status = WORK_ITEM_STATUS_LABELS[row.status];
        const due = dueState(row.status, row.dueOn, today);
        if (due === 'overdue' && row.dueOn) {
          add('overdue', {
            id: row.id,
            text,
            detail: `Due ${longDate(row.dueOn)}, ${ago(daysBetween(row.dueOn, today))} (${status})`,
            link,
            date: row.dueOn,
          });
        } else if (due === 'due_soon' && row.dueOn) {
          add('due_soon', {
            id: row.id,
            text,
            detail: `Due ${longDate(row.dueOn)}, ${inDays(daysBetween(today, row.dueOn))} (${status})`,
            link,
            date: row.dueOn,
          });
        }
        const latestOn = row.latest ? String(row.latest.on).slice(0, 10) : null;
        if (needsProgressUpdate(row.status, latestOn, fresh.from)) {
          const since =
            fresh.since === 'board' && lastBoard
              ? `none since the board meeting on ${longDate(lastBoard.meetingDate)}`
              : `none in the last ${PROGRESS_UPDATE_WEEKS} weeks`;
          const detail = latestOn ? `Last update ${longDate(latestOn)}: ${since}` : 'No progress update yet';
          add('no_update', { id: row.id, text, detail, link, date: latestOn });
        }
      }
    }

    for (const risk of await this.risks.all('open')) {
      if (scope === 'own' && risk.mitigationLeadUserId !== userId) continue;
      if (!isOverdue(risk, today) || !risk.nextReviewDue) continue;
      add('risk_review', {
        id: risk.id,
        text: `${risk.reference} ${shorten(risk.description)}`,
        detail: `Review was due ${longDate(risk.nextReviewDue)}, ${ago(daysBetween(risk.nextReviewDue, today))}`,
        link: `${base}/risks/${risk.id}`,
        date: risk.nextReviewDue,
      });
    }

    if (role === 'manager' || role === 'contributor' || role === 'lead') await this.peerReview(role, userId, today, base, add);

    const recentFrom = addDays(today, -RECENT_REPORT_DAYS);
    for (const doc of await this.reports.library(100)) {
      const at = doc.finishedAt ?? doc.requestedAt;
      const on = isoDateInZone(at, SCHEDULE_TIME_ZONE);
      if (on < recentFrom) continue;
      if (doc.status === 'failed' && can(role, 'reports.generate')) {
        add('reports_failed', {
          id: doc.id,
          text: doc.title,
          detail: `Failed ${longDate(on)}: ask for it again or retry it`,
          link: `${base}/reports`,
          date: on,
        });
      } else if (doc.status === 'ready') {
        add('reports_ready', { id: doc.id, text: doc.title, detail: `Ready ${longDate(on)}`, link: `${base}/reports`, date: on });
      }
    }

    if (can(role, 'schedules.manage')) {
      for (const d of await this.schedules.deliveries({ state: 'given_up', from: recentFrom, limit: 50 })) {
        const on = isoDateInZone(d.createdAt, SCHEDULE_TIME_ZONE);
        add('deliveries_failed', {
          id: d.id,
          text: `${d.scheduleName} to ${d.recipientName || d.toAddress}`,
          detail: `Not delivered (${longDate(on)})${d.lastError ? `: ${shorten(d.lastError, 120)}` : ''}`,
          link: `${base}/schedules/log?scheduleId=${d.scheduleId}`,
          date: on,
        });
      }
    }

    const result: AttentionSectionDto[] = [];
    for (const [key, lines] of [...sections].sort(([a], [b]) => ATTENTION_SECTION_KEYS.indexOf(a) - ATTENTION_SECTION_KEYS.indexOf(b))) {
      const sorted = key === 'reports_ready' || key === 'reports_failed' || key === 'deliveries_failed' ? lines : sortByDate(lines);
      result.push({ key, heading: SECTIONS[key].heading, summary: SECTIONS[key].summary(lines.length), lines: sorted });
    }
    // Reports ready are news, not a task: they do not count towards what needs attention.
    const total = result.filter((s) => s.key !== 'reports_ready').reduce((n, s) => n + s.lines.length, 0);
    return {
      asOf: today,
      scope,
      plan: plan ? { id: plan.id, title: plan.title } : null,
      lastBoard: lastBoard ? { id: lastBoard.id, meetingDate: lastBoard.meetingDate } : null,
      freshFrom: fresh.from,
      total,
      summary: total === 0 ? 'Nothing needs your attention' : `${countOf(total, 'thing')} ${total === 1 ? 'needs' : 'need'} your attention`,
      sections: result,
    };
  }

  /** Peer review submissions and actions overdue or due soon: a contributor's organisation's, a lead's own actions, a manager's all. */
  private async peerReview(
    role: 'manager' | 'contributor' | 'lead',
    userId: string,
    today: string,
    base: string,
    add: (key: AttentionSectionKey, line: AttentionLineDto) => void,
  ): Promise<void> {
    const soon = addDays(today, 14);
    let items = (await this.owed.owed()).items.filter((i) => i.dueDate !== null && (i.overdue || i.dueDate <= soon));
    if (role === 'lead') {
      const owned = new Set(
        (await this.actions.byIds(items.flatMap((i) => (i.kind === 'action' && i.id ? [i.id] : []))))
          .filter((a) => a.ownerUserId === userId)
          .map((a) => a.id),
      );
      items = items.filter((i) => i.kind === 'action' && i.id !== null && owned.has(i.id));
    }
    for (const i of items) {
      const cycle = `${base}/peer-review/cycles/${i.cycle.id}`;
      const link =
        i.kind === 'submission' && i.id ? `${cycle}/submissions/${i.id}` : i.kind === 'action' ? `${cycle}/actions` : `${cycle}/self-assessments`;
      const what = i.kind === 'submission' ? 'Submission' : i.kind === 'action' ? 'Action' : 'Self-assessment';
      const due = i.dueDate as string;
      const when = i.overdue
        ? `was due ${longDate(due)}, ${ago(daysBetween(due, today))}`
        : `due ${longDate(due)}, ${inDays(daysBetween(today, due))}`;
      add('peer_review', {
        // A self-assessment not started yet has no id of its own: the line is about its activity.
        id: i.id ?? i.activity?.id ?? i.cycle.id,
        text: `${what}: ${shorten(i.title)} (${i.organisation.name})`,
        detail: `${i.stateLabel}; ${when}`,
        link,
        date: due,
      });
    }
  }
}

/** Oldest first (most pressing); lines with no date (no update at all) lead. */
function sortByDate(lines: AttentionLineDto[]): AttentionLineDto[] {
  return [...lines].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}
