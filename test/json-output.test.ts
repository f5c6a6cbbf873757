/**
 * `--json` is inventory output version 2 (spec/inventory-file.md), written piece by piece for large
 * inventories: for the demo city, the worked example, a generated inventory (a tenth of its lines
 * with their own measured factors) and every inventory example of docs/, each factor a line used is
 * cited in `sources` exactly as version 1 cited it on the line, and the text is what JSON.stringify
 * would write.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { inventoryJsonPieces, inventoryOutput, outputFactorId, runInventory, type InventoryResult } from '@peakpath/core';
import { inventoryJsonBytes } from '../packages/cli/src/format/inventory-json.ts';
import { generateInventory } from '../bench/generate.ts';

const ROOT = process.cwd();

function compute(document: unknown): InventoryResult {
  const run = runInventory(document);
  if (!run.ok) throw new Error(JSON.stringify(run.issues));
  return run.result;
}

const yamlFile = (path: string): unknown => parse(readFileSync(join(ROOT, path), 'utf8'));

/** Every inventory example of docs/ that computes, as one-line or whole documents. */
function docsExamples(): { name: string; result: InventoryResult }[] {
  const found: { name: string; result: InventoryResult }[] = [];
  for (const file of readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md'))) {
    [...readFileSync(join(ROOT, 'docs', file), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/g)].forEach((match, index) => {
      let value: unknown;
      try {
        value = parse(match[1]!);
      } catch {
        return; // the examples that show alternatives (repeated keys)
      }
      const activities = Array.isArray(value) ? value : value && typeof value === 'object' && 'gpc' in value ? [value] : undefined;
      const document = activities ? { city: { name: 'Docs', country: 'CN' }, year: 2022, grid: 'CN-east-2022', activities } : value;
      if (!document || typeof document !== 'object' || !('activities' in document)) return;
      const run = runInventory(document);
      if (run.ok) found.push({ name: `docs/${file} example ${index}`, result: run.result });
    });
  }
  return found;
}

const CASES: { name: string; result: InventoryResult }[] = [
  { name: 'the demo city', result: compute(yamlFile('examples/demo-city/inventory.yaml')) },
  { name: 'the worked example', result: compute(yamlFile('examples/worked-example/inventory.yaml')) },
  { name: 'a generated inventory of 3,000 lines', result: compute(generateInventory(3000)) },
  ...docsExamples(),
];

