import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a local machine', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DATABASE_URL).toMatch(/^postgres:\/\/plexus_app/);
    expect(cfg.cookieSecure).toBe(false);
  });
  it('makes cookies Secure in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });
  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('LOG_LEVEL');
      expect((e as Error).message).toContain('README.md');
    }
  });
  it('reads the import thread pool and time limit, refusing values out of range', () => {
    expect(loadConfig({})).toMatchObject({ IMPORT_PARSE_THREADS: 1, IMPORT_PARSE_TIMEOUT_MS: 15_000 });
    expect(loadConfig({ IMPORT_PARSE_THREADS: '2', IMPORT_PARSE_TIMEOUT_MS: '500' })).toMatchObject({
      IMPORT_PARSE_THREADS: 2,
      IMPORT_PARSE_TIMEOUT_MS: 500,
    });
    expect(() => loadConfig({ IMPORT_PARSE_THREADS: '0' })).toThrow(/IMPORT_PARSE_THREADS/);
    expect(() => loadConfig({ IMPORT_PARSE_TIMEOUT_MS: 'soon' })).toThrow(/IMPORT_PARSE_TIMEOUT_MS/);
    expect(() => loadConfig({ IMPORT_PARSE_TIMEOUT_MS: '10' })).toThrow(/IMPORT_PARSE_TIMEOUT_MS/);
  });
});
