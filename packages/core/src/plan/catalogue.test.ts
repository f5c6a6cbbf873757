import { describe, expect, it } from 'vitest';
import catalogueJson from '../../data/actions/catalogue.json' with { type: 'json' };
import chinaEnergyJson from '../../data/factors/china-energy.json' with { type: 'json' };
import moneyJson from '../../data/actions/money.json' with { type: 'json' };
import { FUEL_IDS } from '../factors/fuels.ts';
import { parseUnit } from '../units/units.ts';
import { BUILDING_THEMES, CATEGORIES, defaultCatalogue, loadCatalogue, type CatalogueMeasure, type CatalogueSource, type EnergyPriceEntry } from './catalogue.ts';

interface CatalogueFile {
  sources: CatalogueSource[];
  measures: CatalogueMeasure[];
  prices: EnergyPriceEntry[];
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
    expect(catalogue.version).toBe('2026.12.2');
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
    const citedIds = new Set([...cited(shipped.measures), ...cited(shipped.prices), ...cited(moneyJson.usdCny), ...cited(moneyJson.cpiChange)]);
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

  it('says how each derived figure was derived and which figures are recalled only, labelled unverified', () => {
    let recalled = 0;
    for (const leaf of leaves(catalogueJson, '')) {
      if (leaf.key !== 'marker' || leaf.value !== 'M') continue;
      recalled++;
      expect(leaf.holder?.['source'] === 'recalled' || leaf.holder?.['source'] === 'nbs-communique', leaf.path).toBe(true);
      expect(String(leaf.holder?.['note'] ?? '') + String(leaf.holder?.['source']), leaf.path).toMatch(/recalled/i);
      // The catalogue's verification word for a figure found in no document (as the factor library's `unverified`).
      expect(String(leaf.holder?.['note'] ?? ''), leaf.path).toMatch(/unverified/);
    }
    expect(recalled).toBeGreaterThanOrEqual(20);
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

  it('China C&I rooftop PV: CNY 3.2/W of 2024 (recalled, unverified), O&M 0.07/W·yr (Digitimes 2017, secondary)', () => {
    const pv = measure('rooftop-pv-china-ci');
    expect(pv.capex).toMatchObject({ value: 3.2, currency: 'CNY', priceYear: 2024, per: 'W', source: 'recalled', marker: 'M' });
    expect(pv.capex!.note).toContain('5.8 CNY/W (Digitimes');
    expect(pv.opex).toMatchObject({ value: 0.07, per: 'W', source: 'digitimes-2017-08-25', marker: 'S' });
    expect(pv.gaps).toEqual([]);
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
    expect(measure('offshore-wind-china').capex!.value).toBe(9800);
    expect(measure('offshore-wind-china').capex!.note).toContain('18,500–23,500');
    expect(measure('led-street-lighting').abatement).toMatchObject({ value: -59, range: [-67, -59] });
  });

  it('subsidies are no costs, and gaps stay gaps', () => {
    const northern = measure('northern-heating-retrofit');
    // The subsidy is no cost: the cost is derived from it as the share of the cost it was (15–20 %).
    expect(northern.capex).toMatchObject({ value: 300, currency: 'CNY', priceYear: 2011, per: 'm2', source: 'bigee-northern-retrofit', marker: 'S' });
    expect(northern.capex!.note).toMatch(/45 ÷ 0\.20 = 225 to 55 ÷ 0\.15 ≈ 365/);
    expect(northern.gaps).toContain('levers[0].reduction');
    expect(northern.feasibility.en).toContain('45–55');
    expect(measure('household-coal-to-gas').capex!.value).toBe(1410);
    for (const id of ['hydrogen-trucks', 'chp', 'electric-industrial-boilers', 'coal-to-gas-kilns', 'wetland-restoration']) {
      const gap = measure(id);
      expect(gap.capex, id).toBeUndefined();
      expect(gap.gaps, id).toEqual(expect.arrayContaining(['capex', 'opex', 'lifetime']));
    }
    expect(measure('motor-efficiency').abatement).toMatchObject({ value: 2, range: [2, 5], source: 'recalled', marker: 'M' });
    expect(measure('kiln-waste-heat-power').levers[0]!.perUnit).toMatchObject({ value: 0.03, range: [0.03, 0.04], marker: 'M' });
  });
});

/** A figure of the China table (reference/actions-china.md): where it sits, its number and how it was read. */
interface ChinaFigure {
  readonly id: string;
  readonly field: 'capex' | 'opex' | 'lifetime' | 'levers[0].perUnit' | 'levers[0].ratio' | 'levers[0].reduction';
  readonly value: number;
  readonly conventional?: number;
  readonly priceYear?: number;
  readonly source: string;
  readonly marker: 'V' | 'S' | 'M';
}

describe('China-current figures (reference/actions-china.md)', () => {
  const measure = (id: string): CatalogueMeasure => catalogue.measure(id)!;
  const figureAt = (m: CatalogueMeasure, field: ChinaFigure['field']): Record<string, unknown> | undefined => {
    const lever = /^levers\[0\]\.(\w+)$/.exec(field)?.[1] as 'perUnit' | 'ratio' | 'reduction' | undefined;
    return (lever ? m.levers[0]?.[lever] : m[field as 'capex' | 'opex' | 'lifetime']) as Record<string, unknown> | undefined;
  };
  const table: ChinaFigure[] = [
    { id: 'utility-pv-china', field: 'capex', value: 4.13, priceYear: 2022, source: 'tsinghua-icn-2024', marker: 'S' },
    { id: 'utility-pv-china', field: 'opex', value: 0.045, priceYear: 2023, source: 'recalled', marker: 'M' },
    { id: 'utility-pv-china', field: 'lifetime', value: 25, source: 'recalled', marker: 'M' },
    { id: 'utility-pv-china', field: 'levers[0].perUnit', value: 1.211, source: 'recalled', marker: 'M' },
    { id: 'rooftop-pv-china-ci', field: 'capex', value: 3.2, priceYear: 2024, source: 'recalled', marker: 'M' },
    { id: 'rooftop-pv-china-ci', field: 'lifetime', value: 25, source: 'recalled', marker: 'M' },
    { id: 'rooftop-pv-china-ci', field: 'levers[0].perUnit', value: 1.05, source: 'recalled', marker: 'M' },
    { id: 'onshore-wind-china-plains', field: 'levers[0].perUnit', value: 2.127, source: 'recalled', marker: 'M' },
    { id: 'onshore-wind-china-mountains', field: 'levers[0].perUnit', value: 2.127, source: 'recalled', marker: 'M' },
    { id: 'offshore-wind-china', field: 'capex', value: 9800, priceYear: 2023, source: 'bloomberg-2024-shanghai-offshore', marker: 'S' },
    { id: 'grid-battery-lfp-2h', field: 'capex', value: 464.6, priceYear: 2025, source: 'ceec-2025', marker: 'S' },
    { id: 'grid-battery-lfp-4h', field: 'capex', value: 424.9, priceYear: 2025, source: 'ceec-2025', marker: 'S' },
    { id: 'household-coal-to-electric', field: 'capex', value: 22000, priceYear: 2018, source: 'hpt-jarn-2016', marker: 'S' },
    { id: 'northern-heating-retrofit', field: 'capex', value: 300, priceYear: 2011, source: 'bigee-northern-retrofit', marker: 'S' },
    { id: 'ultra-low-energy-buildings', field: 'capex', value: 500, priceYear: 2022, source: 'recalled', marker: 'M' },
    { id: 'ultra-low-energy-buildings', field: 'levers[0].reduction', value: 0.5, source: 'recalled', marker: 'M' },
    { id: 'bev-car-china', field: 'capex', value: 0, priceYear: 2024, source: 'iea-gevo-2025', marker: 'S' },
    { id: 'bev-car-china', field: 'levers[0].ratio', value: 0.242, source: 'recalled', marker: 'M' },
    { id: 'electric-bus-china', field: 'capex', value: 1250000, conventional: 750000, priceYear: 2024, source: 'recalled', marker: 'M' },
    { id: 'electric-bus-china', field: 'levers[0].ratio', value: 0.285, source: 'recalled', marker: 'M' },
    { id: 'landfill-gas-to-energy-china', field: 'capex', value: 10860, priceYear: 2009, source: 'esmap-2009-tianjin-landfill', marker: 'S' },
    { id: 'afforestation-china', field: 'capex', value: 8400, priceYear: 2009, source: 'sfa-xinhua-2010', marker: 'S' },
    { id: 'afforestation-china', field: 'levers[0].perUnit', value: 5.8, source: 'zhang-busch-2023', marker: 'S' },
    { id: 'led-residential-china', field: 'capex', value: 6.25, priceYear: 2024, source: 'recalled', marker: 'M' },
    { id: 'led-residential-china', field: 'levers[0].reduction', value: 0.8, source: 'recalled', marker: 'M' },
    { id: 'solar-hot-water-china', field: 'capex', value: 2000, priceYear: 2024, source: 'recalled', marker: 'M' },
    { id: 'electric-industrial-boilers', field: 'levers[0].ratio', value: 0.74, source: 'recalled', marker: 'M' },
  ];

  it.each(table)('$id $field: $value ($source, $marker)', ({ id, field, value, conventional, priceYear, source, marker }) => {
    const figure = figureAt(measure(id), field);
    expect(figure).toMatchObject({ value, source, marker, ...(priceYear === undefined ? {} : { currency: 'CNY', priceYear }), ...(conventional === undefined ? {} : { conventional }) });
    expect(measure(id).gaps).not.toContain(field);
  });

  it('keeps the China figures apart from the Project Drawdown 2014 global figures, which stay as a second source', () => {
    const china = catalogue.measures.filter((m) => m.id.includes('china'));
    expect(china.length).toBeGreaterThanOrEqual(13);
    // air-to-air-heat-pump-china is the one exception: a China-and-India figure of IEA-ETSAP/IRENA (2013) that DD lists in its vma_data, not DD's global cost.
    for (const m of china) expect(cited(m).filter((id) => id.startsWith('dd-') && m.id !== 'air-to-air-heat-pump-china'), m.id).toEqual([]);
    // The global entries the China ones stand beside keep their DD figures.
    for (const id of ['rooftop-pv', 'utility-pv', 'onshore-wind', 'offshore-wind', 'bev-car', 'landfill-gas-to-energy', 'afforestation', 'led-residential', 'solar-hot-water']) {
      expect(catalogue.measure(id)!.capex, id).toMatchObject({ currency: 'USD', priceYear: 2014, marker: 'V' });
      expect(catalogue.measure(id)!.capex!.source, id).toMatch(/^dd-/);
    }
  });

  it('derives the stated arithmetic: ratios through the NCVs, costs from project totals', () => {
    const gasolineNcv = ncv('gasoline');
    const dieselNcv = ncv('diesel');
    expect(((15 * 3.6) / ((7 / 1350) * gasolineNcv * 1000))).toBeCloseTo(0.242, 3);
    expect(((100 * 3.6) / ((35 / 1180) * dieselNcv * 1000))).toBeCloseTo(0.285, 3);
    expect(3e9 / 306_000).toBeCloseTo(9804, 0);
    expect(46.7e6 / 4300).toBeCloseTo(10_860, -1);
    expect((233.2e9 / 415e6) * 15).toBeCloseTo(8430, -1);
    expect(0.74e9 / 127e6).toBeCloseTo(5.8, 1);
  });
});

/** An NCV of GB/T 2589 from the factor library, GJ per t (natural gas GJ per m³). */
function ncv(fuel: string): number {
  const factor = (chinaEnergyJson as { factors: { kind: string; fuel?: string; value: number; unit: string }[] }).factors.find((f) => f.kind === 'ncv' && f.fuel === fuel && f.unit !== 'kJ/kg');
  if (!factor) throw new Error(`no NCV of ${fuel}`);
  return factor.unit === 'MJ/m3' ? factor.value / 1000 : factor.value;
}

describe('energy prices, as quoted and per GJ', () => {
  const price = (id: string): EnergyPriceEntry => {
    const entry = catalogue.prices.find((candidate) => candidate.id === id);
    if (!entry) throw new Error(`no price ${id}`);
    return entry;
  };

  it('values utility generation at the coal benchmark and self-consumed generation at the retail tariff', () => {
    expect(price('coal-benchmark-national')).toMatchObject({ carrier: 'electricity', price: { value: 0.3736, unit: '元/kWh', priceYear: 2022, source: 'cec-azure-2022', marker: 'S' } });
    expect(price('coal-benchmark-national').use.en).toMatch(/utility-scale generation/);
    expect(price('retail-commercial-industrial')).toMatchObject({ carrier: 'electricity', price: { value: 0.68, unit: '元/kWh', range: [0.6, 0.8], marker: 'M' } });
    expect(price('retail-commercial-industrial').use.en).toMatch(/self-consumed generation/);
    expect(price('heat-residential')).toMatchObject({ carrier: 'heat', price: { value: 25, unit: '元/m2' } });
    expect(price('heat-residential').perEnergy).toBeUndefined();
  });

  it('gives each price in the unit people quote and per GJ through the stated NCV', () => {
    const perGj = (id: string): number => price(id).perEnergy!.value;
    expect(perGj('coal-benchmark-national')).toBeCloseTo(0.3736 / 0.0036, 1);
    expect(perGj('retail-commercial-industrial')).toBeCloseTo(0.68 / 0.0036, 1);
    expect(perGj('retail-residential')).toBeCloseTo(0.55 / 0.0036, 1);
    expect(perGj('gas-residential')).toBeCloseTo(3.0 / ncv('natural_gas'), 1);
    expect(perGj('gas-commercial-industrial')).toBeCloseTo(3.8 / ncv('natural_gas'), 1);
    const kcal5500 = (5500 * 4.1868) / 1000;
    expect(perGj('coal-bohai-2024')).toBeCloseTo(860 / kcal5500, 1);
    expect(perGj('coal-bohai-2025')).toBeCloseTo(697 / kcal5500, 1);
    expect(perGj('gasoline-92')).toBeCloseTo((7.75 * 1350) / ncv('gasoline'), 0);
    expect(perGj('diesel-0')).toBeCloseTo((7.4 * 1180) / ncv('diesel'), 0);
    for (const entry of catalogue.prices) {
      expect(parseUnit(entry.price.unit)?.dimension, entry.id).toMatch(/^money\//);
      if (entry.perEnergy) {
        expect(entry.perEnergy.unit).toBe('元/GJ');
        expect(entry.perEnergy.note, entry.id).toMatch(/^Derived[^:]*: .*÷.*=/);
        expect(entry.perEnergy.marker, entry.id).toBe(entry.price.marker);
      }
      expect([...FUEL_IDS, 'electricity', 'heat'], entry.id).toContain(entry.carrier);
    }
  });

  it('rejects a price without a known source, or per volume without its price per GJ', () => {
    const data = copy();
    data.prices.find((entry) => entry.id === 'gas-residential')!.price.source = 'nowhere-2020';
    delete (data.prices.find((entry) => entry.id === 'diesel-0') as Partial<EnergyPriceEntry>).perEnergy;
    const message = problemsOf(data);
    expect(message).toContain('price gas-residential: price cites unknown source nowhere-2020');
    expect(message).toContain('price diesel-0: a price per volume needs its price per GJ (perEnergy) through the NCV');
  });
});
