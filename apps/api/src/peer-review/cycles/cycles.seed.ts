import {
  addDays,
  dueChaserStep,
  financialYearStartOf,
  formatFinancialYear,
  planFromTemplate,
  quarterDueDate,
  reminderDate,
  todayIso,
  type ChaserStep,
  type SubmissionState,
} from '@plexus/domain';
import {
  AppUser,
  composeChaserEmail,
  EmailOutbox,
  MemberOrganisation,
  Membership,
  Network,
  ReviewActivity,
  ReviewCycle,
  ReviewCycleOrganisation,
  Submission,
  SUBMISSION_CONTENT_TYPES,
  SubmissionChaser,
  SubmissionFile,
  submissionFileKey,
  type DocumentStorage,
  type TenantDb,
} from '@plexus/server';
import { createHash } from 'node:crypto';
import type { DemoNetwork } from '../../seed/demo-data';
import { seedPeerReviewOutcomes } from '../reviews/reviews.seed';

/** The addresses in the demo emails: the default PUBLIC_URL (the seed has no configuration of its own). */
const BASE_URL = 'http://localhost:3000';
const MESSAGE_HOST = 'plexus.local';

/** The demo networks that run a peer review programme, and which of their organisations are in scope. */
const PROGRAMMES: Record<string, { organisations: string[]; panel: string[]; externalReviewers: string[] }> = {
  'east-midlands-mtn': {
    organisations: [
      'Northfield University Hospitals NHS Trust',
      'Riverside General Hospital',
      'Kingsmead Hospital',
      'Eastern Counties Ambulance Service',
    ],
    panel: ['priya.shah@example.org', 'ravi.kumar@example.org', 'lucy.bennett@example.org'],
    externalReviewers: ['Dr Sam Ellis, North West Children’s Major Trauma Network', 'Joanne Hart, Yorkshire Major Trauma Network'],
  },
};

type Plan = { state: SubmissionState; submittedDaysBefore?: number; reason?: string };

/**
 * Year 1's annual documents, organisation by organisation: every state a submission can be in. The major trauma
 * centre is done; Riverside (the demo contributor's trust) has one accepted, one sent back with a reason and one
 * still owed; Kingsmead waits on the network; the ambulance service owes two.
 */
const YEAR_ONE: Record<string, Record<string, Plan>> = {
  'Northfield University Hospitals NHS Trust': {
    'Annual report': { state: 'accepted', submittedDaysBefore: 12 },
    'Work plan': { state: 'accepted', submittedDaysBefore: 9 },
    'Operational policy': { state: 'accepted', submittedDaysBefore: 5 },
  },
  'Riverside General Hospital': {
    'Annual report': { state: 'accepted', submittedDaysBefore: 10 },
    'Work plan': {
      state: 'more_information_requested',
      submittedDaysBefore: 5,
      reason:
        'The work plan does not yet answer last cycle’s recommendations 3 and 4 (rehabilitation prescriptions and the trauma audit lead). Add the actions, their owners and dates.',
    },
    'Operational policy': { state: 'awaited' },
  },
  'Kingsmead Hospital': {
    'Annual report': { state: 'submitted', submittedDaysBefore: 2 },
    'Work plan': { state: 'submitted', submittedDaysBefore: 1 },
    'Operational policy': { state: 'accepted', submittedDaysBefore: 14 },
  },
  'Eastern Counties Ambulance Service': {
    'Annual report': { state: 'awaited' },
    'Work plan': { state: 'submitted', submittedDaysBefore: 3 },
    'Operational policy': { state: 'awaited' },
  },
};

