import { Injectable } from '@nestjs/common';
import {
  REPORT_KIND_LABELS,
  type EmailPreviewDto,
  type RecurrencePreviewDto,
  type RunSummaryDto,
  type ScheduleDto,
  type scheduleInputSchema,
} from '@plexus/contracts';
import { SCHEDULE_TIME_ZONE, candidateCron, describeRecurrence, nextRuns, parseRecurrence, wallClockAt, type Recurrence } from '@plexus/domain';
import {
  DistributionList,
  JobQueue,
  Network,
  NetworkProfile,
  RecipientRepository,
  ReportRun,
  ReportSchedule,
  ReportScheduleTarget,
  RequestScopes,
  ScheduleRepository,
  composeScheduleEmail,
  defaultScheduleSubject,
  reportHighlights,
  type ReportHighlights,
} from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';
import { ReportService } from '../report/report.service';
import { toRunDto, toScheduleDto } from './schedules.mapper';

type ScheduleInput = z.output<typeof scheduleInputSchema>;

const EXAMPLE_FIGURES: ReportHighlights = {
  title: 'Report',
  subtitle: '',
  networkName: '',
  generatedOn: '',
  facts: [{ label: 'Figures', value: 'The report’s key figures appear here once it has been generated' }],
  counts: null,
  topRisks: [],
};

/**
 * The network's scheduled reports: the rules (recipients and lists of this network, report references checked as
 * for "ask for a report"), their BullMQ job schedulers kept in step after commit, "send now", and the previews.
 */
@Injectable()
export class SchedulesService {
  constructor(
    private readonly repo: ScheduleRepository,
    private readonly recipients: RecipientRepository,
    private readonly reports: ReportService,
    private readonly jobs: JobQueue,
  ) {}

  async list(): Promise<ScheduleDto[]> {
    return this.dtos(await this.repo.schedules());
  }

  async get(id: string): Promise<ScheduleDto> {
    return (await this.dtos([await this.load(id)]))[0];
  }

  async create(input: ScheduleInput): Promise<ScheduleDto> {
    const schedule = Object.assign(new ReportSchedule(), {
      networkId: RequestScopes.networkId(),
      createdBy: RequestScopes.current()?.userId ?? null,
    });
    await this.apply(schedule, input, true);
    return this.get(schedule.id);
  }

  async update(id: string, input: ScheduleInput): Promise<ScheduleDto> {
    const schedule = await this.load(id);
    if (schedule.status === 'archived') throw new DomainException('conflict', 'This schedule was deleted; create a new one instead');
    await this.apply(schedule, input, false);
    return this.get(schedule.id);
  }

  /** Deleting keeps the schedule's runs and deliveries (the log is evidence): it is archived and never runs again. */
  async archive(id: string): Promise<void> {
    const schedule = await this.load(id);
    schedule.status = 'archived';
    await RequestScopes.em().flush();
    this.syncScheduler(schedule);
  }

  async setPaused(id: string, paused: boolean): Promise<ScheduleDto> {
    const schedule = await this.load(id);
    if (schedule.status === 'archived') throw new DomainException('conflict', 'This schedule was deleted');
    schedule.status = paused ? 'paused' : 'active';
    await RequestScopes.em().flush();
    this.syncScheduler(schedule);
    return this.get(id);
  }

  /** "Send now": a run outside the recurrence (its own period, by the minute: a double click makes one run). */
  async sendNow(id: string): Promise<RunSummaryDto> {
    const em = RequestScopes.em();
    const schedule = await this.load(id);
    if (schedule.status === 'archived') throw new DomainException('conflict', 'This schedule was deleted');
    if (!(await this.repo.audience(schedule.id)).length) {
      throw new DomainException('conflict', 'Nobody to send to: add recipients or lists with members to this schedule first');
    }
    const now = new Date();
    const wall = wallClockAt(now, SCHEDULE_TIME_ZONE);
    const pad = (n: number) => String(n).padStart(2, '0');
    const periodKey = `now ${wall.date}T${pad(wall.hour)}:${pad(wall.minute)}`;
    if (await em.findOne(ReportRun, { scheduleId: schedule.id, periodKey })) {
      throw new DomainException('conflict', 'This schedule was sent a moment ago: see its delivery log');
    }
    const run = Object.assign(new ReportRun(), {
      networkId: schedule.networkId,
      scheduleId: schedule.id,
      periodKey,
      dueAt: now,
      trigger: 'manual' as const,
      requestedBy: RequestScopes.current()?.userId ?? null,
    });
    em.persist(run);
    await em.flush();
    const networkId = schedule.networkId;
    RequestScopes.afterCommit(async () => {
      await this.jobs.enqueue('report-run.advance', { networkId, runId: run.id, stage: 'start' });
    });
    return toRunDto({
      id: run.id,
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      periodKey,
      dueAt: now,
      trigger: 'manual',
      state: 'pending',
      reason: null,
      documentId: null,
      documentSha256: null,
      createdAt: run.createdAt,
      finishedAt: null,
      total: 0,
      sent: 0,
      pending: 0,
      retrying: 0,
      givenUp: 0,
    });
  }

