import { assertJobHandlers } from './job-registry';

const SWEEPS = [
  'email.sweep-outbox',
  'report.sweep-queued',
  'schedule.sweep',
  'schedule.fire',
  'report-run.advance',
  'peer-review.chase',
  'report.preview',
  'account.password-reset',
  'nudge-round.run',
  'nudge.sweep',
] as const;

describe('assertJobHandlers', () => {
  it('accepts exactly one handler per job', () => {
    expect(() => assertJobHandlers(['email.deliver', 'report.render', ...SWEEPS])).not.toThrow();
  });
  it('refuses a job with no handler, two handlers, or an unknown name', () => {
    expect(() => assertJobHandlers(['report.render', ...SWEEPS])).toThrow('job "email.deliver" has no handler');
    expect(() => assertJobHandlers(['email.deliver', ...SWEEPS])).toThrow('job "report.render" has no handler');
    expect(() => assertJobHandlers(['email.deliver', 'email.deliver', 'report.render', ...SWEEPS])).toThrow('has 2 handlers');
    expect(() => assertJobHandlers(['email.deliver', 'report.render', ...SWEEPS, 'nope' as never])).toThrow('unknown job "nope"');
  });
  it('counts the schedulers’ handlers like any other job', () => {
    expect(() => assertJobHandlers(['email.deliver', 'report.render', 'email.sweep-outbox'])).toThrow('job "report.sweep-queued" has no handler');
  });
});
