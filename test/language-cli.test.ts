/**
 * Issue 13 item 3: what the commands of the inventory half print, read line by line in both languages and held to
 * the rule of test/support/language-check.ts. Left out of the check: the user's own names (the entity's `name` and
 * `nameZh`), and the ids a table lists for the user to type (unit spellings, method ids and fields, measure ids,
 * factor ids) or quotes as they are published (a source's title).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { citation, defaultCatalogue, defaultLibrary, listUnits, METHOD_LIST } from '@peakpath/core';
import { languageProblems } from './support/language-check.ts';
import { peakpath, ROOT } from './support/cli.ts';

/** The lines of an output a reader reads, without the given texts: table rules and bare figures have no language. */
function readable(output: string, leftOut: readonly string[]): string[] {
  return output
    .split('\n')
    .map((line) => leftOut.reduce((text, value) => text.replace(wholeWord(value), ' '), line))
    .filter((line) => /[A-Za-z\u3400-\u9fff]/u.test(line));
}

function problemsOf(args: readonly string[], lang: 'en' | 'zh', leftOut: readonly string[]): string[] {
  const run = peakpath([...args, '--lang', lang]);
  return readable(`${run.stdout}\n${run.stderr}`, leftOut).flatMap((line) => languageProblems(line, lang, `peakpath ${args.join(' ')}`));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const wholeWords = new Map<string, RegExp>();
/** A left-out text as a whole word: the method field `f` is not the f of "fields". */
function wholeWord(value: string): RegExp {
  let pattern = wholeWords.get(value);
  if (pattern === undefined) {
    pattern = new RegExp(`(?<![A-Za-z0-9_-])${escape(value)}(?![A-Za-z0-9_-])`, 'gu');
    wholeWords.set(value, pattern);
  }
  return pattern;
}

/** Longest first, so that `万tce` goes before `tce` and `led-residential-china` before `led-residential`. */
const longestFirst = (values: Iterable<string>): string[] => [...new Set(values)].filter((value) => value !== '').sort((a, b) => b.length - a.length);

const CITIES = ['示例市', 'Demo City', '样例市', '算例区', 'Worked Example District'];
const UNIT_SPELLINGS = longestFirst(listUnits().flatMap((unit) => [unit.id, ...unit.aliases]));
const METHOD_IDS = longestFirst(METHOD_LIST.flatMap((method) => [method.id, ...method.fields]));
const MEASURE_IDS = longestFirst(defaultCatalogue().measures.map((measure) => measure.id));
const FACTOR_TEXT = longestFirst(defaultLibrary.search('').flatMap((factor) => [factor.id, citation(factor)]));

const COMMANDS: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['inventory', 'examples/demo-city/inventory.yaml'], CITIES],
  [['inventory', 'examples/worked-example/inventory.yaml'], CITIES],
  [['inventory', 'examples/energy-balance/inventory.yaml'], CITIES],
  [['units'], UNIT_SPELLINGS],
  [['methods'], METHOD_IDS],
  [['factors'], FACTOR_TEXT],
  [['catalogue'], MEASURE_IDS],
];

