/**
 * Browser tests against a running local cloud: `npm run test:e2e` (scripts/run-e2e.mjs) builds
 * H5, starts the local cloud on a free port and sets E2E_BASE_URL before running this config.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleNameMapper: {
    '^@domain/(.*)$': '<rootDir>/domain/$1',
    '^@platform/(.*)$': '<rootDir>/platform/$1',
    // Demo data a test compares the screen with (the hall configs) lives with the local cloud's seed.
    '^@local-cloud/(.*)$': '<rootDir>/local-cloud/$1',
  },
  testTimeout: 60000,
  // One browser at a time: the machines have two cores and one local cloud.
  maxWorkers: 1,
};
