import type { EntityManager } from '@mikro-orm/core';
import { recurrenceSchema, requestReportSchema, REPORT_KIND_LABELS, type RecurrenceInput } from '@plexus/contracts';
import { RAG_INFO, RAGS, nextRuns, periodKey, ragOf, riskBandOf, type Rag, type Recurrence, type RecurrenceOptions } from '@plexus/domain';
import {
  BoardMeeting,
  DistributionList,
  DistributionListMember,
  EmailOutbox,
  NetworkProfile,
  Recipient,
  ReportDelivery,
  ReportRun,
  ReportSchedule,
  ReportScheduleTarget,
  Risk,
  WorkItem,
  composeScheduleEmail,
  defaultScheduleSubject,
  type ReportHighlights,
  type TenantDb,
} from '@plexus/server';
import { createHash, randomBytes } from 'node:crypto';
import type { DemoNetwork } from '../seed/demo-data';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');
const MINUTE = 60_000;
/** The addresses in the demo emails: the default PUBLIC_URL (the seed has no configuration of its own). */
const BASE_URL = 'http://localhost:3000';
const MESSAGE_HOST = 'plexus.local';

interface DemoSchedule {
  name: string;
  report: { kind: 'progress' | 'risk_register' };
  recurrence: RecurrenceInput;
  onlyIfChanged: boolean;
  delivery: 'attach' | 'link';
  message: string;
}

/** The demo schedules of every demo network, as a manager would set them up (stored as the API stores them). */
export const DEMO_SCHEDULES: Record<'progress' | 'risk', DemoSchedule> = {
  progress: {
    name: 'Progress report to commissioners',
    report: { kind: 'progress' },
    recurrence: { kind: 'twice_yearly', months: [4, 10], on: 'first_working_day', time: '07:00' },
    onlyIfChanged: false,
    delivery: 'attach',
    message: 'Please find attached the network’s progress report for the half-year. Questions are welcome: reply to the network manager.',
  },
  risk: {
    name: 'Risk register after each board',
    report: { kind: 'risk_register' },
    // The next working day after each of the network's board meetings (the demo board's, seeded just before).
    recurrence: { kind: 'after_board_meeting', time: '07:00' },
    onlyIfChanged: true,
    delivery: 'link',
    message: '',
  },
};

/** The latest `count` run instants of a recurrence at or before `now`, oldest first. */
function pastRuns(recurrence: Recurrence, now: Date, count: number, options: RecurrenceOptions): Date[] {
  const from = new Date(now.getTime() - 3 * 366 * 24 * 3600_000);
  return nextRuns(recurrence, from, 40, options)
    .filter((d) => d.getTime() <= now.getTime())
    .slice(-count);
}

const at = (d: Date, ms: number) => new Date(d.getTime() + ms);
const longDate = (d: Date) => d.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * Loads the scheduled reports of one freshly created demo network (runs inside seedDemo, after its recipients, work
 * plan and risks): two schedules to the "Commissioners" list, and their past runs in the delivery log, as the worker
 * would have left them — the progress report sent for the latest half-year (one delivery failed once and was retried),
 * the risk register sent after the board meeting before last and skipped as unchanged after the last (so it runs after
 * seedBoard). Every latest period has its run, so a worker starting now finds nothing to catch up and sends nothing
 * until the next period.
 *
 * The seed makes no documents (a library full of demo PDFs needs the worker's renderer, and tests expect an empty
 * demo library), so the runs have no document: their content hash is believable, their document id null, and the
 * risk register's link deliveries have no download link to show (a `document_link` names a document).
 */
