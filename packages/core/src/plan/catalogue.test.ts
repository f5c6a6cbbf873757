import { describe, expect, it } from 'vitest';
import catalogueJson from '../../data/actions/catalogue.json' with { type: 'json' };
import moneyJson from '../../data/actions/money.json' with { type: 'json' };
import { FUEL_IDS } from '../factors/fuels.ts';
import { parseUnit } from '../units/units.ts';
import { BUILDING_THEMES, CATEGORIES, defaultCatalogue, loadCatalogue, type CatalogueMeasure, type CatalogueSource } from './catalogue.ts';

interface CatalogueFile {
  sources: CatalogueSource[];
  measures: CatalogueMeasure[];
  [key: string]: unknown;
}

/** A deep copy of the shipped data, to break. */
const copy = (): CatalogueFile => JSON.parse(JSON.stringify(catalogueJson)) as CatalogueFile;
const find = (data: CatalogueFile, id: string): CatalogueMeasure => {
  const measure = data.measures.find((candidate) => candidate.id === id);
  if (!measure) throw new Error(`no measure ${id} in the test data`);
  return measure;
};
const problemsOf = (data: unknown): string => {
  try {
    loadCatalogue(data, moneyJson);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return '';
};

/** Every [path, value] leaf of a JSON value, with the object holding it. */
function* leaves(value: unknown, path: string, holder?: Record<string, unknown>, key?: string): Generator<{ path: string; value: unknown; holder?: Record<string, unknown>; key?: string }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* leaves(value[i], `${path}[${i}]`, holder, key);
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(object)) yield* leaves(v, path === '' ? k : `${path}.${k}`, object, k);
  } else {
    yield { path, value, holder, key };
  }
}

/** The source ids that figures cite (every `source` key with a string value). */
const cited = (data: unknown): string[] => [...leaves(data, '')].filter((leaf) => leaf.key === 'source' && typeof leaf.value === 'string').map((leaf) => leaf.value as string);

/**
 * Paths of the numbers that are not a sourced figure's value, conventional cost, price year or
 * range: every number must sit in an object with a `source`. A source's publication year is
 * metadata, not a figure.
 */
function unsourcedNumbers(data: unknown): string[] {
  const numberKeys = new Set(['value', 'conventional', 'priceYear']);
  const offending: string[] = [];
  for (const leaf of leaves(data, '')) {
    if (typeof leaf.value !== 'number') continue;
    if (/^sources\[\d+\]\.year$/.test(leaf.path)) continue;
    const inRange = /\.range\[[01]\]$/.test(leaf.path) && leaf.key === 'range';
    const sourced = typeof leaf.holder?.['source'] === 'string' && leaf.key !== undefined && (numberKeys.has(leaf.key) || inRange);
    if (!sourced) offending.push(leaf.path);
  }
  return offending;
}

const catalogue = defaultCatalogue();
const shipped = copy();

