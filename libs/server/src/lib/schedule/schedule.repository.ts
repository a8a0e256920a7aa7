import { Injectable } from '@nestjs/common';
import { sql, uuidArray, type Sql } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { ReportRun } from './report-run.entity';
import { ReportSchedule } from './report-schedule.entity';
import { ReportScheduleTarget } from './report-schedule-target.entity';
import { ReportScheduleUnsubscribe } from './report-schedule-unsubscribe.entity';

/** A person a run sends to: a recipient named directly or through a list, not unsubscribed from the schedule. */
export interface AudienceMember {
  recipientId: string;
  name: string;
  email: string;
  /** The lists that brought them in (empty: named directly). */
  lists: string[];
}

export type DeliveryState = 'pending' | 'sent' | 'retrying' | 'given_up';

export interface RunRow {
  id: string;
  scheduleId: string;
  scheduleName: string;
  periodKey: string;
  dueAt: Date;
  trigger: 'schedule' | 'manual';
  state: ReportRun['state'];
  reason: string | null;
  documentId: string | null;
  documentSha256: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  total: number;
  sent: number;
  pending: number;
  retrying: number;
  givenUp: number;
}

export interface DeliveryRow {
  id: string;
  runId: string;
  scheduleId: string;
  scheduleName: string;
  periodKey: string;
  recipientId: string | null;
  recipientName: string;
  toAddress: string;
  mode: 'attach' | 'link';
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  smtpResponse: string | null;
  messageId: string;
  createdAt: Date;
  sentAt: Date | null;
  documentSha256: string | null;
  linkId: string | null;
  linkExpiresAt: Date | null;
  linkRevokedAt: Date | null;
  downloads: Array<{ at: string; ipAddress: string }>;
  unsubscribedAt: Date | null;
}

export interface LogFilter {
  scheduleId?: string;
  recipientId?: string;
  state?: DeliveryState;
  from?: string;
  to?: string;
  limit?: number;
}

/** The state a delivery shows, from its outbox email. */
const DELIVERY_STATE = sql`case
  when e.status = 'sent' then 'sent'
  when e.status = 'failed' then 'given_up'
  when e.attempts > 0 and e.last_error is not null then 'retrying'
  else 'pending' end`;

/**
 * Queries for the current network's schedules, runs and deliveries (the delivery log), for the API and the worker
 * alike. Scoped by the tenant filter and, for the raw statements, by RLS (every table here has it).
 */
@Injectable()
export class ScheduleRepository {
  private get em() {
    return RequestScopes.em();
  }

  private async rows<T>(query: Sql): Promise<T[]> {
    return this.em.execute<T[]>(query.text, query.params);
  }

  schedules(includeArchived = false): Promise<ReportSchedule[]> {
    return this.em.find(ReportSchedule, includeArchived ? {} : { status: { $ne: 'archived' } }, { orderBy: { name: 'asc', createdAt: 'asc' } });
  }

  schedule(id: string): Promise<ReportSchedule | null> {
    return this.em.findOne(ReportSchedule, { id });
  }

  targets(scheduleIds: string[]): Promise<ReportScheduleTarget[]> {
    return scheduleIds.length ? this.em.find(ReportScheduleTarget, { scheduleId: { $in: scheduleIds } }) : Promise.resolve([]);
  }

  unsubscribes(scheduleIds: string[]): Promise<ReportScheduleUnsubscribe[]> {
    return scheduleIds.length
      ? this.em.find(ReportScheduleUnsubscribe, { scheduleId: { $in: scheduleIds } }, { orderBy: { createdAt: 'asc' } })
      : Promise.resolve([]);
  }

  /** Who a run of the schedule sends to now: named recipients and the members of its lists, once each, less the unsubscribed. */
  async audience(scheduleId: string): Promise<AudienceMember[]> {
    const rows = await this.rows<{ recipient_id: string; name: string; email: string; lists: string[] }>(sql`
      with wanted as (
        select t.recipient_id, null::text as list_name from report_schedule_target t where t.schedule_id = ${scheduleId} and t.recipient_id is not null
        union all
        select m.recipient_id, l.name from report_schedule_target t
          join distribution_list l on l.id = t.list_id
          join distribution_list_member m on m.list_id = t.list_id
        where t.schedule_id = ${scheduleId}
      )
      select r.id as recipient_id, r.name, r.email, coalesce(array_agg(w.list_name order by w.list_name) filter (where w.list_name is not null), '{}') as lists
      from wanted w join recipient r on r.id = w.recipient_id
      where not exists (select 1 from report_schedule_unsubscribe u where u.schedule_id = ${scheduleId} and u.recipient_id = r.id)
      group by r.id, r.name, r.email
      order by r.name, r.email`);
    return rows.map((r) => ({ recipientId: r.recipient_id, name: r.name, email: r.email, lists: r.lists }));
  }

