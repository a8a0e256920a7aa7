// One jest run, four projects: `npx jest --selectProjects unit|web|integration|browser`.
const preset = require('./jest.preset');

module.exports = {
  // Tests run in a worker process that is replaced when it holds more than this after a file (with one CPU to spare,
  // jest would otherwise run every file in its own process, which grew past its heap limit over the whole run).
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...preset,
      displayName: 'unit',
      rootDir: __dirname,
      roots: ['<rootDir>/libs', '<rootDir>/apps/api', '<rootDir>/apps/worker', '<rootDir>/tests/infra'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...preset,
      displayName: 'integration',
      rootDir: __dirname,
      roots: ['<rootDir>/tests/integration'],
      testMatch: ['**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/slow-tests.ts'],
    },
    {
      ...preset,
      displayName: 'browser',
      rootDir: __dirname,
      roots: ['<rootDir>/tests/browser'],
      testMatch: ['**/*.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/support/slow-tests.ts'],
    },
    require('./apps/web/jest.config.js'),
  ],
};
