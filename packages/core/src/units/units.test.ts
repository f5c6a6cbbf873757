import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { convert, DimensionMismatchError, listUnits, parseUnit, suggestUnit, unit } from '../index.ts';
import { editDistance } from '../text/closest.ts';

describe('units of the inventory file contract', () => {
  it.each([
    ['万t', '万吨'],
    ['m3', '立方米'],
    ['万m3', '万立方米'],
    ['亿m3', '亿立方米'],
    ['kWh', '千瓦时'],
    ['万kWh', '万千瓦时'],
    ['亿kWh', '亿千瓦时'],
    ['tce', '吨标准煤'],
    ['万tce', '万吨标准煤'],
    ['t', '吨'],
    ['kg', '千克'],
  ])('%s and %s are the same unit', (english, chinese) => {
    expect(parseUnit(english)).toBeDefined();
    expect(parseUnit(chinese)).toBe(parseUnit(english));
  });

  it.each(['t', 'kt', 'Gg', '万t', 'kg', 'm3', '万m3', '亿m3', 'kWh', 'MWh', 'GWh', '万kWh', '亿kWh', 'GJ', 'TJ', 'MJ', 'tce', '万tce'])(
    'knows %s',
    (spelling) => expect(parseUnit(spelling)?.id).toBe(spelling),
  );

  it.each([
    // Chinese statistical multiples (reference/factors.md §3)
    [1, '万吨', 't', 1e4],
    [1, '亿立方米', 'm3', 1e8],
    [1, '亿千瓦时', 'MWh', 1e5],
    [1, '万吨标准煤', 'GJ', 293076],
    [1, 'Gg', 't', 1000],
    [1, 'TJ', 'GJ', 1000],
    [1, 'MWh', 'GJ', 3.6],
    [1, 'tce', 'GJ', 29.3076],
    [1, '万元', 'CNY', 1e4],
    [1, '亿元', '万元', 1e4],
  ])('%d %s = %d %s', (value, from, to, expected) => {
    expect(convert(value, unit(from), unit(to))).toBeCloseTo(expected, 6);
  });

  it.each([
    ['GJ/t', 'energy/mass', 1],
    ['MJ/m3', 'energy/volume', 0.001],
    ['kg/TJ', 'mass/energy', 1e-6],
    ['tC/TJ', 'carbon/energy', 0.001],
    ['t/MWh', 'mass/energy', 1 / 3.6],
    ['kg/m3', 'mass/volume', 0.001],
    ['kg/t', 'mass/mass', 0.001],
    ['TJ/Gg', 'energy/mass', 1],
    ['gce/kWh', 'energy/energy', (0.0000293076) / 0.0036],
    ['吨/万立方米', 'mass/volume', 1e-4],
    ['L/100km', 'volume/distance', 1e-5],
    ['kWh/100km', 'energy/distance', 0.0036 / 100],
    ['kg/head', 'mass/head', 0.001],
    ['kg/ha', 'mass/area', 0.001],
  ])('compound %s measures %s (%d in base units)', (spelling, dimension, toBase) => {
    const parsed = parseUnit(spelling);
    expect(parsed?.dimension).toBe(dimension);
    expect(parsed!.toBase).toBeCloseTo(toBase, 12);
  });

  it('refuses to convert across dimensions and says which quantity and units', () => {
    expect(() => convert(1, unit('t'), unit('MWh'), 'activities[2].amount')).toThrowError(DimensionMismatchError);
    expect(() => convert(1, unit('t'), unit('MWh'), 'activities[2].amount')).toThrowError(
      'activities[2].amount: cannot convert t (mass) to MWh (energy)',
    );
    expect(() => convert(1, unit('GJ/t'), unit('MJ/m3'), 'ncv')).toThrowError('ncv: cannot convert GJ/t (energy/mass) to MJ/m3 (energy/volume)');
  });

  it('rejects unknown spellings and suggests the nearest', () => {
    expect(parseUnit('kWhh')).toBeUndefined();
    expect(suggestUnit('kWhh')).toBe('kWh');
    expect(suggestUnit('万吨标煤')).toBe('万吨标准煤');
    expect(suggestUnit('GJ/tt')).toBe('GJ/t');
    expect(parseUnit('t/fraction')).toBeUndefined();
    expect(parseUnit('a/b/c')).toBeUndefined();
  });

  it('conversions round-trip within a dimension', () => {
    const units = listUnits();
    const pairs = units.flatMap((a) => units.filter((b) => b.dimension === a.dimension).map((b) => [a, b] as const));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: -1e12, max: 1e12, noNaN: true }), ([a, b], value) =>
        closeTo(convert(convert(value, a, b), b, a), value, 1e-12),
      ),
      propertySettings('unit conversions round-trip'),
    );
  });
});

