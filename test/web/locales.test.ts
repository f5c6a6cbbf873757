/**
 * Every text of the web app, in both languages, holds to the rule the CLI's output holds to
 * (test/support/language-check.ts): a Chinese text has Chinese and no English word a reader would have to
 * translate; an English text has no Chinese. The namespaces' keys agree by type (locales/define.ts); this
 * checks the words.
 */
import { describe, expect, it } from 'vitest';
import city from '../../packages/web/src/locales/city.ts';
import common from '../../packages/web/src/locales/common.ts';
import inventory from '../../packages/web/src/locales/inventory.ts';
import network from '../../packages/web/src/locales/network.ts';
import pathway from '../../packages/web/src/locales/pathway.ts';
import plan from '../../packages/web/src/locales/plan.ts';
import { languageProblems } from '../support/language-check.ts';

const NAMESPACES = { common, network, city, inventory, pathway, plan } as const;

/** Texts in the other language on purpose: the switch names the language it switches to; the product's name. */
const OTHER_LANGUAGE_ON_PURPOSE = new Set(['common:language.switchTo', 'common:brand']);

/** Product names and keyboard shortcuts a Chinese screen writes as they are. */
const PRODUCT_NAMES = /\b(?:Excel|WPS)\b|\b(?:Ctrl|Shift|Alt)(?:\+(?:Ctrl|Shift|Alt|[A-Z]))+/g;

function leaves(value: unknown, prefix: string): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe.each(Object.entries(NAMESPACES))('the %s texts', (name, texts) => {
  it.each(['en', 'zh'] as const)('read as %s', (lang) => {
    const problems = leaves(texts[lang], '').flatMap(([key, text]) => {
      const id = `${name}:${key}`;
      // Placeholders ({{count}}) are filled in with figures or names; a text of signs only (—) has no language.
      const words = text.replace(/\{\{[^}]*\}\}/g, ' ').replace(PRODUCT_NAMES, ' ');
      if (OTHER_LANGUAGE_ON_PURPOSE.has(id) || !/[A-Za-z\u3400-\u9fff]/u.test(words)) return [];
      // A Chinese label may be a term Chinese texts keep as it is (a column headed BASIC): judged on its words alone.
      if (lang === 'zh' && !/[\u3400-\u9fff]/u.test(words)) return languageProblems(`${words} 中`, lang, id);
      return languageProblems(words, lang, id);
    });
    expect(problems).toEqual([]);
  });

  it('has the same keys in both languages', () => {
    expect(leaves(texts.zh, '').map(([key]) => key)).toEqual(leaves(texts.en, '').map(([key]) => key));
  });
});
