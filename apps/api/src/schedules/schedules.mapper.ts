import type { DeliveryDto, RunSummaryDto, ScheduleDto } from '@plexus/contracts';
import { describeRecurrence, parseRecurrence } from '@plexus/domain';
import type {
  DeliveryRow,
  DistributionList,
  DistributionListMember,
  Recipient,
  ReportSchedule,
  ReportScheduleTarget,
  ReportScheduleUnsubscribe,
  RunRow,
} from '@plexus/server';

export function toRunDto(r: RunRow): RunSummaryDto {
  return {
    id: r.id,
    scheduleId: r.scheduleId,
    scheduleName: r.scheduleName,
    periodKey: r.periodKey,
    dueAt: r.dueAt.toISOString(),
    trigger: r.trigger,
    state: r.state,
    reason: r.reason,
    documentId: r.documentId,
    documentSha256: r.documentSha256,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
    deliveries: { total: r.total, sent: r.sent, pending: r.pending, retrying: r.retrying, givenUp: r.givenUp },
  };
}

export function toDeliveryDto(d: DeliveryRow): DeliveryDto {
  return {
    id: d.id,
    runId: d.runId,
    scheduleId: d.scheduleId,
    scheduleName: d.scheduleName,
    periodKey: d.periodKey,
    recipientId: d.recipientId,
    recipientName: d.recipientName,
    toAddress: d.toAddress,
    mode: d.mode,
    state: d.state,
    attempts: d.attempts,
    lastError: d.lastError,
    smtpResponse: d.smtpResponse,
    messageId: d.messageId,
    createdAt: d.createdAt.toISOString(),
    sentAt: d.sentAt ? d.sentAt.toISOString() : null,
    documentSha256: d.documentSha256,
    link:
      d.linkId && d.linkExpiresAt
        ? {
            id: d.linkId,
            expiresAt: d.linkExpiresAt.toISOString(),
            revokedAt: d.linkRevokedAt ? d.linkRevokedAt.toISOString() : null,
            downloads: d.downloads,
          }
        : null,
    unsubscribedAt: d.unsubscribedAt ? d.unsubscribedAt.toISOString() : null,
  };
}

export function toScheduleDto(
  s: ReportSchedule,
  related: {
    targets: ReportScheduleTarget[];
    unsubscribes: ReportScheduleUnsubscribe[];
    recipients: Recipient[];
    lists: DistributionList[];
    memberships: DistributionListMember[];
    audience: number;
    lastRun: RunRow | null;
    nextRunAt: string | null;
  },
): ScheduleDto {
  const recipientById = new Map(related.recipients.map((r) => [r.id, r]));
  const listById = new Map(related.lists.map((l) => [l.id, l]));
  const report = s.report as ScheduleDto['report'] & { kind: ScheduleDto['reportKind'] };
  return {
    id: s.id,
    name: s.name,
    report,
    reportKind: report.kind,
    recurrence: s.recurrence,
    recurrenceText: describeRecurrence(parseRecurrence(s.recurrence)),
    status: s.status,
    onlyIfChanged: s.onlyIfChanged,
    delivery: s.delivery,
    linkDays: s.linkDays,
    subject: s.subject,
    message: s.message,
    recipients: related.targets
      .flatMap((t) => {
        const r = t.recipientId ? recipientById.get(t.recipientId) : undefined;
        return r ? [{ id: r.id, name: r.name, email: r.email }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    lists: related.targets
      .flatMap((t) => {
        const l = t.listId ? listById.get(t.listId) : undefined;
        return l ? [{ id: l.id, name: l.name, memberCount: related.memberships.filter((m) => m.listId === l.id).length }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    unsubscribed: related.unsubscribes.flatMap((u) => {
      const r = recipientById.get(u.recipientId);
      return r ? [{ recipientId: r.id, name: r.name, email: r.email, at: u.createdAt.toISOString() }] : [];
    }),
    audience: related.audience,
    nextRunAt: related.nextRunAt,
    lastRun: related.lastRun ? toRunDto(related.lastRun) : null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