/**
 * Did-you-mean hints for units (issue 13): a hint fixes a spelling, never the size of the number. Every known
 * spelling and every pair of them is checked, not a sample; fast-check adds random typos on top.
 */
describe('did-you-mean for units never changes magnitude or dimension', () => {
  const spellings = listUnits().flatMap((u) => [u.id, ...u.aliases]);
  // The characters of multiples, as units.ts defines them: a typo of one of these is a change of size, not a typo.
  const marksOf = (spelling: string) => [...spelling.replace(/K/g, 'k')].filter((char) => '十百千万亿兆吉太kMGTm'.includes(char)).join('');
  const doubled = (typed: string, known: string) => [...typed].some((char, i) => char === typed[i + 1] && typed.slice(0, i) + typed.slice(i + 1) === known);
  // Nearness as the hint weighs it: a change of case counts half, a key struck twice three quarters.
  const nearness = (typed: string, known: string) =>
    typed.toLowerCase() === known.toLowerCase() ? 0.5 : typed.length === known.length + 1 && doubled(typed, known) ? 0.75 : editDistance(typed, known);
  const same = (a: string, b: string) => {
    const [x, y] = [parseUnit(a)!, parseUnit(b)!];
    return x.dimension === y.dimension && closeTo(x.toBase, y.toBase);
  };

  it('knows the yearbook units', () => {
    expect(convert(1, unit('万百万千焦'), unit('GJ'))).toBe(1e4);
    expect(convert(1, unit('百万千焦'), unit('GJ'))).toBe(1);
    expect(convert(1, unit('万百万千焦'), unit('TJ'))).toBeCloseTo(10, 12);
    expect(convert(1, unit('万吨标准煤'), unit('万百万千焦'))).toBeCloseTo(29.3076, 12);
    expect(convert(7000, unit('千卡'), unit('千克标准煤'))).toBeCloseTo(1, 12);
    expect(convert(29307.6, unit('千焦'), unit('kgce'))).toBeCloseTo(1, 12);
    expect(convert(1, unit('亿吨标准煤'), unit('万吨标准煤'))).toBeCloseTo(1e4, 9);
    expect(convert(1, unit('亿吨'), unit('万吨'))).toBeCloseTo(1e4, 9);
    for (const spelling of ['万立方米', '亿立方米', '万千瓦时', '亿千瓦时', '吨标准煤', '千克标准煤', '万吨', '万人']) expect(parseUnit(spelling), spelling).toBeDefined();
  });

  it('gives 万百万千焦 no hint of 百万千焦, and a near miss of it its own unit', () => {
    expect(suggestUnit('万百万千焦')).not.toBe('百万千焦');
    expect(parseUnit('万百万千焦')?.toBase).toBe(1e4);
    expect(suggestUnit('万百万千焦焦')).toBe('万百万千焦');
    expect(suggestUnit('百万千焦焦')).toBe('百万千焦');
    expect(suggestUnit('亿百万千焦')).toBeUndefined();
    expect(suggestUnit('万万吨')).toBeUndefined();
    expect(suggestUnit('十万吨')).toBeUndefined();
  });

  it('over every spelling and every multiple: a multiple the library lacks gets a hint of that size or none', () => {
    const multiples: readonly (readonly [string, number])[] = [
      ['十', 10], ['百', 100], ['千', 1e3], ['万', 1e4], ['十万', 1e5], ['百万', 1e6], ['千万', 1e7], ['亿', 1e8], ['k', 1e3], ['M', 1e6], ['G', 1e9],
    ];
    for (const [prefix, factor] of multiples) {
      for (const spelling of spellings) {
        const typed = prefix + spelling;
        if (parseUnit(typed)) continue;
        const hint = suggestUnit(typed);
        if (hint === undefined) continue;
        const meant = parseUnit(spelling)!;
        const hinted = parseUnit(hint)!;
        expect({ typed, hint, dimension: hinted.dimension, size: closeTo(hinted.toBase, meant.toBase * factor) }).toEqual({
          typed,
          hint,
          dimension: meant.dimension,
          size: true,
        });
      }
    }
  });

  it('over every pair of spellings of different units: a typo as near to one as to the other gets no hint', () => {
    // For each such pair with the same multiples, every string one edit from both that keeps those multiples
    // (substitutions, insertions and deletions with the pair's own characters).
    let checked = 0;
    for (const a of spellings) {
      for (const b of spellings) {
        if (a >= b || same(a, b) || marksOf(a) !== marksOf(b) || Math.abs(a.length - b.length) > 2 || editDistance(a, b) > 2) continue;
        const alphabet = [...new Set([...a, ...b])];
        const typos = new Set<string>();
        for (let i = 0; i <= a.length; i++) {
          for (const char of alphabet) {
            typos.add(a.slice(0, i) + char + a.slice(i));
            if (i < a.length) typos.add(a.slice(0, i) + char + a.slice(i + 1));
          }
          if (i < a.length) typos.add(a.slice(0, i) + a.slice(i + 1));
        }
        for (const typed of typos) {
          if (parseUnit(typed) || marksOf(typed) !== marksOf(a) || nearness(typed, a) !== 1 || nearness(typed, b) !== 1) continue;
          // Only where no third spelling is nearer (then it would be the hint, and fairly).
          if (spellings.some((c) => c.toLowerCase() === typed.toLowerCase())) continue;
          const hint = suggestUnit(typed);
          checked++;
          if (hint !== undefined) expect({ typed, hint, a, b, sameAsA: same(hint, a), sameAsB: same(hint, b) }).toEqual({ typed, hint, a, b, sameAsA: false, sameAsB: false });
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a typo that touches no multiple gets a hint of its own unit, or of one strictly nearer (fast-check)', () => {
    const plain = [...'abcdefhijlnopqrsuvwxyzABCDEFHIJLNOPQRSUVWXYZ0123456789/_-.·吨米立方时瓦焦标准煤人元头公顷']; // no magnitude marks
    fc.assert(
      fc.property(fc.constantFrom(...spellings), fc.nat(), fc.constantFrom(...plain), fc.constantFrom('insert', 'substitute', 'delete', 'swap'), (spelling, at, char, edit) => {
        const chars = [...spelling];
        const i = at % (chars.length + 1);
        const marks = /[十百千万亿兆吉太kKMGTm]/;
        if (edit !== 'insert' && (i >= chars.length || marks.test(chars[i]!))) return true;
        if (edit === 'swap' && (i + 1 >= chars.length || marks.test(chars[i + 1]!))) return true;
        if (edit === 'insert') chars.splice(i, 0, char);
        else if (edit === 'substitute') chars[i] = char;
        else if (edit === 'delete') chars.splice(i, 1);
        else [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
        const typed = chars.join('');
        if (typed.includes('/') || parseUnit(typed)) return true;
        const hint = suggestUnit(typed);
        return hint === undefined || same(hint, spelling) || nearness(typed, hint) < nearness(typed, spelling);
      }),
      propertySettings('unit hints keep magnitude', 5000),
    );
  });
});
