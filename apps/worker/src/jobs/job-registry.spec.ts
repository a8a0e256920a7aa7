import { JOB_NAMES, JOB_QUEUE, QueueName, type JobName } from '@plexus/server';
import { assertJobHandlers, handlersForQueues } from './job-registry';

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
    expect(() => assertJobHandlers(['report.render', ...SWEEPS])).toThrow('job "email.deliver" (queue email) has no handler');
    expect(() => assertJobHandlers(['email.deliver', ...SWEEPS])).toThrow('job "report.render" (queue reports) has no handler');
    expect(() => assertJobHandlers(['email.deliver', 'email.deliver', 'report.render', ...SWEEPS])).toThrow('has 2 handlers');
    expect(() => assertJobHandlers(['email.deliver', 'report.render', ...SWEEPS, 'nope' as never])).toThrow('unknown job "nope"');
  });
  it('counts the schedulers’ handlers like any other job', () => {
    expect(() => assertJobHandlers(['email.deliver', 'report.render', 'email.sweep-outbox'])).toThrow(
      'job "report.sweep-queued" (queue schedules) has no handler',
    );
  });

  it('puts every job in a queue: reports render and preview; email delivers mail and password resets; schedules the rest', () => {
    const byQueue = (q: QueueName) => JOB_NAMES.filter((n) => JOB_QUEUE[n] === q).sort();
    expect(byQueue(QueueName.Reports)).toEqual(['report.preview', 'report.render']);
    expect(byQueue(QueueName.Email)).toEqual(['account.password-reset', 'email.deliver']);
    expect(byQueue(QueueName.Schedules)).toEqual(
      [
        'email.sweep-outbox',
        'nudge-round.run',
        'nudge.sweep',
        'peer-review.chase',
        'report-run.advance',
        'report.sweep-queued',
        'schedule.fire',
        'schedule.sweep',
      ].sort(),
    );
  });
  it('checks only the queues a worker serves (WORKER_QUEUES), and still refuses a missing handler there', () => {
    const reports: JobName[] = ['report.render', 'report.preview'];
    expect(() => assertJobHandlers(reports, [QueueName.Reports])).not.toThrow();
    expect(() => assertJobHandlers(['report.render'], [QueueName.Reports])).toThrow('job "report.preview" (queue reports) has no handler');
    // The email+schedules worker needs no report handler, but every email and schedules one.
    const emailAndSchedules = JOB_NAMES.filter((n) => JOB_QUEUE[n] !== QueueName.Reports);
    expect(() => assertJobHandlers(emailAndSchedules, [QueueName.Email, QueueName.Schedules])).not.toThrow();
    expect(() =>
      assertJobHandlers(
        emailAndSchedules.filter((n) => n !== 'schedule.fire'),
        [QueueName.Email, QueueName.Schedules],
      ),
    ).toThrow('job "schedule.fire" (queue schedules) has no handler');
    // A handler registered for a queue the worker does not consume is a wiring mistake.
    expect(() => assertJobHandlers([...reports, 'email.deliver'], [QueueName.Reports])).toThrow(
      'handler for job "email.deliver" of queue email, which this worker does not serve',
    );
  });
  it('keeps the handlers of the served queues only', () => {
    const classes = JOB_NAMES.map((jobName) => ({ jobName }));
    expect(
      handlersForQueues(classes, [QueueName.Email])
        .map((c) => c.jobName)
        .sort(),
    ).toEqual(['account.password-reset', 'email.deliver']);
    expect(handlersForQueues(classes, Object.values(QueueName))).toHaveLength(JOB_NAMES.length);
  });
});
