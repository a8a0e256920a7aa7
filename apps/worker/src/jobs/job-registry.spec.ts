import { assertJobHandlers } from './job-registry';

describe('assertJobHandlers', () => {
  it('accepts exactly one handler per job', () => {
    expect(() => assertJobHandlers(['email.deliver'])).not.toThrow();
  });
  it('refuses a job with no handler, two handlers, or an unknown name', () => {
    expect(() => assertJobHandlers([])).toThrow('job "email.deliver" has no handler');
    expect(() => assertJobHandlers(['email.deliver', 'email.deliver'])).toThrow('has 2 handlers');
    expect(() => assertJobHandlers(['email.deliver', 'nope' as never])).toThrow('unknown job "nope"');
  });
});