describe('the shipped action catalogue', () => {
  it('loads, with at least 40 measures in every category and all four building themes', () => {
    expect(catalogue.version).toBe('2026.12.1');
    expect(catalogue.measures.length).toBeGreaterThanOrEqual(40);
    for (const category of CATEGORIES) expect(catalogue.measures.filter((m) => m.category === category).length, category).toBeGreaterThan(0);
    for (const theme of BUILDING_THEMES) expect(catalogue.measures.filter((m) => m.theme === theme).length, theme).toBeGreaterThan(0);
    for (const measure of catalogue.measures) {
      if (measure.category === 'buildings') expect(measure.theme, measure.id).toBeDefined();
      expect(catalogue.measure(measure.id)).toBe(measure);
    }
  });

  it('gives every number as a sourced figure', () => {
    expect(unsourcedNumbers(catalogueJson)).toEqual([]);
    // The check finds a number outside a figure, and one under a key figures do not have.
    const data = copy();
    const i = data.measures.findIndex((m) => m.id === 'composting');
    (data.measures[i] as unknown as Record<string, unknown>)['capacityFactor'] = 0.5;
    (data.measures[i]!.abatement as unknown as Record<string, unknown>)['low'] = -0.2;
    expect(unsourcedNumbers(data).sort()).toEqual([`measures[${i}].abatement.low`, `measures[${i}].capacityFactor`]);
  });

  it('cites only sources it defines, and defines only sources it cites', () => {
    const defined = [...shipped.sources, ...moneyJson.sources].map((source) => source.id);
    expect(new Set(defined).size).toBe(defined.length);
    const citedIds = new Set([...cited(shipped.measures), ...cited(moneyJson.usdCny), ...cited(moneyJson.cpiChange)]);
    expect([...citedIds].filter((id) => !defined.includes(id))).toEqual([]);
    expect(defined.filter((id) => !citedIds.has(id))).toEqual([]);
    expect(shipped.sources.map((source) => source.id)).not.toContain('nbs-communique');
  });

  it('names every missing number in gaps, and only names numbers that are missing', () => {
    const numberOf: Record<string, 'reduction' | 'ratio' | 'perUnit'> = {
      efficiency: 'reduction',
      activity: 'reduction',
      emissions: 'reduction',
      switch: 'ratio',
      generation: 'perUnit',
      removal: 'perUnit',
    };
    for (const measure of catalogue.measures) {
      for (const field of ['capex', 'opex', 'lifetime'] as const) {
        expect(measure[field] !== undefined || measure.gaps.includes(field), `${measure.id}: ${field} given or a gap`).toBe(true);
      }
      measure.levers.forEach((lever, i) => {
        const key = numberOf[lever.type]!;
        expect(lever[key] !== undefined || measure.gaps.includes(`levers[${i}].${key}`), `${measure.id}: levers[${i}].${key} given or a gap`).toBe(true);
      });
      const known = new Set(['capex', 'opex', 'savings', 'lifetime', 'abatement', ...measure.levers.flatMap((_, i) => ['reduction', 'share', 'ratio', 'perUnit'].map((k) => `levers[${i}].${k}`))]);
      for (const gap of measure.gaps) expect(known.has(gap), `${measure.id}: gap ${gap} names a figure of the measure`).toBe(true);
      expect(new Set(measure.gaps).size, `${measure.id}: gaps listed once`).toBe(measure.gaps.length);
    }
  });

  it('uses carriers of the inventory and units of the unit table', () => {
    const carriers = new Set<string>([...FUEL_IDS, 'electricity', 'heat']);
    for (const measure of catalogue.measures) {
      expect(parseUnit(measure.unit), measure.id).toBeDefined();
      for (const lever of measure.levers) {
        for (const carrier of [lever.carrier, lever.to, ...(lever.from ?? [])]) if (carrier !== undefined) expect(carriers.has(carrier), `${measure.id}: ${carrier}`).toBe(true);
        for (const figure of [lever.reduction, lever.share]) if (figure) expect(figure.value, measure.id).toBeGreaterThanOrEqual(0);
        if (lever.reduction) expect(lever.reduction.value, measure.id).toBeLessThanOrEqual(1);
      }
    }
  });

  it('says how each derived figure was derived and which figures are recalled only', () => {
    for (const leaf of leaves(catalogueJson, '')) {
      if (leaf.key !== 'marker' || leaf.value !== 'M') continue;
      expect(leaf.holder?.['source'] === 'recalled' || leaf.holder?.['source'] === 'nbs-communique', leaf.path).toBe(true);
      expect(String(leaf.holder?.['note'] ?? '') + String(leaf.holder?.['source']), leaf.path).toMatch(/recalled/i);
    }
    const derived = [...leaves(catalogueJson, '')].filter((leaf) => leaf.key === 'note' && /^Derived/.test(String(leaf.value)));
    expect(derived.length).toBeGreaterThanOrEqual(8);
    for (const leaf of derived) expect(String(leaf.value), leaf.path).toMatch(/[=÷×]/);
    for (const source of catalogue.sources.values()) if (source.id.startsWith('dd-')) expect(source.note, source.id).toContain('CC BY-NC-SA');
  });
});

