/**
 * Issue 13 item 3: what the commands of the inventory half print, read line by line in both languages and held to
 * the rule of test/support/language-check.ts. The user's own names (the entity's `name` and `nameZh`, a file's
 * path) are the user's text and are left out of the check.
 */
import { describe, expect, it } from 'vitest';
import { languageProblems } from './support/language-check.ts';
import { peakpath } from './support/cli.ts';

/** The lines of an output a reader reads: table rules and bare figures have no language. */
function readable(output: string, userText: readonly string[]): string[] {
  return output
    .split('\n')
    .map((line) => userText.reduce((text, value) => text.split(value).join(' '), line))
    .filter((line) => /[A-Za-z\u3400-\u9fff]/u.test(line));
}

function problemsOf(args: readonly string[], lang: 'en' | 'zh', userText: readonly string[] = []): string[] {
  const run = peakpath([...args, '--lang', lang]);
  const output = `${run.stdout}\n${run.stderr}`;
  return readable(output, userText).flatMap((line) => languageProblems(line, lang, `peakpath ${args.join(' ')}`));
}

const CITIES = ['示例市', 'Demo City', '样例市', 'Worked Example City'];

const COMMANDS: readonly (readonly string[])[] = [
  ['inventory', 'examples/demo-city/inventory.yaml'],
  ['inventory', 'examples/worked-example/inventory.yaml'],
  ['inventory', 'examples/energy-balance/inventory.yaml'],
  ['units'],
  ['methods'],
  ['factors'],
  ['catalogue'],
];

describe('the inventory half speaks one language at a time', () => {
  it.each(COMMANDS.flatMap((args) => [[args, 'zh'] as const, [args, 'en'] as const]))('peakpath %s --lang %s', (args, lang) => {
    expect(problemsOf(args, lang, CITIES)).toEqual([]);
  });
});