  /** How many a run of each schedule would send to now. */
  async audienceCounts(scheduleIds: string[]): Promise<Map<string, number>> {
    if (!scheduleIds.length) return new Map();
    const rows = await this.rows<{ schedule_id: string; n: string }>(sql`
      with wanted as (
        select t.schedule_id, t.recipient_id from report_schedule_target t where t.schedule_id = any(${uuidArray(scheduleIds)}::uuid[]) and t.recipient_id is not null
        union
        select t.schedule_id, m.recipient_id from report_schedule_target t join distribution_list_member m on m.list_id = t.list_id
        where t.schedule_id = any(${uuidArray(scheduleIds)}::uuid[])
      )
      select w.schedule_id, count(*) as n from wanted w
      where not exists (select 1 from report_schedule_unsubscribe u where u.schedule_id = w.schedule_id and u.recipient_id = w.recipient_id)
      group by w.schedule_id`);
    return new Map(rows.map((r) => [r.schedule_id, Number(r.n)]));
  }

  /** The network's board meeting days (YYYY-MM-DD), for after-board schedules. */
  async boardMeetingDates(): Promise<string[]> {
    const rows = await this.rows<{ d: string }>(sql`select distinct to_char(meeting_date, 'YYYY-MM-DD') as d from board_meeting order by d`);
    return rows.map((r) => r.d);
  }

  /** Runs, newest first, with their delivery counts; filtered by schedule or by the runs that reached a recipient. */
  async runs(filter: LogFilter & { ids?: string[] } = {}): Promise<RunRow[]> {
    const where: Sql[] = [sql`true`];
    if (filter.ids) where.push(sql`r.id = any(${uuidArray(filter.ids)}::uuid[])`);
    if (filter.scheduleId) where.push(sql`r.schedule_id = ${filter.scheduleId}`);
    if (filter.recipientId)
      where.push(sql`exists (select 1 from report_delivery dd where dd.run_id = r.id and dd.recipient_id = ${filter.recipientId})`);
    if (filter.from) where.push(sql`r.created_at >= ${filter.from}::date`);
    if (filter.to) where.push(sql`r.created_at < ${filter.to}::date + 1`);
    const rows = await this.rows<Record<string, unknown>>(sql`
      select r.id, r.schedule_id, s.name as schedule_name, r.period_key, r.due_at, r.trigger, r.state, r.reason, r.document_id,
        doc.sha256 as document_sha256, r.created_at, r.finished_at,
        count(d.id) as total,
        count(d.id) filter (where e.status = 'sent') as sent,
        count(d.id) filter (where e.status in ('pending', 'sending') and not (e.attempts > 0 and e.last_error is not null)) as pending,
        count(d.id) filter (where e.status in ('pending', 'sending') and e.attempts > 0 and e.last_error is not null) as retrying,
        count(d.id) filter (where e.status = 'failed') as given_up
      from report_run r
        join report_schedule s on s.id = r.schedule_id
        left join report_document doc on doc.id = r.document_id
        left join report_delivery d on d.run_id = r.id
        left join email_outbox e on e.id = d.email_id
      where ${sql.join(where, sql` and `)}
      group by r.id, s.name, doc.sha256
      order by r.created_at desc, r.id
      limit ${filter.limit ?? 200}`);
    return rows.map((r) => ({
      id: r['id'] as string,
      scheduleId: r['schedule_id'] as string,
      scheduleName: r['schedule_name'] as string,
      periodKey: r['period_key'] as string,
      dueAt: new Date(r['due_at'] as string),
      trigger: r['trigger'] as RunRow['trigger'],
      state: r['state'] as RunRow['state'],
      reason: (r['reason'] as string | null) ?? null,
      documentId: (r['document_id'] as string | null) ?? null,
      documentSha256: (r['document_sha256'] as string | null) ?? null,
      createdAt: new Date(r['created_at'] as string),
      finishedAt: r['finished_at'] ? new Date(r['finished_at'] as string) : null,
      total: Number(r['total']),
      sent: Number(r['sent']),
      pending: Number(r['pending']),
      retrying: Number(r['retrying']),
      givenUp: Number(r['given_up']),
    }));
  }

  /** The latest run of each schedule. */
  async lastRuns(scheduleIds: string[]): Promise<Map<string, RunRow>> {
    const out = new Map<string, RunRow>();
    if (!scheduleIds.length) return out;
    const latest = await this.rows<{ id: string; schedule_id: string }>(sql`
      select distinct on (schedule_id) id, schedule_id from report_run where schedule_id = any(${uuidArray(scheduleIds)}::uuid[]) order by schedule_id, created_at desc`);
    if (!latest.length) return out;
    const runs = await this.runsByIds(latest.map((l) => l.id));
    for (const run of runs) out.set(run.scheduleId, run);
    return out;
  }

