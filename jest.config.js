/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // swc with legacy decorators and emitted metadata: type-graphql reads design:type at runtime.
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Test schemas in Postgres are dropped before and after the run, never during it (see the file).
  globalSetup: '<rootDir>/test/postgres-schemas.ts',
  globalTeardown: '<rootDir>/test/postgres-schemas.ts',
  testTimeout: 30_000,
  // Integration tests each start their own sandbox and server on port 0, so files run in parallel.
  maxWorkers: process.env.CI ? 2 : '50%',
};