/** A small, valid one-page PDF with these lines (Helvetica; plain ASCII). */
export function demoPdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[^\x20-\x7e]/g, '-').replace(/([\\()])/g, '\\$1');
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${escape(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Year 1's first quarter is over: the cycle starts in the financial year whose 30 June has passed. */
export function demoCycleStart(today: string): number {
  const current = financialYearStartOf(today);
  return today > quarterDueDate(current, 1) ? current : current - 1;
}

const noon = (day: string, hour = 9) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * A demo network's peer review programme (seed 002's shape): one active cycle made from the two-year template over
 * the network's member organisations, year 1's annual documents in every state (with their files stored), year 2's
 * owed, the formal review meetings with their panel, and the chasers already sent to the demo contributor's trust
 * (recorded with their emails as sent), so that a worker starting now sends only what falls due from today. Runs when
 * the network has no cycle yet (so an existing demo database gains it too); without `storage`, no file bytes are kept.
 */
export async function seedPeerReview(
  db: TenantDb,
  network: Pick<Network, 'id' | 'slug' | 'name'>,
  demo: DemoNetwork,
  storage: DocumentStorage | undefined,
  today = todayIso('Europe/London'),
): Promise<boolean> {
  const programme = PROGRAMMES[network.slug];
  if (!programme) return false;
  const files: Array<{ key: string; bytes: Buffer; type: string }> = [];
  const created = await db.inNetwork({ userId: null, networkId: network.id, networkSlug: network.slug }, async ({ em }) => {
    if (await em.count(ReviewCycle, {})) return false;
    const organisations = await em.find(MemberOrganisation, { name: { $in: programme.organisations } });
    const memberships = await em.find(Membership, {});
    const users = await em.find(AppUser, { id: { $in: memberships.map((m) => m.userId) } });
    const userByEmail = new Map(users.map((u) => [u.email, u]));
    const manager = memberships.find((m) => m.role === 'manager')?.userId ?? null;
    const start = demoCycleStart(today);
    const cycle = Object.assign(new ReviewCycle(), {
      networkId: network.id,
      name: `Peer Review Programme ${start}/${start + 2}`,
      firstFy: formatFinancialYear(start),
      lastFy: formatFinancialYear(start + 1),
      status: 'active',
      reminderDays: [14, 3],
      createdAt: noon(addDays(quarterDueDate(start, 1), -80)),
    });
    em.persist(cycle);
    for (const o of organisations)
      em.persist(Object.assign(new ReviewCycleOrganisation(), { networkId: network.id, cycleId: cycle.id, organisationId: o.id }));

    const byOrganisation = new Map(organisations.map((o) => [o.id, o]));
    const chasers: Array<{ submission: Submission; activityTitle: string; step: ChaserStep; dueDate: string; sentOn: string }> = [];
    const plan = planFromTemplate(start);
    plan.forEach((planned, index) => {
      const activity = Object.assign(new ReviewActivity(), {
        networkId: network.id,
        cycleId: cycle.id,
        fy: planned.fy,
        quarter: planned.quarter,
        kind: planned.kind,
        title: planned.title,
        description: planned.description,
        dueDate: planned.dueDate,
        requiredDocuments: planned.requiredDocuments,
        createdAt: new Date(cycle.createdAt.getTime() + index),
      });
      if (planned.kind === 'review_meeting' && planned.fy === cycle.firstFy) {
        Object.assign(activity, {
          meetingDate: addDays(planned.dueDate, -21),
          panelUserIds: programme.panel.map((email) => userByEmail.get(email)?.id).filter((id): id is string => !!id),
          externalReviewers: programme.externalReviewers,
        });
      }
      em.persist(activity);
      if (planned.kind !== 'submission') return;
      const yearOne = planned.fy === cycle.firstFy;
      for (const organisation of organisations) {
        for (const documentName of planned.requiredDocuments) {
          const spec: Plan = yearOne ? (YEAR_ONE[organisation.name]?.[documentName] ?? { state: 'awaited' }) : { state: 'awaited' };
          const submission = Object.assign(new Submission(), {
            networkId: network.id,
            cycleId: cycle.id,
            activityId: activity.id,
            organisationId: organisation.id,
            documentName,
            state: spec.state,
            dueDate: planned.dueDate,
            reason: spec.reason ?? '',
          });
          em.persist(submission);
          if (spec.submittedDaysBefore !== undefined) {
            const submittedOn = addDays(planned.dueDate, -spec.submittedDaysBefore);
            const contributor = memberships.find((m) => m.role === 'contributor' && m.organisationId === organisation.id)?.userId ?? manager;
            const bytes = demoPdf([
              `${organisation.name}: ${documentName} ${planned.fy}`,
              `${demo.name} - ${cycle.name}`,
              `${planned.title}.`,
              'Demo document: the words of this file are fictional.',
            ]);
            const file = Object.assign(new SubmissionFile(), {
              networkId: network.id,
              submissionId: submission.id,
              organisationId: organisation.id,
              version: 1,
              fileName: `${organisation.name} - ${documentName} ${planned.fy.replace('/', '-')}.pdf`,
              kind: 'pdf',
              contentType: SUBMISSION_CONTENT_TYPES.pdf,
              sizeBytes: bytes.length,
              sha256: createHash('sha256').update(bytes).digest('hex'),
              uploadedBy: contributor,
              uploadedAt: noon(submittedOn, 10),
            });
            file.storageKey = submissionFileKey(network.id, file.id);
            files.push({ key: file.storageKey, bytes, type: file.contentType });
            em.persist(file);
            Object.assign(submission, { submittedAt: file.uploadedAt, submittedBy: contributor });
            if (spec.state === 'accepted' || spec.state === 'more_information_requested') {
              Object.assign(submission, { reviewedAt: noon(addDays(submittedOn, 3), 14), reviewedBy: manager });
            }
            if (spec.state === 'more_information_requested') {
              // Sent back five days ago with ten days more: its 14-day reminder from the new date has gone.
              Object.assign(submission, { reviewedAt: noon(addDays(today, -5), 14), dueDate: addDays(today, 10) });
            }
          }
          // The reminders the worker would have sent so far (reminders are for organisations with contributors).
          if (yearOne && memberships.some((m) => m.role === 'contributor' && m.organisationId === organisation.id)) {
            const submittedOn = spec.submittedDaysBefore !== undefined ? addDays(planned.dueDate, -spec.submittedDaysBefore) : null;
            for (const [step, sentOn] of [
              ['before-14d', reminderDate(planned.dueDate, 14)],
              ['before-3d', reminderDate(planned.dueDate, 3)],
              ['overdue', addDays(planned.dueDate, 1)],
            ] as Array<[ChaserStep, string]>) {
              if (sentOn <= today && (!submittedOn || sentOn < submittedOn)) {
                chasers.push({ submission, activityTitle: planned.title, step, dueDate: planned.dueDate, sentOn });
              }
            }
            if (spec.state === 'more_information_requested') {
              const step = dueChaserStep(submission.dueDate, today);
              if (step) chasers.push({ submission, activityTitle: planned.title, step, dueDate: submission.dueDate, sentOn: addDays(today, -4) });
            }
          }
        }
      }
    });

    // Each chaser with its email to every contributor of the organisation, as sent.
    const contributors = memberships.filter((m) => m.role === 'contributor');
    for (const c of chasers) {
      const organisation = byOrganisation.get(c.submission.organisationId) as MemberOrganisation;
      const emails = contributors
        .filter((m) => m.organisationId === organisation.id)
        .map((m) => {
          const person = users.find((u) => u.id === m.userId) as AppUser;
          const composed = composeChaserEmail({
            step: c.step,
            today: c.sentOn,
            networkName: network.name,
            organisationName: organisation.name,
            recipientName: person.displayName,
            cycleName: cycle.name,
            activityTitle: c.activityTitle,
            documentName: c.submission.documentName,
            state:
              c.dueDate === c.submission.dueDate && c.submission.state === 'more_information_requested' ? 'more_information_requested' : 'awaited',
            reason: c.submission.reason,
            dueDate: c.dueDate,
            url: `${BASE_URL}/n/${network.slug}/peer-review/cycles/${cycle.id}/submissions/${c.submission.id}`,
          });
          const sentAt = noon(c.sentOn, 7);
          const email = Object.assign(new EmailOutbox(), {
            networkId: network.id,
            kind: 'submission_chaser',
            toAddress: person.email,
            subject: composed.subject,
            bodyText: composed.bodyText,
            status: 'sent',
            attempts: 1,
            sentAt,
            createdAt: sentAt,
          });
          email.messageId = `<${email.id}@${MESSAGE_HOST}>`;
          em.persist(email);
          return email;
        });
      em.persist(
        Object.assign(new SubmissionChaser(), {
          networkId: network.id,
          submissionId: c.submission.id,
          organisationId: organisation.id,
          step: c.step,
          dueDate: c.dueDate,
          sentAt: noon(c.sentOn, 7),
          emailIds: emails.map((e) => e.id),
        }),
      );
    }
    await em.flush();
    return true;
  });
  if (created && storage) for (const f of files) await storage.put(f.key, f.bytes, f.type);
  // The previous programme's issued review and its action plan, open actions carried into this cycle.
  await seedPeerReviewOutcomes(db, network, today);
  return created;
}
