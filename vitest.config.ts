import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources: the workspace packages resolve through their `source` export
// condition (package.json `exports`), not through dist/. The CLI's end-to-end tests spawn the built
// CLI: the global setup builds it first (incremental), so they never run a stale dist/.
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    testTimeout: 60_000,
    // expect.poll waits for a state (a saved scenario, a finished job), it does not time anything: on a loaded
    // 2-core machine a browser round trip can take seconds, so the default 1 s wait failed a CI run that was right.
    expect: { poll: { timeout: 30_000 } },
  },
});