  async previewTimes(recurrence: Recurrence): Promise<RecurrencePreviewDto> {
    const meetings = recurrence.kind === 'after_board_meeting' ? await this.repo.boardMeetingDates() : undefined;
    const runs = nextRuns(recurrence, new Date(), 5, { boardMeetings: meetings });
    return {
      description: describeRecurrence(recurrence),
      nextRuns: runs.map((d) => d.toISOString()),
      note:
        recurrence.kind === 'after_board_meeting' && runs.length < 5
          ? runs.length
            ? `Only ${runs.length} board meeting${runs.length === 1 ? ' is' : 's are'} planned ahead: add the board’s next meetings to see more.`
            : 'No board meeting is planned ahead: add the board’s next meetings, or this schedule will not send.'
          : null,
    };
  }

  /** The email as the first recipient would get it, with the figures of the latest document of that kind. */
  async previewEmail(input: ScheduleInput): Promise<EmailPreviewDto> {
    const em = RequestScopes.em();
    // The same checks as saving: another network's plan or risk in the report is refused, not previewed.
    await this.reports.checkReferences(input.report, 'report.');
    await this.checkTargets(input);
    const networkId = RequestScopes.networkId();
    const network = await em.findOneOrFail(Network, { id: networkId });
    const profile = await em.findOne(NetworkProfile, { networkId });
    const latest = await this.repo.latestSnapshot(input.report.kind);
    const label = input.report.title || REPORT_KIND_LABELS[input.report.kind];
    const highlights = latest
      ? { ...reportHighlights(latest.snapshot), title: label }
      : { ...EXAMPLE_FIGURES, title: label, networkName: network.name };
    const people = await this.previewAudience(input);
    const subject = input.subject || defaultScheduleSubject(highlights, '(period)');
    const composed = composeScheduleEmail({
      networkName: network.name,
      primaryColour: profile?.primaryColour ?? '#005eb8',
      scheduleName: input.name,
      subject,
      message: input.message,
      recipientName: people[0]?.name ?? 'Recipient',
      highlights,
      document:
        input.delivery === 'link'
          ? { kind: 'link', url: 'https://plexus.example/links/…', expiresOn: `${input.linkDays} days after sending` }
          : { kind: 'attached', fileName: `${label} (period).pdf`, sizeBytes: null },
      unsubscribeUrl: 'https://plexus.example/unsubscribe/…',
      reason: `${network.name} added you as a recipient of this report`,
    });
    return {
      to: people.map((p) => `${p.name} <${p.email}>`),
      subject: composed.subject,
      html: composed.html,
      text: composed.text,
      figuresFrom: latest
        ? `The latest ${label.toLowerCase()} in the library (“${latest.title}”)`
        : 'An example: no document of this kind has been generated yet',
    };
  }