  private runsByIds(ids: string[]): Promise<RunRow[]> {
    return this.runs({ ids, limit: ids.length });
  }

  /** Deliveries, newest first, with their email's state, the document's checksum, the link and its downloads. */
  async deliveries(filter: LogFilter & { runIds?: string[] } = {}): Promise<DeliveryRow[]> {
    const where: Sql[] = [sql`true`];
    if (filter.scheduleId) where.push(sql`r.schedule_id = ${filter.scheduleId}`);
    if (filter.recipientId) where.push(sql`d.recipient_id = ${filter.recipientId}`);
    if (filter.runIds) where.push(sql`d.run_id = any(${uuidArray(filter.runIds)}::uuid[])`);
    if (filter.state) where.push(sql`(${DELIVERY_STATE}) = ${filter.state}`);
    if (filter.from) where.push(sql`d.created_at >= ${filter.from}::date`);
    if (filter.to) where.push(sql`d.created_at < ${filter.to}::date + 1`);
    const rows = await this.rows<Record<string, unknown>>(sql`
      select d.id, d.run_id, r.schedule_id, s.name as schedule_name, r.period_key, d.recipient_id, d.recipient_name, d.to_address, d.mode,
        ${DELIVERY_STATE} as state, e.attempts, e.last_error, e.smtp_response, e.message_id, d.created_at, e.sent_at,
        doc.sha256 as document_sha256, l.id as link_id, l.expires_at as link_expires_at, l.revoked_at as link_revoked_at,
        coalesce((select json_agg(json_build_object('at', dl.created_at, 'ipAddress', dl.ip_address) order by dl.created_at)
          from document_link_download dl where dl.link_id = l.id), '[]'::json) as downloads,
        u.created_at as unsubscribed_at
      from report_delivery d
        join report_run r on r.id = d.run_id
        join report_schedule s on s.id = r.schedule_id
        join email_outbox e on e.id = d.email_id
        left join report_document doc on doc.id = r.document_id
        left join document_link l on l.delivery_id = d.id
        left join report_schedule_unsubscribe u on u.delivery_id = d.id
      where ${sql.join(where, sql` and `)}
      order by d.created_at desc, d.to_address
      limit ${filter.limit ?? 1000}`);
    return rows.map((r) => ({
      id: r['id'] as string,
      runId: r['run_id'] as string,
      scheduleId: r['schedule_id'] as string,
      scheduleName: r['schedule_name'] as string,
      periodKey: r['period_key'] as string,
      recipientId: (r['recipient_id'] as string | null) ?? null,
      recipientName: r['recipient_name'] as string,
      toAddress: r['to_address'] as string,
      mode: r['mode'] as DeliveryRow['mode'],
      state: r['state'] as DeliveryState,
      attempts: Number(r['attempts']),
      lastError: (r['last_error'] as string | null) ?? null,
      smtpResponse: (r['smtp_response'] as string | null) ?? null,
      messageId: r['message_id'] as string,
      createdAt: new Date(r['created_at'] as string),
      sentAt: r['sent_at'] ? new Date(r['sent_at'] as string) : null,
      documentSha256: (r['document_sha256'] as string | null) ?? null,
      linkId: (r['link_id'] as string | null) ?? null,
      linkExpiresAt: r['link_expires_at'] ? new Date(r['link_expires_at'] as string) : null,
      linkRevokedAt: r['link_revoked_at'] ? new Date(r['link_revoked_at'] as string) : null,
      downloads: ((r['downloads'] as Array<{ at: string; ipAddress: string }>) ?? []).map((x) => ({
        at: new Date(x.at).toISOString(),
        ipAddress: x.ipAddress,
      })),
      unsubscribedAt: r['unsubscribed_at'] ? new Date(r['unsubscribed_at'] as string) : null,
    }));
  }

  /** The content hash of the schedule's last run that sent something (for "only if changed"). */
  async lastSentHash(scheduleId: string): Promise<string | null> {
    const [row] = await this.rows<{ content_hash: string | null }>(sql`
      select content_hash from report_run where schedule_id = ${scheduleId} and state = 'sent' order by created_at desc limit 1`);
    return row?.content_hash ?? null;
  }

  /** The newest ready document of a kind (its view model gives "preview the email" real figures). */
  async latestSnapshot(kind: string): Promise<{ snapshot: unknown; title: string } | null> {
    const [row] = await this.rows<{ snapshot: unknown; title: string }>(sql`
      select snapshot, title from report_document where kind = ${kind} and status = 'ready' and snapshot is not null order by finished_at desc limit 1`);
    return row ?? null;
  }
}
