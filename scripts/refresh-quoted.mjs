#!/usr/bin/env node
// Rewrites the CLI output quoted in README.md and docs/plans.md with what the built CLI prints today
// (`npm run build` first). test/readme.test.ts and test/docs-output.test.ts check these quotes; after a
// deliberate change of the demo's output, run this, then read the diff.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const cli = (...args) => execFileSync('node', ['packages/cli/bin/peakpath.js', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Replaces the fenced block after `marker` with `text`, or with as many lines of it as the block had (`partial`). */
function replaceAfter(page, marker, text, { partial = false, ellipsis = false } = {}) {
  const start = page.indexOf(marker);
  if (start < 0) throw new Error(`marker not found: ${marker.slice(0, 60)}`);
  const body = start + marker.length;
  const end = page.indexOf('```', body);
  const old = page.slice(body, end);
  let next = text;
  if (partial) {
    const lines = old.replace(/…\n$/, '').split('\n').length - 1;
    next = `${text.split('\n').slice(0, lines).join('\n')}\n${ellipsis ? '…\n' : ''}`;
  }
  return page.slice(0, body) + next + page.slice(end);
}

let readme = readFileSync('README.md', 'utf8');
readme = replaceAfter(readme, 'statistics. `npx peakpath inventory examples/demo-city/inventory.yaml` prints:\n\n```\n', cli('inventory', 'examples/demo-city/inventory.yaml'));
readme = replaceAfter(readme, '`npx peakpath plan examples/demo-city/plan.yaml` begins:\n\n```\n', cli('plan', 'examples/demo-city/plan.yaml'), { partial: true });
writeFileSync('README.md', readme);

let plans = readFileSync('docs/plans.md', 'utf8');
plans = replaceAfter(plans, '```text\n$ npx peakpath plan examples/demo-city/plan.yaml\n', cli('plan', 'examples/demo-city/plan.yaml'));
plans = replaceAfter(plans, '```text\n$ npx peakpath plan examples/demo-city/plan.yaml --lang zh\n', cli('plan', 'examples/demo-city/plan.yaml', '--lang', 'zh'), { partial: true, ellipsis: true });
writeFileSync('docs/plans.md', plans);
console.log('README.md and docs/plans.md: quoted outputs refreshed');