  private async previewAudience(input: ScheduleInput): Promise<Array<{ name: string; email: string }>> {
    const direct = await this.recipients.recipientsIn(input.recipientIds);
    const members = input.listIds.length ? await this.recipients.memberships({ listIds: input.listIds }) : [];
    const viaLists = await this.recipients.recipientsIn([...new Set(members.map((m) => m.recipientId))]);
    const seen = new Map<string, { name: string; email: string }>();
    for (const r of [...direct, ...viaLists]) seen.set(r.id, { name: r.name, email: r.email });
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  private async load(id: string): Promise<ReportSchedule> {
    const schedule = await this.repo.schedule(id);
    if (!schedule) throw DomainException.notFound('schedule');
    return schedule;
  }

  /** Every recipient and list named must be this network's (another network's id answers 404 naming the field). */
  private async checkTargets(input: ScheduleInput): Promise<void> {
    const found = new Set((await this.recipients.recipientsIn(input.recipientIds)).map((r) => r.id));
    const missing = input.recipientIds.findIndex((rid) => !found.has(rid));
    if (missing >= 0) throw DomainException.field(`recipientIds.${missing}`, 'That recipient is not in this network', 'not_found');
    const lists = input.listIds.length ? await RequestScopes.em().find(DistributionList, { id: { $in: input.listIds } }) : [];
    const listIds = new Set(lists.map((l) => l.id));
    const missingList = input.listIds.findIndex((lid) => !listIds.has(lid));
    if (missingList >= 0) throw DomainException.field(`listIds.${missingList}`, 'That distribution list is not in this network', 'not_found');
  }

  private async apply(schedule: ReportSchedule, input: ScheduleInput, isNew: boolean): Promise<void> {
    const em = RequestScopes.em();
    await this.reports.checkReferences(input.report, 'report.');
    await this.checkTargets(input);
    Object.assign(schedule, {
      name: input.name,
      report: input.report as unknown as Record<string, unknown>,
      recurrence: input.recurrence as unknown as Record<string, unknown>,
      onlyIfChanged: input.onlyIfChanged,
      delivery: input.delivery,
      linkDays: input.linkDays,
      subject: input.subject,
      message: input.message,
    });
    if (isNew) em.persist(schedule);
    const existing = isNew ? [] : await this.repo.targets([schedule.id]);
    const wantRecipients = new Set([...new Set(input.recipientIds)]);
    const wantLists = new Set([...new Set(input.listIds)]);
    for (const t of existing) {
      const keep = t.recipientId ? wantRecipients.delete(t.recipientId) : t.listId ? wantLists.delete(t.listId) : false;
      if (!keep) em.remove(t);
    }
    for (const recipientId of wantRecipients) {
      em.persist(Object.assign(new ReportScheduleTarget(), { networkId: schedule.networkId, scheduleId: schedule.id, recipientId }));
    }
    for (const listId of wantLists) {
      em.persist(Object.assign(new ReportScheduleTarget(), { networkId: schedule.networkId, scheduleId: schedule.id, listId }));
    }
    await em.flush();
    this.syncScheduler(schedule);
  }

  /** After commit: an active schedule has its job scheduler (cron in Europe/London); any other has none. The sweep repairs a lost one. */
  private syncScheduler(schedule: ReportSchedule): void {
    const { id, networkId, status } = schedule;
    const pattern = candidateCron(parseRecurrence(schedule.recurrence));
    RequestScopes.afterCommit(async () => {
      if (status === 'active') await this.jobs.upsertReportSchedule({ id, networkId, pattern });
      else await this.jobs.removeReportSchedule(id);
    });
  }

  private async dtos(schedules: ReportSchedule[]): Promise<ScheduleDto[]> {
    const ids = schedules.map((s) => s.id);
    const [targets, unsubscribes, counts, lastRuns, recipients, lists, memberships] = await Promise.all([
      this.repo.targets(ids),
      this.repo.unsubscribes(ids),
      this.repo.audienceCounts(ids),
      this.repo.lastRuns(ids),
      this.recipients.recipients(),
      this.recipients.lists(),
      this.recipients.memberships(),
    ]);
    const needMeetings = schedules.some((s) => (s.recurrence as { kind?: string }).kind === 'after_board_meeting');
    const meetings = needMeetings ? await this.repo.boardMeetingDates() : undefined;
    const now = new Date();
    return schedules.map((s) => {
      let nextRunAt: string | null = null;
      if (s.status === 'active') {
        const [next] = nextRuns(parseRecurrence(s.recurrence), now, 1, { boardMeetings: meetings });
        nextRunAt = next ? next.toISOString() : null;
      }
      return toScheduleDto(s, {
        targets: targets.filter((t) => t.scheduleId === s.id),
        unsubscribes: unsubscribes.filter((u) => u.scheduleId === s.id),
        recipients,
        lists,
        memberships,
        audience: counts.get(s.id) ?? 0,
        lastRun: lastRuns.get(s.id) ?? null,
        nextRunAt,
      });
    });
  }
}
