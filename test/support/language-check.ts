/**
 * The one rule both halves of the Chinese output hold to (issue 13 item 3): a Chinese text has Chinese in it and no
 * English word a reader would have to translate; an English text has no Chinese outside a quoted user value.
 * `languageProblems` returns every problem of one text, so a test can print them all at once.
 */
import { parseUnit } from '@peakpath/core';

export type CheckedLang = 'en' | 'zh';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u;
const CJK_IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * What a text may quote verbatim: ids in backticks, values in straight or Chinese quotes (a user's own spelling, a
 * field value the user types). Quoted text is the user's or the file's, and is not judged.
 */
const QUOTED = /`[^`]*`|"(?:[^"\\]|\\.)*"|“[^”]*”|「[^」]*」|'[^'\s][^']*'/gu;

/**
 * Words Chinese reports print as they are. Kept short on purpose; each is a name of a standard, an institution's
 * abbreviation or an index Chinese texts do not translate.
 */
const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  'GPC', // the Global Protocol for Community-Scale GHG Inventories, cited by its abbreviation in Chinese guidance
  'BASIC', // GPC reporting levels
  'BASIC+',
  'IPCC',
  'UNFCCC', // the Convention, cited by its abbreviation
  'IE', // GPC notation keys (included elsewhere, not estimated, not occurring, confidential): written as keys
  'NE',
  'NO',
  'GWP',
  'AR4',
  'AR5',
  'AR6',
  'GB/T', // Chinese national standards are numbered so
  'GB',
  'EMEP/EEA', // the air pollutant emission inventory guidebook, cited by its abbreviation
  'GDP',
  'LMDI', // the decomposition method's standard abbreviation
  'MACC', // 边际减排成本曲线 is written so in Chinese papers as well
  'CPI',
  'USD',
  'CNY',
  'ISO', // ISO 3166-1 country codes are cited so
  'JSON', // file formats a user saves
  'YAML',
  'CSV',
  'peakpath', // the command's name
  'mm', // SI symbols not among the file's units
  'Hz',
]);

/** Gas and pollutant formulas (CO2, CH4, N2O, CO2e, SO2, NOx, PM2.5 …) and element symbols in units (tC, kgCO2). */
const FORMULA = /^(?:[tgk]|kg|万t)?(?:CO2e?|CH4|N2O|SF6|NF3|HFCs?|PFCs?|SO2|SOx|NOx|PM2\.5|PM10|TSP|BC|CO|NMVOC|NH3|C|N|HFC-[\dA-Za-z]+)(?:-N)?$/u;
/** GPC reference numbers (I, II.1, III.x.3, I.4.4) and IPCC categories (1A1a, 2C1, 4A). */
const GPC_REF = /^(?:I|II|III|IV|V|VI)(?:\.(?:\d+|x)){0,2}$|^\d[A-Z](?:\d[a-z]?)*$/u;
/** Field names and ids a user types: camelCase, dotted paths, snake_case, kebab-case, with indices. */
const FIELD = /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+|^[A-Za-z0-9]+(?:[._\-[\]][A-Za-z0-9\]]*)+$/u;

/**
 * Symbols Chinese technical texts print as they are: abbreviations in capitals (COD, BOD, LED, CCUS, MCF, IE3),
 * parameter symbols of the IPCC Guidelines with two capitals or more (DOCf, EF1FR, FracGASF), chemical formulas
 * (CaCO3, CaO, MgO). An English word has at most its first letter in capitals, so it is not taken for one.
 */
const SYMBOL = /^(?:[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*|(?:[A-Z][a-z]?\d*)+)$/u;
const NUMBER = /^[\d.,%+\-–/⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+$/u;

function allowedToken(token: string): boolean {
  if (ALLOWED_WORDS.has(token)) return true;
  if (FORMULA.test(token) || GPC_REF.test(token) || FIELD.test(token) || SYMBOL.test(token)) return true;
  if (NUMBER.test(token)) return true;
  // A single letter is a symbol in a formula (the decay rate k, a fraction F).
  if (/^[A-Za-z]$/u.test(token)) return true;
  const parts = token.split('/');
  return parts.length <= 2 && parts.every((part) => unitSymbol(part) || FORMULA.test(part) || NUMBER.test(part));
}

/**
 * A unit symbol (t, GJ, MWh, tce): Chinese reports print SI symbols as they are. Not a unit whose id is an English
 * word (vehicle, person, household, head, unit, day, yr, fraction): a Chinese reader needs 辆, 人, 户 …
 */
function unitSymbol(token: string): boolean {
  const unit = parseUnit(token);
  // An id, or a spelling with a mark no word has (m³, 万t); not an English alias such as `tonne`.
  if (unit === undefined || (unit.id !== token && /^[A-Za-z]+$/u.test(token)) || token === 'yr') return false;
  return unit.name.en.split(/[\s(]/u)[0] !== token;
}

/**
 * A problem's place in the file before its full-width colon (`activities[3].unit：`, `grid：`): a path of field
 * names, which the user types as they are.
 */
const ISSUE_PATH = /(^|[\s：])[A-Za-z_][\w.[\]-]*(?=：)/gu;

/** The text with quoted stretches and issue paths blanked out. */
export function unquoted(text: string): string {
  return text.replace(QUOTED, ' ').replace(ISSUE_PATH, '$1 ');
}

/** Latin-letter tokens of a text: words with the digits, dots and signs that belong to them (PM2.5, I.1.1, GB/T). */
function latinTokens(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9_.+\-/[\]⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*[A-Za-z0-9+\]⁰¹²³⁴⁵⁶⁷⁸⁹]|[A-Za-z]/gu)?.filter((token) => /[A-Za-z]/u.test(token)) ?? [];
}

/** Every problem of `text` as a text in `lang`; empty when it passes. `what` names the text in the problems. */
export function languageProblems(text: string, lang: CheckedLang, what = 'text'): string[] {
  const problems: string[] = [];
  const bare = unquoted(text);
  if (lang === 'zh') {
    if (!CJK_IDEOGRAPH.test(text)) problems.push(`${what}: no Chinese in a zh text: ${JSON.stringify(text)}`);
    const words = latinTokens(bare).filter((token) => !allowedToken(token));
    if (words.length > 0) problems.push(`${what}: English ${words.map((word) => JSON.stringify(word)).join(', ')} in a zh text: ${JSON.stringify(text)}`);
  } else if (CJK.test(bare)) {
    problems.push(`${what}: Chinese outside quotes in an en text: ${JSON.stringify(text)}`);
  }
  return problems;
}
