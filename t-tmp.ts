import { readFileSync } from 'node:fs';
import { languageProblems } from './test/support/language-check.ts';
for (const f of ['p', 'plan']) for (const lang of ['en', 'zh'] as const) {
  const lines = readFileSync(`/tmp/${f}.${lang}.txt`, 'utf8').split('\n');
  for (const line of lines) {
    if (lang === 'zh' && !/[A-Za-z]/.test(line)) continue;
    const p = languageProblems(line, lang, `${f}.${lang}`);
    if (p.length) console.log(p.join('\n'));
  }
}
