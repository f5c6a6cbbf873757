import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// The web app builds offline from these files: no CDN, fonts and data come from the packages.
// `@peakpath/core` resolves to its TypeScript sources (the `source` condition), so the browser runs the
// same engine as the CLI; it and ECharts load on demand (dynamic imports), outside the initial bundle.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: which chunks the page loads first (test/web/budget.test.ts checks their size).
    manifest: true,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
