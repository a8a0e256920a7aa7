import { LockMode, type FilterQuery } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import type { SubmissionState } from '@plexus/domain';
import { sql, uuidArray } from '../db/sql';
import { RequestScopes } from '../tenancy/request-scope';
import { Submission } from './submission.entity';
import { SubmissionChaser } from './submission-chaser.entity';
import { SubmissionFile } from './submission-file.entity';

/** Counts of submissions by state, and how many open ones are past their due date. */
export interface SubmissionCounts {
  total: number;
  awaited: number;
  submitted: number;
  accepted: number;
  moreInformationRequested: number;
  overdue: number;
}

export const NO_SUBMISSIONS: SubmissionCounts = Object.freeze({
  total: 0,
  awaited: 0,
  submitted: 0,
  accepted: 0,
  moreInformationRequested: 0,
  overdue: 0,
});

/** Counts for one (cycle, activity, organisation); add them up for any grouping. */
export interface SubmissionCountRow extends SubmissionCounts {
  cycleId: string;
  activityId: string;
  organisationId: string;
}

export function addCounts(a: SubmissionCounts, b: SubmissionCounts): SubmissionCounts {
  return {
    total: a.total + b.total,
    awaited: a.awaited + b.awaited,
    submitted: a.submitted + b.submitted,
    accepted: a.accepted + b.accepted,
    moreInformationRequested: a.moreInformationRequested + b.moreInformationRequested,
    overdue: a.overdue + b.overdue,
  };
}

/** What a list of submissions is narrowed to. `organisationId` is also how a contributor's reads are kept to their own. */
export interface SubmissionFilter {
  cycleId?: string;
  activityId?: string;
  organisationId?: string | null;
  states?: SubmissionState[];
  /** Only submissions of cycles in this status. */
  cycleStatus?: 'draft' | 'active' | 'closed';
}

/** An open submission of an active cycle, with what a chaser needs to say. */
export interface OpenSubmission {
  submissionId: string;
  organisationId: string;
  organisationName: string;
  documentName: string;
  state: SubmissionState;
  dueDate: string;
  reason: string;
  cycleId: string;
  cycleName: string;
  reminderDays: number[];
  activityTitle: string;
}

/**
 * Queries for the current network's submissions, their uploaded versions and the reminders sent (scoped by the tenant
 * filter and RLS, which also keeps a contributor to their own organisation's rows; raw statements name the network).
 * Callers pass a contributor's organisation as `organisationId` so that the API's answers are narrowed before RLS.
 */
@Injectable()
export class SubmissionRepository {
  private get em() {
    return RequestScopes.em();
  }

  /** Submissions, by due date, then organisation and document. */
  async submissions(filter: SubmissionFilter): Promise<Submission[]> {
    const where: FilterQuery<Submission> = {};
    if (filter.cycleId) where.cycleId = filter.cycleId;
    if (filter.activityId) where.activityId = filter.activityId;
    if (filter.organisationId) where.organisationId = filter.organisationId;
    if (filter.states?.length) where.state = { $in: filter.states };
    if (filter.cycleStatus) {
      const networkId = RequestScopes.networkId();
      const q = sql`select id from review_cycle where network_id = ${networkId} and status = ${filter.cycleStatus}`;
      const cycles = (await this.em.execute<Array<{ id: string }>>(q.text, q.params)).map((r) => r.id);
      if (!cycles.length) return [];
      where.cycleId = filter.cycleId ? (cycles.includes(filter.cycleId) ? filter.cycleId : { $in: [] }) : { $in: cycles };
    }
    return this.em.find(Submission, where, { orderBy: { dueDate: 'asc', organisationId: 'asc', documentName: 'asc', id: 'asc' } });
  }

  /** One submission, if it is in `organisationId` (when given: a contributor's own organisation). */
  submission(id: string, organisationId?: string | null): Promise<Submission | null> {
    return this.em.findOne(Submission, organisationId ? { id, organisationId } : { id });
  }

