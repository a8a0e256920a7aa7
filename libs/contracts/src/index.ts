export * from './lib/api-error';
export * from './lib/fields';
export * from './lib/dtos/auth.dto';
export * from './lib/dtos/network-profile.dto';
export * from './lib/dtos/member.dto';
export * from './lib/dtos/invite.dto';
export * from './lib/dtos/admin-network.dto';
export * from './lib/dtos/audit-event.dto';
export * from './lib/dtos/health.dto';
export * from './lib/limits';
export * from './lib/dtos/work-plan.dto';
export * from './lib/dtos/risk.dto';
export * from './lib/dtos/report.dto';
export * from './lib/dtos/annual-report.dto';
export * from './lib/dtos/response-fields';
export * from './lib/dtos/recipient.dto';
export * from './lib/dtos/schedule.dto';
export * from './lib/dtos/board/board-meeting.dto';
export * from './lib/dtos/my-reports.dto';
export * from './lib/dtos/peer-review/standard-set.dto';
// peer review: cycles, their activities, submissions
export * from './lib/dtos/peer-review/submission-counts.dto';
export * from './lib/dtos/peer-review/activity.dto';
export * from './lib/dtos/peer-review/cycle.dto';
export * from './lib/dtos/peer-review/submission.dto';
export * from './lib/dtos/peer-review/self-assessment.dto';
// peer review: review reports (findings, recommendations) and action plans
export * from './lib/dtos/peer-review/review-report.dto';
export * from './lib/dtos/peer-review/review-action.dto';
// peer review: what is owed, and by when
export * from './lib/dtos/peer-review/owed.dto';
// nudges to leads
export * from './lib/dtos/nudge.dto';
export * from './lib/dtos/attention.dto';