describe('loadCatalogue rejects bad data, naming the problem', () => {
  it('accepts an unchanged copy', () => {
    expect(loadCatalogue(copy(), moneyJson).measures.length).toBe(catalogue.measures.length);
  });

  it('a figure citing an unknown source', () => {
    const data = copy();
    find(data, 'rooftop-pv').opex!.source = 'nowhere-2020';
    expect(problemsOf(data)).toContain('measure rooftop-pv: opex cites unknown source nowhere-2020');
  });

  it('a lever figure citing an unknown source', () => {
    const data = copy();
    find(data, 'afforestation').levers[0]!.perUnit!.source = 'nowhere-2020';
    expect(problemsOf(data)).toContain('measure afforestation: levers[0].perUnit cites unknown source nowhere-2020');
  });

  it('a cost per a unit of another dimension than the measure\u2019s', () => {
    const data = copy();
    find(data, 'rooftop-pv').capex!.per = 'm2';
    expect(problemsOf(data)).toContain("measure rooftop-pv: capex.per m2 is not a unit of kW's dimension");
  });

  it('a gap that has a figure', () => {
    const data = copy();
    find(data, 'envelope-insulation').gaps.push('capex', 'levers[0].reduction');
    const message = problemsOf(data);
    expect(message).toContain('measure envelope-insulation: capex is listed as a gap but has a figure');
    expect(message).toContain('measure envelope-insulation: levers[0].reduction is listed as a gap but has a figure');
  });

  it('a duplicate measure id', () => {
    const data = copy();
    data.measures.push(structuredClone(find(data, 'composting')));
    expect(problemsOf(data)).toContain('measure composting: id defined twice');
  });

  it('a duplicate source id, also one of money.json', () => {
    const data = copy();
    data.sources.push({ id: 'nbs-communique', title: 'again' });
    expect(problemsOf(data)).toContain('source nbs-communique is defined twice');
  });

  it('a USD cost in a price year money.json has no rate for', () => {
    const data = copy();
    find(data, 'rooftop-pv').capex!.priceYear = 2007;
    expect(problemsOf(data)).toContain('measure rooftop-pv: capex: no USD/CNY rate for 2007 in money.json');
  });

  it('an unknown unit', () => {
    const data = copy();
    find(data, 'cycling-infrastructure').unit = 'lane-km';
    expect(problemsOf(data)).toContain('measure cycling-infrastructure: unknown unit lane-km');
  });

  it('every problem at once', () => {
    const data = copy();
    find(data, 'rooftop-pv').opex!.source = 'nowhere-2020';
    find(data, 'rooftop-pv').capex!.per = 'm2';
    find(data, 'envelope-insulation').gaps.push('capex');
    find(data, 'bev-car').capex!.priceYear = 2008;
    data.measures.push(structuredClone(find(data, 'composting')));
    expect(problemsOf(data)).toMatch(/^action catalogue: 5 problems:\n/);
  });

  it('a figure without a source or marker, by the schema', () => {
    const data = copy();
    const capex = find(data, 'rooftop-pv').capex as unknown as Record<string, unknown>;
    delete capex['source'];
    expect(() => loadCatalogue(data, moneyJson)).toThrow(/source/);
    const other = copy();
    (find(other, 'composting').abatement as unknown as Record<string, unknown>)['marker'] = 'X';
    expect(() => loadCatalogue(other, moneyJson)).toThrow(/marker/);
  });
});

