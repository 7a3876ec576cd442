/** ts-jest's ESM preset transpiles only; `npm run typecheck` type-checks sources and tests first. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The package's "main" is ES module code in a CommonJS package; its UMD build loads anywhere.
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/test/support/closingLineReporter.cjs'],
};
