#!/usr/bin/env node
// Runs the compiled CLI (dist/main.js), built by `npm ci` (the root `prepare` script), `npm run build`
// and `npm test`. `peakpath` names this package itself: Node started with `--conditions=source` and
// tsx's loader (`node --conditions=source --import tsx packages/cli/bin/peakpath.js …`) runs the sources.

// With PEAKPATH_DEBUG, stack traces name the TypeScript sources (dist/ carries source maps).
if (process.env.PEAKPATH_DEBUG) process.setSourceMapsEnabled(true);
// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
let cli;
try {
  cli = await import('peakpath');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/[\\/]cli[\\/]dist[\\/]/.test(String(error.message))) throw error;
  process.stderr.write('peakpath is not built: run `npm run build` (or `npm ci`) in the repository.\n');
  process.exit(1);
}
process.exitCode = await cli.main(process.argv.slice(2));
