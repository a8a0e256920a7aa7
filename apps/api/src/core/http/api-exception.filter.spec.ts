import { isDatabaseUnavailable } from './api-exception.filter';

describe('isDatabaseUnavailable', () => {
  it('knows the database going away (restart, shutdown, refused, dropped), wrapped or not', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ message: 'driver failed', previous: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })).toBe(true);
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: new Error('the database system is starting up') }))).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