  /** The same, its row locked until the transaction ends: uploads and reviews of one submission take turns. */
  submissionForChange(id: string, organisationId?: string | null): Promise<Submission | null> {
    return this.em.findOne(Submission, organisationId ? { id, organisationId } : { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** A version of a submission. */
  file(submissionId: string, fileId: string): Promise<SubmissionFile | null> {
    return this.em.findOne(SubmissionFile, { id: fileId, submissionId });
  }

  /** Every version of a submission, newest first. */
  files(submissionId: string): Promise<SubmissionFile[]> {
    return this.em.find(SubmissionFile, { submissionId }, { orderBy: { version: 'desc' } });
  }

  /** Per submission: its newest version and how many there are. */
  async latestFiles(submissionIds: string[]): Promise<Map<string, { latest: SubmissionFile; count: number }>> {
    if (!submissionIds.length) return new Map();
    const networkId = RequestScopes.networkId();
    const q = sql`select distinct on (submission_id) id, count(*) over (partition by submission_id)::int as n
      from submission_file where network_id = ${networkId} and submission_id = any(${uuidArray(submissionIds)}::uuid[])
      order by submission_id, version desc`;
    const rows = await this.em.execute<Array<{ id: string; n: number }>>(q.text, q.params);
    if (!rows.length) return new Map();
    const files = await this.em.find(SubmissionFile, { id: { $in: rows.map((r) => r.id) } });
    const counts = new Map(rows.map((r) => [r.id, r.n]));
    return new Map(files.map((f) => [f.submissionId, { latest: f, count: counts.get(f.id) ?? 1 }]));
  }

  /** The version the next upload of a submission gets (call with the submission locked). */
  async nextVersion(submissionId: string): Promise<number> {
    const networkId = RequestScopes.networkId();
    const q = sql`select coalesce(max(version), 0)::int + 1 as v from submission_file where network_id = ${networkId} and submission_id = ${submissionId}`;
    const [row] = await this.em.execute<Array<{ v: number }>>(q.text, q.params);
    return row?.v ?? 1;
  }

  /** The reminders sent for a submission, newest first. */
  chasers(submissionId: string): Promise<SubmissionChaser[]> {
    return this.em.find(SubmissionChaser, { submissionId }, { orderBy: { sentAt: 'desc', id: 'desc' } });
  }

  /** Counts by (cycle, activity, organisation), open ones past their due date counted as overdue on `today`. */
  async counts(today: string, filter: { cycleId?: string; organisationId?: string | null } = {}): Promise<SubmissionCountRow[]> {
    const networkId = RequestScopes.networkId();
    const scope = sql.join(
      [
        sql`network_id = ${networkId}`,
        ...(filter.cycleId ? [sql`cycle_id = ${filter.cycleId}`] : []),
        ...(filter.organisationId ? [sql`organisation_id = ${filter.organisationId}`] : []),
      ],
      sql` and `,
    );
    const q = sql`select cycle_id as "cycleId", activity_id as "activityId", organisation_id as "organisationId",
        count(*)::int as total,
        count(*) filter (where state = 'awaited')::int as awaited,
        count(*) filter (where state = 'submitted')::int as submitted,
        count(*) filter (where state = 'accepted')::int as accepted,
        count(*) filter (where state = 'more_information_requested')::int as "moreInformationRequested",
        count(*) filter (where state in ('awaited', 'more_information_requested') and due_date < ${today}::date)::int as overdue
      from submission where ${scope}
      group by cycle_id, activity_id, organisation_id`;
    return this.em.execute<SubmissionCountRow[]>(q.text, q.params);
  }

  /** How many versions were uploaded to these submissions (a plan change must not take uploaded documents with it). */
  async fileCount(filter: { cycleId?: string; activityId?: string; organisationIds?: string[]; submissionIds?: string[] }): Promise<number> {
    const networkId = RequestScopes.networkId();
    const where = [sql`s.network_id = ${networkId}`];
    if (filter.cycleId) where.push(sql`s.cycle_id = ${filter.cycleId}`);
    if (filter.activityId) where.push(sql`s.activity_id = ${filter.activityId}`);
    if (filter.organisationIds) where.push(sql`s.organisation_id = any(${uuidArray(filter.organisationIds)}::uuid[])`);
    if (filter.submissionIds) where.push(sql`s.id = any(${uuidArray(filter.submissionIds)}::uuid[])`);
    const q = sql`select count(*)::int as n from submission_file f
      join submission s on s.network_id = f.network_id and s.id = f.submission_id
      where ${sql.join(where, sql` and `)}`;
    const [row] = await this.em.execute<Array<{ n: number }>>(q.text, q.params);
    return row?.n ?? 0;
  }

  // ---- chasers (the worker) ---------------------------------------------------------------------------------

  /** Open submissions (awaited, more information requested) of the network's active cycles, due on or before `until`. */
  async openInActiveCycles(until: string): Promise<OpenSubmission[]> {
    const networkId = RequestScopes.networkId();
    const q = sql`select s.id as "submissionId", s.organisation_id as "organisationId", o.name as "organisationName",
        s.document_name as "documentName", s.state, s.due_date::text as "dueDate", s.reason,
        c.id as "cycleId", c.name as "cycleName", c.reminder_days as "reminderDays", a.title as "activityTitle"
      from submission s
      join review_cycle c on c.network_id = s.network_id and c.id = s.cycle_id
      join review_activity a on a.network_id = s.network_id and a.id = s.activity_id
      join member_organisation o on o.network_id = s.network_id and o.id = s.organisation_id
      where s.network_id = ${networkId} and c.status = 'active'
        and s.state in ('awaited', 'more_information_requested') and s.due_date <= ${until}::date
      order by s.due_date, o.name, s.document_name, s.id`;
    const rows = await this.em.execute<Array<Omit<OpenSubmission, 'reminderDays'> & { reminderDays: unknown }>>(q.text, q.params);
    return rows.map((r) => ({
      ...r,
      reminderDays: (typeof r.reminderDays === 'string' ? JSON.parse(r.reminderDays) : r.reminderDays) as number[],
    }));
  }

  /**
   * Records a chaser step for a submission, unless that step (from that due date) was already recorded: true when this
   * call recorded it. A second worker doing the same waits for the first's transaction and then records nothing.
   */
  async recordChaser(input: {
    id: string;
    submissionId: string;
    organisationId: string;
    step: string;
    dueDate: string;
    emailIds: string[];
    sentAt: Date;
  }): Promise<boolean> {
    const networkId = RequestScopes.networkId();
    const q = sql`insert into submission_chaser (id, network_id, submission_id, organisation_id, step, due_date, sent_at, email_ids)
      values (${input.id}, ${networkId}, ${input.submissionId}, ${input.organisationId}, ${input.step}, ${input.dueDate}::date, ${input.sentAt},
        ${JSON.stringify(input.emailIds)}::jsonb)
      on conflict (network_id, submission_id, step, due_date) do nothing
      returning id`;
    const rows = await this.em.execute<Array<{ id: string }>>(q.text, q.params);
    return rows.length === 1;
  }

  /** The contributors who act for each of these organisations: their names and email addresses. */
  async contributors(organisationIds: string[]): Promise<Map<string, Array<{ userId: string; name: string; email: string }>>> {
    const out = new Map<string, Array<{ userId: string; name: string; email: string }>>();
    if (!organisationIds.length) return out;
    const networkId = RequestScopes.networkId();
    const q = sql`select m.organisation_id as "organisationId", u.id as "userId", u.display_name as name, u.email
      from membership m join app_user u on u.id = m.user_id
      where m.network_id = ${networkId} and m.role = 'contributor' and m.organisation_id = any(${uuidArray(organisationIds)}::uuid[])
      order by u.display_name, u.id`;
    for (const r of await this.em.execute<Array<{ organisationId: string; userId: string; name: string; email: string }>>(q.text, q.params)) {
      const list = out.get(r.organisationId) ?? [];
      list.push({ userId: r.userId, name: r.name, email: r.email });
      out.set(r.organisationId, list);
    }
    return out;
  }
}