describe('figures as the reference gives them', () => {
  const measure = (id: string): CatalogueMeasure => catalogue.measure(id)!;

  it('rooftop PV (DD solarpvroof): USD 2,012/kW of 2014, O&M 21.8/kW·yr, 27 years, 1,678 h/yr', () => {
    const pv = measure('rooftop-pv');
    expect(pv).toMatchObject({ category: 'buildings', theme: 'renewables-in-buildings', unit: 'kW' });
    expect(pv.capex).toMatchObject({ value: 2012, currency: 'USD', priceYear: 2014, per: 'kW', source: 'dd-solarpvroof', marker: 'V' });
    expect(pv.opex).toMatchObject({ value: 21.8, currency: 'USD', priceYear: 2014, per: 'kW' });
    expect(pv.lifetime).toMatchObject({ value: 27, unit: 'yr' });
    expect(pv.levers[0]).toMatchObject({ type: 'generation', perUnit: { value: 1.678, unit: 'MWh/kW/yr' } });
    expect(pv.capex?.conventional).toBeUndefined();
  });

  it('China C&I rooftop PV (Digitimes 2017): CNY 5.8/W and 0.07/W·yr, secondary', () => {
    const pv = measure('rooftop-pv-china-ci');
    expect(pv.capex).toMatchObject({ value: 5.8, currency: 'CNY', priceYear: 2017, per: 'W', source: 'digitimes-2017-08-25', marker: 'S' });
    expect(pv.opex).toMatchObject({ value: 0.07, per: 'W' });
    expect(pv.gaps).toEqual(expect.arrayContaining(['lifetime', 'levers[0].perUnit']));
  });

  it('clinker substitution (DD altcement): USD 73.9 vs 74.8 per t, process CO2 0.233 vs 0.351 t/t', () => {
    const clinker = measure('clinker-substitution');
    expect(clinker.capex).toMatchObject({ value: 73.9, conventional: 74.8, currency: 'USD', priceYear: 2014, per: 't' });
    const reduction = clinker.levers[0]!.reduction!;
    expect(clinker.levers[0]).toMatchObject({ type: 'emissions', gas: 'CO2' });
    expect(reduction.value).toBeCloseTo(1 - 0.233 / 0.351, 3);
    expect(reduction.note).toContain('0.233');
    expect(reduction.note).toContain('0.351');
    expect(clinker.abatement!.value).toBeCloseTo(0.233 - 0.351, 6);
  });

  it('composting (DD composting): −0.40 tCO2e per t diverted, USD 140 vs 272 per t/yr', () => {
    const composting = measure('composting');
    expect(composting.abatement).toMatchObject({ value: -0.4, unit: 'tCO2e/t', source: 'dd-composting', marker: 'V' });
    expect(composting.capex).toMatchObject({ value: 140, conventional: 272 });
    expect(composting.lifetime?.value).toBe(30);
  });

  it('afforestation: 3.30 tC/ha·yr restated as 12.1 tCO2e/ha·yr, with the arithmetic', () => {
    const removal = measure('afforestation').levers[0]!;
    expect(removal.type).toBe('removal');
    expect(removal.perUnit!.value).toBeCloseTo((3.3 * 44) / 12, 6);
    expect(removal.perUnit!.note).toContain('3.30 tC');
    expect(measure('afforestation').capex).toMatchObject({ value: 669, per: 'ha' });
    expect(measure('afforestation').opex).toMatchObject({ value: 123, per: 'ha' });
  });

  it('electric car (DD electricvehicles): USD 36,318 vs 25,325 for an ICE car', () => {
    expect(measure('bev-car').capex).toMatchObject({ value: 36318, conventional: 25325, currency: 'USD', priceYear: 2014, per: 'vehicle' });
    expect(measure('bev-car').levers[0]).toMatchObject({ type: 'switch', from: ['gasoline'], to: 'electricity' });
  });

  it('onshore wind O&M: fixed USD 48.7/kW·yr plus 0.0236/kWh at 2,944 h', () => {
    const wind = measure('onshore-wind');
    expect(wind.opex!.value).toBeCloseTo(48.7 + 0.0236 * 2944, 2);
    expect(wind.levers[0]!.perUnit!.value).toBe(2.944);
    expect(measure('onshore-wind-china-plains').capex).toMatchObject({ value: 5800, currency: 'CNY', priceYear: 2021, per: 'kW' });
    expect(measure('onshore-wind-china-mountains').capex).toMatchObject({ value: 7200 });
  });

  it('ranges: the lower figure as the value, the range stated', () => {
    expect(measure('ee-new-build-standard').capex).toMatchObject({ value: 100, currency: 'CNY', priceYear: 2006, per: 'm2' });
    expect(measure('ee-new-build-standard').capex!.note).toContain('100–200');
    expect(measure('offshore-wind-china').capex!.value).toBe(18500);
    expect(measure('offshore-wind-china').capex!.note).toContain('23,500');
    expect(measure('led-street-lighting').abatement).toMatchObject({ value: -59, range: [-67, -59] });
  });

  it('subsidies are no costs, and gaps stay gaps', () => {
    const northern = measure('northern-heating-retrofit');
    expect(northern.capex).toBeUndefined();
    expect(northern.gaps).toContain('capex');
    expect(northern.feasibility.en).toContain('45–55');
    expect(measure('household-coal-to-gas').capex!.value).toBe(1410);
    for (const id of ['hydrogen-trucks', 'chp', 'electric-industrial-boilers', 'coal-to-gas-kilns', 'ultra-low-energy-buildings', 'wetland-restoration']) {
      const gap = measure(id);
      expect(gap.capex, id).toBeUndefined();
      expect(gap.gaps, id).toEqual(expect.arrayContaining(['capex', 'opex', 'lifetime']));
    }
    expect(measure('motor-efficiency').abatement).toMatchObject({ value: 2, range: [2, 5], source: 'recalled', marker: 'M' });
    expect(measure('kiln-waste-heat-power').levers[0]!.perUnit).toMatchObject({ value: 0.03, range: [0.03, 0.04], marker: 'M' });
  });
});
