import { describe, expect, it } from 'vitest';
import { citation, defaultLibrary, FactorDataError, FactorLibrary, FUEL_IDS } from '../index.ts';

const source = { id: 'test-source', title: 'A test document', publisher: 'Tests', edition: '1', year: 2020 };
const record = {
  id: 'test.ncv.coal',
  kind: 'ncv',
  value: 20,
  unit: 'GJ/t',
  fuel: 'raw_coal',
  source: 'test-source',
  table: 'Table 1',
  verification: 'verified',
  name: { en: 'test', zh: '测试' },
};
const load = (factors: unknown[]) => new FactorLibrary('test', { sources: [source] }, [{ name: 'test.json', data: { factors } }]);

describe('the shipped factor library', () => {
  it('loads and validates', () => {
    expect(defaultLibrary.factors.length).toBeGreaterThan(150);
    expect(defaultLibrary.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('gives every value a source document, a table and a verification level', () => {
    for (const factor of defaultLibrary.factors) {
      expect(factor.source.title.length, factor.id).toBeGreaterThan(5);
      expect(factor.table.length, factor.id).toBeGreaterThan(0);
      expect(['verified', 'secondary', 'unverified']).toContain(factor.verification);
      expect(citation(factor)).toContain(factor.table);
    }
  });

  it('holds the grid factors the contract names', () => {
    const expected: Record<string, number> = {
      'CN-national-2022': 0.5366,
      'CN-national-2021': 0.5568,
      'CN-north-2022': 0.6776,
      'CN-northeast-2022': 0.5564,
      'CN-east-2022': 0.5617,
      'CN-central-2022': 0.5395,
      'CN-northwest-2022': 0.5857,
      'CN-south-2022': 0.3869,
      'CN-southwest-2022': 0.2268,
      'CN-hebei-2022': 0.7252,
      'CN-ets-2022': 0.5703,
    };
    for (const [id, value] of Object.entries(expected)) {
      const factor = defaultLibrary.get(id);
      expect(factor?.kind, id).toBe('grid');
      expect(factor?.value, id).toBe(value);
      expect(factor?.unit.id).toBe('t/MWh');
    }
  });

  it('holds every GWP the conventions need: AR4, AR5 one CH4 value; AR6 fossil and non-fossil', () => {
    const gwp = (id: string) => defaultLibrary.get(id)?.value;
    expect([gwp('gwp.ar4.ch4'), gwp('gwp.ar4.n2o')]).toEqual([25, 298]);
    expect([gwp('gwp.ar5.ch4'), gwp('gwp.ar5.n2o')]).toEqual([28, 265]);
    expect([gwp('gwp.ar6.ch4.fossil'), gwp('gwp.ar6.ch4.non-fossil'), gwp('gwp.ar6.n2o')]).toEqual([29.8, 27, 273]);
  });

  it('has a GB/T 2589 NCV or an IPCC NCV for every contract fuel', () => {
    // Yearbook fuels whose appendix gives no single NCV (a range, or none at all; reference/china-accounting.md §5):
    // a line must give its own `ncv`, and the library must not pretend otherwise.
    const noPublishedNcv = new Set<string>([
      'other_washed_coal',
      'briquettes',
      'coke_oven_gas',
      'other_gas',
      'naphtha',
      'lubricants',
      'paraffin_wax',
      'white_spirit',
      'bitumen',
      'petroleum_coke',
      'other_petroleum_products',
      'other_energy',
    ]);
    for (const fuel of FUEL_IDS) {
      const ncvs = defaultLibrary.select({ kind: 'ncv', fuel });
      if (noPublishedNcv.has(fuel)) expect(ncvs, fuel).toEqual([]);
      else if (fuel !== 'jet_kerosene' && fuel !== 'other_bituminous_coal' && fuel !== 'sub_bituminous_coal' && fuel !== 'anthracite') {
        expect(ncvs.some((f) => f.source.id === 'gbt-2589'), fuel).toBe(true);
      }
    }
    // raw coal has no IPCC 2006 default NCV: a line needs its own under ipcc2006 (spec/inventory-file.md)
    expect(defaultLibrary.select({ kind: 'ncv', fuel: 'raw_coal', source: 'ipcc2006-v2-ch1' })).toEqual([]);
  });

  it('is searchable by words in any language it holds', () => {
    expect(defaultLibrary.search('grid east 2022').map((f) => f.id)).toEqual(['CN-east-2022']);
    expect(defaultLibrary.search('原煤 低位发热量').map((f) => f.id)).toContain('gbt2589.ncv.raw_coal');
    expect(defaultLibrary.search('Table 2.3 coal ch4').map((f) => f.id)).toEqual(['ipcc2006.ch4.manufacturing.coal']);
    expect(defaultLibrary.search('no-such-word')).toEqual([]);
  });
});

describe('validation on load', () => {
  it('accepts a valid record and converts it to base units', () => {
    const library = load([record]);
    expect(library.get('test.ncv.coal')?.toBase).toBe(20);
  });
  it.each([
    [{ ...record, unit: 'GJ/tt' }, 'unknown unit "GJ/tt"'],
    [{ ...record, unit: 'kg/TJ' }, 'unit kg/TJ (mass/energy) does not fit a ncv factor'],
    [{ ...record, source: 'nowhere' }, 'unknown source "nowhere"'],
    [{ ...record, value: -1 }, 'value must be positive'],
    [{ ...record, kind: 'oxidation', unit: 'fraction', value: 1.2 }, 'oxidation rate outside 0–1'],
  ])('rejects a bad record (%#)', (bad, message) => {
    expect(() => load([bad])).toThrowError(FactorDataError);
    expect(() => load([bad])).toThrowError(message);
  });
  it('rejects a record missing its source table or verification', () => {
    const { table, ...noTable } = record;
    expect(table).toBe("Table 1");
    expect(() => load([noTable])).toThrowError(/table/);
    expect(() => load([{ ...record, verification: 'trust me' }])).toThrowError(/verification/);
  });
  it('keeps grid series consistent: id = series-year, no carbon-market factor in a series, CN-ets ids for the carbon market', () => {
    const grid = { ...record, kind: 'grid', unit: 't/MWh', fuel: undefined, id: 'CN-east-2022', year: 2022 };
    expect(() => load([{ ...grid, series: 'CN-west' }])).toThrowError('a series is for statistical grid factors');
    expect(() => load([{ ...grid, series: 'CN-east', scheme: 'carbon-market' }])).toThrowError('a series is for statistical grid factors');
    expect(() => load([{ ...grid, scheme: 'carbon-market' }])).toThrowError('carbon-market factors have ids CN-ets-');
    expect(() => load([{ ...grid, series: 'CN-east' }, { ...grid, id: 'CN-ets-east', year: undefined }].map((r) => ({ ...r })))).not.toThrow();
    expect(load([{ ...grid, series: 'CN-east' }]).get('CN-east-2022')?.series).toBe('CN-east');
  });
  it('rejects duplicate ids', () => {
    expect(() => load([record, record])).toThrowError('id defined twice');
  });
  it('refuses an ambiguous selection instead of picking one', () => {
    const library = load([record, { ...record, id: 'test.ncv.coal.2' }]);
    expect(() => library.one({ kind: 'ncv', fuel: 'raw_coal' })).toThrowError(/ambiguous/);
  });
});