describe('inventory JSON, output version 2', () => {
  it('covers method lines and factors given on lines', () => {
    const lines = CASES.flatMap((each) => each.result.lines);
    expect(lines.filter((line) => line.form === 'method').length).toBeGreaterThan(10);
    expect(lines.filter((line) => line.form === 'method' && line.factors.some((ref) => ref.id.startsWith('line:'))).length).toBeGreaterThan(0);
    expect(lines.filter((line) => line.factors.some((ref) => ref.id.startsWith('line:'))).length).toBeGreaterThan(100);
  });

  it.each(CASES)('$name: every factor of a line is in sources, with the citation version 1 gave it', ({ result }) => {
    const output = inventoryOutput(result);
    expect(output.version).toBe(2);
    expect(output.lines).toHaveLength(result.lines.length);
    const used = new Set<string>();
    result.lines.forEach((line, at) => {
      line.factors.forEach((ref, k) => {
        const use = output.lines[at]!.factors[k]!;
        expect(use).toEqual({ id: outputFactorId(ref, line.index), value: ref.value, unit: ref.unit });
        const cited = output.sources[use.id];
        expect(cited, `${use.id} in sources`).toBeDefined();
        expect(cited!.source).toBe(ref.source);
        expect(cited!.table).toBe(ref.table);
        expect(cited!.verification).toBe(ref.verification);
        used.add(use.id);
      });
    });
    expect(Object.keys(output.sources).length).toBe(used.size);
  });

  it.each(CASES)('$name: the pieces are JSON.stringify of the output, compact and pretty, and its UTF-8', ({ result }) => {
    const output = inventoryOutput(result);
    const compact = [...inventoryJsonPieces(result)].join('');
    expect(compact).toBe(`${JSON.stringify(output)}\n`);
    expect([...inventoryJsonPieces(result, { pretty: true })].join('')).toBe(`${JSON.stringify(output, null, 2)}\n`);
    expect(Buffer.concat([...inventoryJsonBytes(result)]).toString('utf8')).toBe(compact);
  });

  it('docs/inventory-file.md: its abridged output is the worked example\'s, and its version-1 recipe gives version 1\'s factors', () => {
    const page = readFileSync(join(ROOT, 'docs', 'inventory-file.md'), 'utf8');
    const worked = CASES[1]!.result;
    const output = inventoryOutput(worked);
    // Every factor and citation the abridged example shows is in the worked example's output.
    const shown = page.slice(page.indexOf('An abridged line and its sources'), page.indexOf('#### Factor ids and `sources`'));
    expect([...shown.matchAll(/\{ "id": /g)]).toHaveLength(2);
    for (const [, id, value, unit] of shown.matchAll(/\{ "id": "([^"]+)", "value": ([\d.]+), "unit": "([^"]+)" \}/g)) {
      expect(output.lines[0]!.factors).toContainEqual({ id, value: Number(value), unit });
    }
    for (const [, id, source, table, verification] of shown.matchAll(/"([^"]+)": \{\n\s+"source": "([^"]+)",\n\s+"table": "([^"]+)", "verification": "([^"]+)" \}/g)) {
      expect(output.sources[id!]).toEqual({ source, table, verification });
    }
    expect([...shown.matchAll(/"([^"]+)": \{\n\s+"source"/g)].map((match) => match[1])).toEqual(['gbt2589.ncv.raw_coal', 'cn-provincial.carbon-content.raw_coal']);
    // The recipe for version 1 readers, run on the demo: each line's factors as version 1 printed them.
    const recipe = /```js\n([\s\S]*?)```/.exec(page.slice(page.indexOf('#### Reading version 1 fields')))![1]!;
    const v1Factors = new Function(`${recipe}; return v1Factors;`)() as (output: unknown, line: unknown) => unknown;
    const demo = CASES[0]!.result;
    const demoOutput = inventoryOutput(demo);
    demoOutput.lines.forEach((line, at) => {
      expect(v1Factors(demoOutput, line)).toEqual(JSON.parse(JSON.stringify(demo.lines[at]!.factors)));
    });
  });

  it.each([['units'], ['catalogue', 'wind']])('peakpath %s --json is compact, and indented with --pretty', (...args) => {
    const run = (...flags: string[]) => spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/peakpath.js'), ...args, '--json', ...flags], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const compact = run();
    const pretty = run('--pretty');
    expect([compact.status, pretty.status]).toEqual([0, 0]);
    const data: unknown = JSON.parse(compact.stdout);
    expect(compact.stdout).toBe(`${JSON.stringify(data)}\n`);
    expect(pretty.stdout).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(pretty.stdout.split('\n').length).toBeGreaterThan(20);
  });

  it('streams a 20,000-line inventory through the CLI, compact unless --pretty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakpath-json-'));
    try {
      const activities = Array.from({ length: 20000 }, (_, index) => ({ gpc: 'I.1.2', energy: 'electricity', amount: index + 1, unit: 'MWh' }));
      const file = join(dir, 'big.json');
      writeFileSync(file, JSON.stringify({ city: 'Big', year: 2022, grid: 'CN-east-2022', activities }));
      const run = (...flags: string[]) =>
        spawnSync(process.execPath, [join(ROOT, 'packages/cli/bin/peakpath.js'), 'inventory', file, '--json', ...flags], {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 512 * 1024 * 1024,
          timeout: 60_000,
        });
      const compact = run();
      expect(compact.status).toBe(0);
      expect(compact.stdout.split('\n')).toHaveLength(2); // one line, and the final newline
      const result = JSON.parse(compact.stdout) as { version: number; lines: unknown[]; totals: { basic: number }; sources: Record<string, unknown> };
      expect(result.version).toBe(2);
      expect(result.lines).toHaveLength(20000);
      // Σ 1..20,000 MWh = 200,010,000 MWh × 0.5617 t/MWh.
      expect(result.totals.basic).toBeCloseTo(200010000 * 0.5617, 3);
      expect(Object.keys(result.sources)).toEqual(['CN-east-2022', 'gbt2589.tce.electricity-calorific']);
      const pretty = run('--pretty');
      expect(pretty.status).toBe(0);
      expect(pretty.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
