// The worker run from the TypeScript sources (vitest, the benchmarks under tsx): worker threads do not
// inherit the main thread's loader, so this registers tsx before importing worker.ts. The pool starts it
// with `--conditions=source`, so that `@peakpath/core` resolves to the core's sources too. The build
// does not use this file (dist/ holds the compiled worker.js), so tsx is a development dependency of
// the workspace, not one of @peakpath/node.
import { register } from 'tsx/esm/api';

register();
const { default: monteCarloBlock } = await import('./worker.ts');
export default monteCarloBlock;