/** Bad inputs: each line of the problem report and of the warnings block, in both languages. */
const folder = mkdtempSync(join(tmpdir(), 'peakpath-language-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const PROBLEMS = join(folder, 'problems.yaml');
writeFileSync(
  PROBLEMS,
  [
    'city: { name: Example City, country: CN }',
    'year: 2022',
    'grid: CN-east-2O22',
    'gwp: AR9',
    'activities:',
    '  - { gpc: II.1.1, fuel: gasoline, amount: 68, unit: 万吨 }',
    '  - { gpc: I.2.2, energy: electricity, amount: 95, unit: kWhh }',
    '  - { gpc: I.3.1, fuel: raw_coal, amount: 5, unit: vehicle }',
    '  - { gpc: II.1.2, energy: heat, amount: 5000, unit: GJ }',
    '  - { gpc: I.3.1, fuel: coke_oven_gas, amount: 1, unit: 万立方米 }',
    '  - { gpc: I.3.1, fuel: diesl, amount: 1, unit: t, colour: red }',
    '',
  ].join('\n'),
);
const WARNINGS = join(folder, 'warnings.yaml');
writeFileSync(
  WARNINGS,
  [
    'city: { name: Example City, country: CN }',
    'year: 2022',
    'grid: CN-east-2022',
    'population: { value: 3, unit: person }',
    'activities:',
    '  - { gpc: I.3.1, fuel: raw_coal, amount: 180, unit: 万吨 }',
    '  - { gpc: I.3.1, fuel: raw_coal, amount: 180, unit: 万吨 }',
    '',
  ].join('\n'),
);

describe('problems and warnings speak one language at a time', () => {
  it.each([
    ['problems', PROBLEMS, 'zh'],
    ['problems', PROBLEMS, 'en'],
    ['warnings', WARNINGS, 'zh'],
    ['warnings', WARNINGS, 'en'],
  ] as const)('%s (%s) --lang %s', (_name, file, lang) => {
    const run = peakpath(['inventory', file, '--lang', lang]);
    const lines = readable(`${run.stdout}\n${run.stderr}`, [file, ...CITIES, 'Example City']);
    // The file has what it was written for: six problems, or a table and its warnings.
    expect(file === PROBLEMS ? run.status : run.stdout.includes(lang === 'zh' ? '警告：' : 'Warnings:')).toBe(file === PROBLEMS ? 2 : true);
    expect(lines.flatMap((line) => languageProblems(line, lang, file))).toEqual([]);
  });
});

describe('the inventory half speaks one language at a time', () => {
  it.each(COMMANDS.flatMap(([args, leftOut]) => [[args.join(' '), 'zh', args, leftOut] as const, [args.join(' '), 'en', args, leftOut] as const]))(
    'peakpath %s --lang %s',
    (_name, lang, args, leftOut) => {
      expect(problemsOf(args, lang, leftOut)).toEqual([]);
    },
  );
});

/** `peakpath ARGS` with only the given locale variables set. */
function withLocale(args: readonly string[], locale: NodeJS.ProcessEnv): string {
  const { LANG: _lang, LC_ALL: _all, PEAKPATH_LANG: _peakpath, ...rest } = process.env;
  const env: NodeJS.ProcessEnv = { ...rest, ...locale };
  const run = spawnSync(process.execPath, [join(ROOT, 'packages', 'cli', 'bin', 'peakpath.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return run.stdout;
}

describe('the language of the output follows the locale unless --lang says', () => {
  const inventory = ['inventory', 'examples/worked-example/inventory.yaml'];

  it('is Chinese with LANG=zh_CN.UTF-8 and no --lang, English with LANG=C or --lang en', () => {
    expect(withLocale(inventory, { LANG: 'zh_CN.UTF-8' })).toContain('合计');
    expect(withLocale(inventory, { LANG: 'C' })).toContain('Total');
    expect(withLocale(inventory, { LANG: 'C' })).not.toContain('合计');
    expect(withLocale([...inventory, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toContain('Total');
    expect(withLocale(inventory, { LANG: 'C', PEAKPATH_LANG: 'zh' })).toContain('合计');
    expect(withLocale(inventory, { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toContain('合计');
  });

  it('--help states the rule, not the value this locale gives, in the locale\'s language', () => {
    const en = withLocale(['inventory', '--help'], { LANG: 'C' });
    expect(en).toContain('default:');
    expect(en.replace(/\s+/g, ' ')).toContain('zh where the locale is Chinese (PEAKPATH_LANG, else LC_ALL, else LANG starting with "zh"), else en');
    expect(en).not.toContain('default: "en"');
    const zh = withLocale(['inventory', '--help'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.replace(/\s+/g, '')).toContain('默认：区域设置为中文时为zh，否则为en');
    expect(zh).toContain('选项：');
    expect(zh).not.toMatch(/default|display help/);
    // A full-width colon takes no space after it; English keeps commander's.
    expect(zh.split('\n')[0]).toBe('用法：peakpath inventory [options] <file>');
    expect(en.split('\n')[0]).toBe('Usage: peakpath inventory [options] <file>');
  });
});
