import { defineConfig } from 'vitest/config';

/** The long fuzz run (`npm run fuzz`: test/fuzz/fuzz.long.ts), apart from `npm test`. */
const conditions = ['source', 'module', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['test/fuzz/*.long.ts'],
    testTimeout: 0,
    hookTimeout: 120_000,
  },
});