export async function seedSchedules(db: TenantDb, network: { id: string; slug: string }, demo: DemoNetwork, now = new Date()): Promise<void> {
  await db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    const profile = await em.findOneOrFail(NetworkProfile, { networkId: network.id });
    const list = await em.findOneOrFail(DistributionList, { name: 'Commissioners' });
    const members = await em.find(DistributionListMember, { listId: list.id });
    const audience = (await em.find(Recipient, { id: { $in: members.map((m) => m.recipientId) } })).sort(
      (a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email),
    );
    const highlights = await demoHighlights(em, demo.name);
    const boardMeetings = (await em.find(BoardMeeting, {}, { orderBy: { meetingDate: 'asc' } })).map((m) => m.meetingDate);
    const options: RecurrenceOptions = { boardMeetings };

    const make = (spec: DemoSchedule, firstRun: Date) => {
      const recurrence = recurrenceSchema.parse(spec.recurrence);
      const created = at(firstRun, -21 * 24 * 60 * MINUTE);
      const schedule = Object.assign(new ReportSchedule(), {
        networkId: network.id,
        name: spec.name,
        report: requestReportSchema.parse(spec.report) as unknown as Record<string, unknown>,
        recurrence: recurrence as unknown as Record<string, unknown>,
        onlyIfChanged: spec.onlyIfChanged,
        delivery: spec.delivery,
        message: spec.message,
        createdAt: created,
        updatedAt: created,
      });
      em.persist(schedule);
      em.persist(Object.assign(new ReportScheduleTarget(), { networkId: network.id, scheduleId: schedule.id, listId: list.id, createdAt: created }));
      return { schedule, recurrence };
    };

    /** A run that went out: one delivery per commissioner, each an email the SMTP server accepted (`retried`: the one whose first attempt failed). */
    const sent = (schedule: ReportSchedule, recurrence: Recurrence, dueAt: Date, contentHash: string, h: ReportHighlights, retried = -1) => {
      const key = periodKey(recurrence, dueAt, options);
      const finishedAt = at(dueAt, 38_000);
      const run = Object.assign(new ReportRun(), {
        networkId: network.id,
        scheduleId: schedule.id,
        periodKey: key,
        dueAt,
        trigger: 'schedule' as const,
        state: 'sent' as const,
        contentHash,
        createdAt: at(dueAt, 1_000),
        finishedAt,
      });
      em.persist(run);
      const subject = defaultScheduleSubject(h, key);
      audience.forEach((person, i) => {
        const unsubscribeToken = token();
        const email = Object.assign(new EmailOutbox(), {
          networkId: network.id,
          kind: 'scheduled_report',
          toAddress: person.email,
          subject,
          status: 'sent' as const,
          // The retried one: its first attempt met a full mailbox server (4xx), the second, five minutes on, was accepted.
          attempts: i === retried ? 2 : 1,
          lastError: null,
          smtpResponse: `250 2.0.0 Ok: queued as DEMO${randomBytes(5).toString('hex').toUpperCase()}`,
          createdAt: finishedAt,
        });
        email.messageId = `<${email.id}@${MESSAGE_HOST}>`;
        email.sentAt = at(finishedAt, i === retried ? 5 * MINUTE + 4_000 : 2_000 + i * 700);
        email.updatedAt = email.sentAt;
        const linked = schedule.delivery === 'link';
        const composed = composeScheduleEmail({
          networkName: demo.name,
          primaryColour: profile.primaryColour ?? '#005eb8',
          scheduleName: schedule.name,
          subject,
          message: schedule.message,
          recipientName: person.name,
          highlights: h,
          document: linked
            ? {
                kind: 'link',
                url: `${BASE_URL}/links/${network.slug}/${token()}`,
                expiresOn: longDate(at(dueAt, schedule.linkDays * 24 * 60 * MINUTE)),
              }
            : { kind: 'attached', fileName: `${h.title} ${key}.pdf`, sizeBytes: null },
          unsubscribeUrl: `${BASE_URL}/unsubscribe/${network.slug}/${unsubscribeToken}`,
          reason: `you are on the ${list.name} list of ${demo.name}`,
        });
        Object.assign(email, {
          bodyText: composed.text,
          bodyHtml: composed.html,
          headers: {
            'List-Unsubscribe': `<${BASE_URL}/api/unsubscribe/${network.slug}/${unsubscribeToken}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
          attachmentName: linked ? null : `${h.title} ${key}.pdf`,
        });
        em.persist(email);
        em.persist(
          Object.assign(new ReportDelivery(), {
            networkId: network.id,
            runId: run.id,
            recipientId: person.id,
            recipientName: person.name,
            toAddress: person.email,
            emailId: email.id,
            mode: linked ? 'link' : 'attach',
            unsubscribeTokenHash: sha256(unsubscribeToken),
            createdAt: finishedAt,
          }),
        );
      });
      return run;
    };

    // The progress report: the latest half-year's, sent, one delivery retried once.
    const progressSpec = DEMO_SCHEDULES.progress;
    const [progressDue] = pastRuns(recurrenceSchema.parse(progressSpec.recurrence), now, 1, options);
    const progress = make(progressSpec, progressDue);
    sent(
      progress.schedule,
      progress.recurrence,
      progressDue,
      sha256(`demo ${network.slug} progress ${progressDue.toISOString()}`),
      highlights.progress,
      1,
    );

    // The risk register: sent after the board before last, then skipped after the last (nothing changed: the same hash).
    const riskSpec = DEMO_SCHEDULES.risk;
    const [riskSentDue, riskSkippedDue] = pastRuns(recurrenceSchema.parse(riskSpec.recurrence), now, 2, options);
    const risk = make(riskSpec, riskSentDue);
    const riskHash = sha256(`demo ${network.slug} risk register ${riskSentDue.toISOString()}`);
    sent(risk.schedule, risk.recurrence, riskSentDue, riskHash, highlights.risk);
    em.persist(
      Object.assign(new ReportRun(), {
        networkId: network.id,
        scheduleId: risk.schedule.id,
        periodKey: periodKey(risk.recurrence, riskSkippedDue, options),
        dueAt: riskSkippedDue,
        trigger: 'schedule' as const,
        state: 'skipped_unchanged' as const,
        contentHash: riskHash,
        reason: 'The report’s content has not changed since the last delivery',
        createdAt: at(riskSkippedDue, 1_000),
        finishedAt: at(riskSkippedDue, 9_000),
      }),
    );
    await em.flush();
  });
}

/** The key figures the demo emails carried: the network's work items by BRAG status, and its top open risks. */
async function demoHighlights(em: EntityManager, networkName: string): Promise<{ progress: ReportHighlights; risk: ReportHighlights }> {
  const items = await em.find(WorkItem, {});
  const byRag = new Map<Rag, number>();
  for (const item of items) byRag.set(ragOf(item.status), (byRag.get(ragOf(item.status)) ?? 0) + 1);
  const risks = (await em.find(Risk, { status: 'open' })).flatMap((r) =>
    r.likelihoodAfter && r.impactAfter ? [{ r, score: r.likelihoodAfter * r.impactAfter, band: riskBandOf(r.likelihoodAfter, r.impactAfter) }] : [],
  );
  risks.sort((a, b) => b.score - a.score || a.r.number - b.r.number);
  const base = { subtitle: '', networkName, generatedOn: '', topRisks: [] };
  return {
    progress: {
      ...base,
      title: REPORT_KIND_LABELS.progress,
      facts: [{ label: 'Work items', value: String(items.length) }],
      counts: items.length
        ? {
            heading: `Work items by status (${items.length} in all)`,
            items: RAGS.filter((rag) => byRag.has(rag)).map((rag) => ({
              label: `${RAG_INFO[rag].label} – ${RAG_INFO[rag].meaning}`,
              count: byRag.get(rag) ?? 0,
              colour: RAG_INFO[rag].colour,
              textColour: RAG_INFO[rag].textColour,
            })),
          }
        : null,
    },
    risk: {
      ...base,
      title: REPORT_KIND_LABELS.risk_register,
      facts: [{ label: 'Open risks', value: String(risks.length) }],
      counts: null,
      topRisks: risks
        .slice(0, 5)
        .map(({ r, score, band }) => ({ reference: r.reference, description: r.description, score: String(score), band: band.label })),
    },
  };
}
