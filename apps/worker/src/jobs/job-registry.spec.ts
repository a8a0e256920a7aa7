import { assertJobHandlers } from './job-registry';

describe('assertJobHandlers', () => {
  it('accepts exactly one handler per job', () => {
    expect(() => assertJobHandlers(['email.deliver', 'report.render'])).not.toThrow();
  });
  it('refuses a job with no handler, two handlers, or an unknown name', () => {
    expect(() => assertJobHandlers(['report.render'])).toThrow('job "email.deliver" has no handler');
    expect(() => assertJobHandlers(['email.deliver'])).toThrow('job "report.render" has no handler');
    expect(() => assertJobHandlers(['email.deliver', 'email.deliver', 'report.render'])).toThrow('has 2 handlers');
    expect(() => assertJobHandlers(['email.deliver', 'report.render', 'nope' as never])).toThrow('unknown job "nope"');
  });
});
