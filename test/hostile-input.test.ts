/**
 * Hostile input files (issue 11): each is an input error — exit status 2, the file named, where in it,
 * no stack trace —, never an internal error (exit 1), a hang, or a silent acceptance. The files are
 * small and written to a fresh temporary directory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakpath, ROOT, type CliRun } from './support/cli.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** An input error about `path`: exit 2, nothing on standard output, the file named, no stack trace. */
function expectInputError(run: CliRun, path: string): void {
  expect(run.stderr).not.toContain('internal error');
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(path);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

const DEMO = join(ROOT, 'examples', 'demo-city');
const INVENTORY = readFileSync(join(DEMO, 'inventory.yaml'), 'utf8');

describe('YAML and JSON that cannot be read', () => {
  it('an alias with no anchor: the line, not an internal error', () => {
    const path = file('alias.yaml', 'city: { name: X, country: CN }\nyear: *nope\n');
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('line 2');
    expect(run.stderr).toContain('*nope');
  });

  it('an alias bomb (aliases that expand a billion-fold) is refused at the alias that goes too far', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(', ')}]\n`;
    const path = file('bomb.yaml', text);
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toMatch(/line \d+/);
    expect(run.stderr).toContain('alias');
  });

  it('an alias inside the node it names (a loop) is refused', () => {
    const path = file('loop.yaml', 'city: &c { name: X, self: *c }\n');
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('line 1');
  });

  it('an anchor used more than a hundred times is not an attack: the document is read', () => {
    const lines = Array.from({ length: 150 }, () => '  - { gpc: I.1.1, fuel: natural_gas, amount: 1, unit: 亿立方米, source: *src }').join('\n');
    const path = file('many-aliases.yaml', `sourceText: &src "Yearbook Table 7-4"\n${INVENTORY.replace(/^activities:\n/m, `activities:\n${lines}\n`)}`);
    const run = peakpath(['inventory', path]);
    // The only problem is the extra top-level field that holds the anchor: the aliases themselves are read.
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"sourceText" is not a known field');
    expect(run.stderr).toContain('1 input problem');
  });

  it.each([
    ['deep.yaml', `${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
    ['deep-block.yaml', `city:\n  ${'- '.repeat(5_000)}x\n`],
    ['deep.json', `{"city": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ])('%s: nesting a hundred thousand levels deep is an input error that says so', (name, text) => {
    const path = file(name, text);
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('nested');
    expect(run.stderr).not.toContain('call stack');
    expect(run.stderr).toMatch(/line \d+/);
  });

  it('a JSON file that starts with a byte-order mark is read', () => {
    const path = file('bom.json', `\u{FEFF}${JSON.stringify({ city: { name: 'X', country: 'CN' }, year: 2022, activities: [], extra: 1 })}`);
    const run = peakpath(['inventory', path]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('Unexpected token');
    expect(run.stderr).toContain('"extra" is not a known field');
  });

  it('a key twice in one JSON object is an input error naming the key and both lines, not "last one wins"', () => {
    const path = file('duplicate.json', '{\n  "city": { "name": "X", "country": "CN" },\n  "year": 2022,\n  "activities": [\n    { "gpc": "I.1.1", "fuel": "natural_gas", "amount": 3.2,\n      "amount": 320, "unit": "亿立方米" }\n  ]\n}\n');
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('"amount"');
    expect(run.stderr).toContain('line 6');
    expect(run.stderr).toContain('line 5');
  });

  it('the same key written two ways ("\\u0061mount" and "amount") is still the same key', () => {
    const path = file('duplicate-escaped.json', '{"city": {"name": "X", "country": "CN"}, "year": 2022, "activities": [{"\\u0061mount": 1, "amount": 2}]}');
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('"amount"');
  });

  it('a key twice in YAML is refused too', () => {
    const path = file('duplicate.yaml', 'city: { name: X, country: CN }\nyear: 2022\nyear: 2023\n');
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('line 3');
  });

  it.each([
    ['latin1.yaml', Buffer.from('city: { name: "Caf\xe9", country: CN }\nyear: 2022\n', 'latin1')],
    ['latin1.json', Buffer.from('{"city": {"name": "Caf\xe9", "country": "CN"}}', 'latin1')],
    ['utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"year": 2022}', 'utf16le')])],
  ])('%s: a file that is not UTF-8 is an input error that says where, not replacement characters', (name, bytes) => {
    const path = file(name, bytes);
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('UTF-8');
    expect(run.stderr).toMatch(/line \d+/);
  });

  it('the messages are in both languages', () => {
    const path = file('duplicate-zh.json', '{"year": 2022, "year": 2023}');
    const run = peakpath(['inventory', path, '--lang', 'zh']);
    expectInputError(run, path);
    expect(run.stderr).toMatch(/duplicate key.* \/ .*重复/);
  });
});

describe('a document that is not a mapping', () => {
  it.each([
    ['pathway', 'list'],
    ['pathway', 'scalar'],
    ['plan', 'list'],
    ['plan', 'scalar'],
    ['inventory', 'list'],
  ])('a %s file that is a %s: "must be an object (a mapping)"', (command, shape) => {
    const path = file(`${command}-${shape}.yaml`, shape === 'list' ? '- a\n- b\n' : 'just words\n');
    const run = peakpath([command, path]);
    expectInputError(run, path);
    expect(run.stderr).toContain(`${command === 'inventory' ? 'an' : 'a'} ${command} file must be an object (a mapping), got ${shape === 'list' ? 'array' : 'string'}`);
    expect(run.stderr).not.toContain('is required');
  });

  it('a plan whose pathway file is a list: the pathway is named as the document that is not a mapping', () => {
    const pathwayPath = file('pathway-list-ref.yaml', '- a\n');
    const path = file('plan-ref.yaml', `pathway: ${pathwayPath}\n`);
    const run = peakpath(['plan', path]);
    expectInputError(run, pathwayPath);
    expect(run.stderr).toContain('a pathway file must be an object (a mapping), got array');
  });
});

describe('many problems', () => {
  it('the CLI prints the first 200 problems of a document and counts the rest; --json is not concerned', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `  - { gpc: I.1.1, fuel: natural_gas, amount: ${i}, unit: 亿立方米, colour: red }`).join('\n');
    const path = file('many-problems.yaml', INVENTORY.replace(/^activities:\n/m, `activities:\n${lines}\n`));
    const run = peakpath(['inventory', path]);
    expectInputError(run, path);
    expect(run.stderr).toContain('1000 input problems');
    const problemLines = run.stderr.split('\n').filter((line) => line.includes('"colour" is not a known field'));
    expect(problemLines).toHaveLength(200);
    expect(run.stderr).toContain('… and 800 more problems');
    const zh = peakpath(['inventory', path, '--lang', 'zh']);
    expect(zh.stderr).toContain('另有 800 处问题未列出');
  });
});

describe('--threads', () => {
  it('more threads than cores: capped at the cores, and said on standard error', () => {
    const cores = availableParallelism();
    if (cores >= 256) return;
    const run = peakpath(['pathway', join(DEMO, 'pathway.yaml'), '--mc', '2000', '--threads', '256', '--json'], { timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`--threads 256: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores}`);
    expect(JSON.parse(run.stdout)).toHaveProperty('mc');
  });
});

describe('usage errors in the chosen language', () => {
  it('an unknown option and a missing argument, in Chinese with --lang zh', () => {
    const path = file('usage.yaml', INVENTORY);
    const option = peakpath(['inventory', path, '--lang', 'zh', '--frobnicate']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("未知选项 '--frobnicate'");
    const argument = peakpath(['inventory', '--lang', 'zh']);
    expect(argument.status).toBe(2);
    expect(argument.stderr).toContain("缺少参数 'file'");
  });

  it('in English otherwise, as before', () => {
    const option = peakpath(['inventory', 'x.yaml', '--frobnicate']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--frobnicate'");
  });
});

describe('a file cut off that still parses (S11)', () => {
  it('the table states the BASIC+ rows lost, not only that BASIC is complete', () => {
    // Cut after the waste rows: IPPU (IV) and AFOLU (V) are gone, every BASIC row is still there.
    const cut = INVENTORY.slice(0, INVENTORY.indexOf('  # IV IPPU'));
    const path = file('cut.yaml', cut);
    for (const [lang, basic, plus] of [
      ['en', 'BASIC rows with neither data nor a notation key: none', 'BASIC+ rows with neither data nor a notation key: IV.1.1'],
      ['zh', '既无数据也无注释键的 BASIC 行：无', '既无数据也无注释键的 BASIC+ 行：IV.1.1'],
    ] as const) {
      const run = peakpath(['inventory', path, '--lang', lang]);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(basic);
      const line = run.stdout.split('\n').find((text) => text.startsWith(plus.slice(0, plus.search(/[:：]/u))));
      expect(line).toBeDefined();
      for (const row of ['IV.1.1', 'IV.2.1', 'V.1.1', 'V.2.1', 'V.3.1']) expect(line).toContain(row);
    }
  });
});
