import { defineConfig } from 'vitest/config';

/** The optimiser's quality measurement (bench/quality/optimiser.quality.ts), apart from `npm test`. */
export default defineConfig({
  test: {
    include: ['bench/quality/*.quality.ts'],
    testTimeout: 600_000,
  },
});
