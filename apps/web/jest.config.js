const path = require('path');
module.exports = {
  displayName: 'web',
  rootDir: path.join(__dirname, '../..'),
  roots: ['<rootDir>/apps/web/src'],
  preset: 'jest-preset-angular',
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts'],
  testEnvironment: 'jsdom',
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/apps/web/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  moduleNameMapper: {
    '^@plexus/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@plexus/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  },
};
