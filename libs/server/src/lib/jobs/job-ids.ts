/**
 * Job ids, built here and nowhere else. Same record → same id, so an enqueue retried after a crash (or by a
 * sweep) never runs the work twice: BullMQ ignores an add whose id already exists.
 */
export const jobIds = {
  'email.deliver': (p: { emailId: string }): string => `email-${p.emailId}`,
  'report.render': (p: { documentId: string }): string => `report-${p.documentId}`,
  'report-run.advance': (p: { runId: string; stage: string }): string => `run-${p.runId}-${p.stage}`,
  'report.preview': (p: { previewId: string }): string => `preview-${p.previewId}`,
  'account.password-reset': (p: { requestId: string }): string => `password-reset-${p.requestId}`,
  'nudge-round.run': (p: { roundId: string }): string => `nudge-round-${p.roundId}`,
} as const;
