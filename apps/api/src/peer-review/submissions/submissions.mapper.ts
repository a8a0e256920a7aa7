import type { SubmissionChaserDto, SubmissionDto, SubmissionFileDto, SubmissionSummaryDto } from '@plexus/contracts';
import { canUploadInState, daysUntilDue, isSubmissionOverdue } from '@plexus/domain';
import type { ReviewActivity, ReviewCycle, Submission, SubmissionChaser, SubmissionFile } from '@plexus/server';
import { personRefOf, type PeerReviewCaller } from '../peer-review-scope';

export interface SubmissionContext {
  caller: PeerReviewCaller;
  cycles: Map<string, ReviewCycle>;
  activities: Map<string, ReviewActivity>;
  organisations: Map<string, { id: string; name: string }>;
  names: Map<string, string>;
  files: Map<string, { latest: SubmissionFile; count: number }>;
}

export function submissionPath(slug: string, s: Pick<Submission, 'id'>): string {
  return `/api/networks/${slug}/peer-review/submissions/${s.id}`;
}

export function toSubmissionFileDto(f: SubmissionFile, ctx: Pick<SubmissionContext, 'caller' | 'names'>): SubmissionFileDto {
  return {
    id: f.id,
    version: f.version,
    fileName: f.fileName,
    kind: f.kind,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    uploadedAt: f.uploadedAt.toISOString(),
    uploadedBy: personRefOf(f.uploadedBy, ctx.names) ?? { userId: null, name: 'Former member' },
    downloadUrl: `${submissionPath(ctx.caller.slug, { id: f.submissionId })}/files/${f.id}/download`,
  };
}

export function toSubmissionSummaryDto(s: Submission, ctx: SubmissionContext): SubmissionSummaryDto {
  const cycle = ctx.cycles.get(s.cycleId);
  const activity = ctx.activities.get(s.activityId);
  const organisation = ctx.organisations.get(s.organisationId);
  const files = ctx.files.get(s.id);
  const open = cycle?.status === 'active';
  return {
    id: s.id,
    cycle: { id: s.cycleId, name: cycle?.name ?? '', status: cycle?.status ?? 'draft' },
    activity: { id: s.activityId, title: activity?.title ?? '', fy: activity?.fy ?? '', quarter: activity?.quarter ?? 1 },
    organisation: { id: s.organisationId, name: organisation?.name ?? '' },
    documentName: s.documentName,
    state: s.state,
    reason: s.reason,
    dueDate: s.dueDate,
    overdue: isSubmissionOverdue(s.state, s.dueDate, ctx.caller.today),
    daysUntilDue: daysUntilDue(s.dueDate, ctx.caller.today),
    submittedAt: s.submittedAt?.toISOString() ?? null,
    submittedBy: personRefOf(s.submittedBy, ctx.names),
    reviewedAt: s.reviewedAt?.toISOString() ?? null,
    reviewedBy: personRefOf(s.reviewedBy, ctx.names),
    latestFile: files ? toSubmissionFileDto(files.latest, ctx) : null,
    fileCount: files?.count ?? 0,
    can: {
      upload: open && ctx.caller.canSubmit && canUploadInState(s.state),
      review: open && ctx.caller.canManage && s.state === 'submitted',
    },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toSubmissionChaserDto(c: SubmissionChaser): SubmissionChaserDto {
  return { step: c.step, dueDate: c.dueDate, sentAt: c.sentAt.toISOString(), recipients: c.emailIds.length };
}

export function toSubmissionDto(s: Submission, ctx: SubmissionContext, files: SubmissionFile[], chasers: SubmissionChaser[]): SubmissionDto {
  return {
    ...toSubmissionSummaryDto(s, ctx),
    asOf: ctx.caller.today,
    files: files.map((f) => toSubmissionFileDto(f, ctx)),
    chasers: chasers.map(toSubmissionChaserDto),
  };
}
