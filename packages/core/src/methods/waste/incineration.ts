import { CO2_PER_CARBON } from '../../factors/molar-ratios.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { ENERGY_ROWS, GRID_ROW, readEnergyRecovery } from '../energy-recovery.ts';
import { componentCarbon, type Component } from './incineration-carbon.ts';
import { CompositionReader, readByType, reportShape, WASTE_TYPES } from './solid-waste-composition.ts';
import { listLine } from './solid-waste-parameters.ts';

const PRACTICES = ['incineration', 'open-burning'] as const;
/** GPC III.3: in the city, outside it (scope 3: the plant's energy is another territory's), from outside burnt in it. */
const WASTE_ROWS = ['III.3.1', 'III.3.2', 'III.3.3'];
const IN_CITY_WASTE_ROWS = ['III.3.1', 'III.3.3'];
/** MSW (split into Table 2.4 components) or a stream of Table 5.2 burnt as a whole. */
const STREAMS = ['msw', 'industrial', 'clinical', 'sewage-sludge'] as const;
type Stream = (typeof STREAMS)[number];
/** MSW incinerator types of Table 5.3 (CH4); Table 5.6 (N2O) tells only batch from (semi-)continuous. */
const TECHNOLOGIES = [
  'continuous-stoker',
  'continuous-fluidised-bed',
  'semi-continuous-stoker',
  'semi-continuous-fluidised-bed',
  'batch-stoker',
  'batch-fluidised-bed',
] as const;
type Technology = (typeof TECHNOLOGIES)[number];

const CARBON_FIELDS = ['dm', 'carbon', 'fossilCarbon'] as const;
const INCINERATION_REMAINDER = {
  en: 'so fossil CO2 (and the dry mass of open burning) are lower bounds',
  zh: '因此化石 CO2（及露天焚烧的干物质量）为下限值',
};

/**
 * Incineration and open burning of waste (GPC III.3), IPCC 2006 Vol.5 Ch.5:
 *   CO2 (fossil) = Σ_i SW_i × dm_i × CF_i × FCF_i × OF × 44/12              (Eq 5.1)
 *   CH4 = SW × EF_CH4,   N2O = SW × EF_N2O                                     (Eqs 5.4, 5.5)
 * SW wet weight burnt, by MSW component (a composition or `wasteByType`) or as one Table 5.2 stream;
 * dm, CF, FCF from Table 2.4 (MSW components) or Table 5.2 (industrial, clinical, sewage sludge);
 * OF 1 for incineration, 0.58 for open burning (Table 5.2); CH4 by incinerator type (Table 5.3) or
 * 6,500 g/t wet for open burning (Ch.5 text with Table 5.3); N2O Table 5.6 (open burning: 150 g/t DRY matter).
 * Only fossil CO2 counts; biogenic CO2 is stated for information.
 *
 * With energy recovery (GPC: Stationary Energy, not Waste; IPCC 2006 likewise reports waste burnt for
 * energy in Energy) the line sits in I.4.4 (`energyRecovery: grid`, territorial only) or the consuming
 * sub-sector's scope-1 row (`onsite`) and is computed the same way; in III.3.1 or III.3.3 a line that
 * declares energy recovery is an input error naming the row to use, as is open burning in an energy row.
 */
export const incineration: MethodCalculator = {
  id: 'incineration',
  name: { en: 'Incineration and open burning of waste (IPCC 2006 Vol.5 Ch.5)', zh: '废弃物焚烧与露天焚烧（IPCC 2006 第5卷第5章）' },
  rows: [...WASTE_ROWS, ...ENERGY_ROWS],
  fields: ['energyRecovery', 'practice', 'stream', 'technology', 'waste', 'wasteByType', 'composition', 'dm', 'carbon', 'fossilCarbon', 'oxidation', 'ch4Factor', 'n2oFactor'],
  compute(input) {
    const work = new MethodWork(input, 'incineration');
    const { reader, fields, path } = input;
    const practice = reader.choice(fields, 'practice', path, PRACTICES, true);
    const recovery = readEnergyRecovery(work, IN_CITY_WASTE_ROWS, ['III.3.2']);
    if (practice === 'open-burning' && recovery !== undefined && recovery !== 'none') {
      // Open burning recovers no energy: it belongs in Waste whatever the line says.
      reader.report([...path, 'practice'], { code: 'energy-recovery-row', recovery: 'none', gpc: input.row.ref, rows: IN_CITY_WASTE_ROWS });
    }
    if (recovery !== undefined && recovery !== 'none' && input.row.sector === 'I') work.state(energyStatement(input.row.ref));
    const streamGiven = reader.choice(fields, 'stream', path, STREAMS, false);
    const stream: Stream = streamGiven ?? 'msw';
    if (fields['stream'] === undefined) {
      work.state({ code: 'incineration-stream-msw', text: { en: 'waste taken as MSW (no `stream` given)', zh: '未填写 `stream`，按城市生活垃圾计' } });
    }
    let technology: Technology | undefined;
    if (fields['technology'] !== undefined) {
      const name = reader.string(fields, 'technology', path, true);
      technology = name === undefined ? undefined : work.category(name, TECHNOLOGIES, [...path, 'technology']);
      // Incinerator types matter only for MSW incineration (Tables 5.3 and 5.6).
      if (practice === 'open-burning') reader.report([...path, 'technology'], { code: 'conflict', fields: ['practice', 'technology'] });
      else if (streamGiven !== undefined && stream !== 'msw') reader.report([...path, 'technology'], { code: 'conflict', fields: ['stream', 'technology'] });
    }
    // With an unknown `stream` (reported), the shape of the waste fields cannot be judged.
    const streamKnown = fields['stream'] === undefined || streamGiven !== undefined;
    const masses = streamKnown ? readMasses(work, stream) : undefined;
    const overrides = streamKnown ? readOverrides(work, stream) : undefined;
    const oxidation = practice === undefined ? undefined : work.number('oxidation', { parameter: 'oxidation', category: practice }, { min: 0, max: 1, label: { en: `oxidation factor, ${practice}`, zh: `氧化因子（${practice}）` } });
    if (practice === undefined || !masses || !overrides || oxidation === undefined || work.failed) return work.finish({}, 'non-fossil');

    const { components, wet } = masses;
    let fossilCarbon = 0;
    let biogenicCarbon: number | undefined = 0;
    let dry: number | undefined = 0;
    for (const [component, mass] of components) {
      if (mass === 0) continue;
      const carbon = componentCarbon(work, component, overrides);
      fossilCarbon += mass * carbon.fossil;
      biogenicCarbon = carbon.biogenic === undefined || biogenicCarbon === undefined ? undefined : biogenicCarbon + mass * carbon.biogenic;
      dry = carbon.dm === undefined || dry === undefined ? undefined : dry + mass * carbon.dm;
    }

    // CH4 and N2O per tonne burnt: the line's factor (per wet tonne) or the default for the stream and practice.
    let technologyReported = false;
    const variant = (gas: 'ch4' | 'n2o'): string | undefined => {
      if (stream !== 'msw' || practice === 'open-burning') return practice;
      if (technology === undefined) {
        if (fields['technology'] === undefined && !technologyReported) reader.report([...path, 'technology'], { code: 'required' });
        technologyReported = true;
        return undefined;
      }
      if (gas === 'ch4') return technology;
      return technology.startsWith('batch-') ? 'batch' : 'continuous-semi-continuous';
    };
    const perTonne = (gas: 'ch4' | 'n2o'): { factor: number; basis: 'wet' | 'dry' } | undefined => {
      const field = `${gas}Factor`;
      if (fields[field] !== undefined) {
        const given = work.quantity(field, ['mass/mass']);
        if (given) {
          work.listGiven(field, given.given);
          work.state({
            code: 'line-factor-wet-basis',
            text: {
              en: `\`${field}\` given on the line is applied per tonne of wet waste`,
              zh: `该行填写的 \`${field}\` 按每吨湿废弃物计`,
            },
          });
        }
        return given && { factor: given.value, basis: 'wet' };
      }
      const wanted = variant(gas);
      if (wanted === undefined) return undefined;
      const gasName = gas === 'ch4' ? 'CH4' : 'N2O';
      const criteria = { parameter: `ef-${gas}`, category: stream, variant: wanted };
      if (!input.library.one({ kind: 'parameter', method: work.method, ...criteria })) {
        // No default for this stream and incinerator (Table 5.3 gives continuous fluidised beds only "~0"): the line must give one.
        return void reader.report([...path, field], { code: 'missing-parameter', field, method: work.method, category: `${stream}, ${wanted}` });
      }
      const label = { en: `${gasName} factor, ${stream}, ${wanted}`, zh: `${gasName} 排放因子（${stream}，${wanted}）` };
      const factor = work.libraryValue(field, criteria, label);
      // Table 5.6 gives open burning's N2O per tonne of dry matter; every other default is per wet tonne.
      return factor && { factor: factor.toBase, basis: gas === 'n2o' && wanted === 'open-burning' ? 'dry' : 'wet' };
    };
    const ch4 = perTonne('ch4');
    const n2o = perTonne('n2o');
    if (n2o?.basis === 'dry' && dry === undefined) {
      reader.report([...path, 'dm'], { code: 'missing-parameter', field: 'dm', method: work.method, category: stream });
    }
    if (!ch4 || !n2o || work.failed) return work.finish({}, 'non-fossil');

    if (biogenicCarbon !== undefined) {
      const biogenic = Number((biogenicCarbon * oxidation * CO2_PER_CARBON).toPrecision(6));
      work.state({
        code: 'incineration-biogenic-co2',
        text: {
          en: `biogenic CO2 of ${biogenic} t (non-fossil carbon × OF × 44/12) is not counted in the totals (GPC: reported separately as information)`,
          zh: `生物源 CO2 ${biogenic} 吨（非化石碳 × 氧化因子 × 44/12）不计入排放总量（GPC：作为信息项单独报告）`,
        },
      });
    }
    return work.finish(
      {
        co2: fossilCarbon * oxidation * CO2_PER_CARBON,
        ch4: wet * ch4.factor,
        n2o: (n2o.basis === 'dry' ? dry! : wet) * n2o.factor,
      },
      'non-fossil',
      { quantity: 'waste', value: wet, unit: 't' },
    );
  },
};

/** What an incineration line in stationary energy counts, and (in I.4.4) what it must not be added to. */
function energyStatement(gpc: string): { code: string; text: { en: string; zh: string } } {
  const territorial =
    gpc === GRID_ROW
      ? {
          en: '; I.4.4 is territorial only, not BASIC: the electricity it supplies is already in its consumers\' scope 2 at the grid factor, so it is not counted twice',
          zh: '；I.4.4 仅计入辖区排放，不计入 BASIC：其上网电量已按电网因子计入用户的范围二，不重复计算',
        }
      : { en: '', zh: '' };
  return {
    code: 'incineration-energy-recovery',
    text: {
      en: `incineration with energy recovery reported in stationary energy (GPC), computed as in Waste (IPCC 2006 Vol.5 Ch.5): fossil CO2, CH4 and N2O of the combustion${territorial.en}`,
      zh: `有能源回收的焚烧按 GPC 计入固定源能源，计算方法同废弃物部门（IPCC 2006 第5卷第5章）：燃烧产生的化石 CO2、CH4 与 N2O${territorial.zh}`,
    },
  };
}

/**
 * Tonnes of wet waste by component: MSW from `waste` × `composition` or from `wasteByType`; another
 * stream from `waste` alone, as one component named after the stream. `wet` is all the waste burnt,
 * which CH4 and N2O apply to even where a composition leaves a share uncharacterised.
 */
function readMasses(work: MethodWork, stream: Stream): { components: Map<Component, number>; wet: number } | undefined {
  const { reader, fields, path } = work.input;
  if (stream !== 'msw') {
    for (const field of ['composition', 'wasteByType']) {
      if (fields[field] !== undefined) reader.report([...path, field], { code: 'conflict', fields: ['stream', field] });
    }
    const waste = work.quantity('waste', ['mass']);
    return waste && { components: new Map([[stream, waste.value]]), wet: waste.value };
  }
  if (fields['wasteByType'] !== undefined) {
    for (const field of ['waste', 'composition']) {
      if (fields[field] !== undefined) reader.report([...path, field], { code: 'conflict', fields: ['wasteByType', field] });
    }
    const byTypePath = [...path, 'wasteByType'];
    const byType = reader.object(fields['wasteByType'], byTypePath);
    if (!byType) return undefined;
    const masses = new Map<Component, number>();
    for (const key of Object.keys(byType)) {
      const type = work.category(key, WASTE_TYPES, [...byTypePath, key]);
      const mass = work.quantity(key, ['mass'], { fields: byType, path: byTypePath });
      if (type !== undefined && mass !== undefined) masses.set(type, mass.value);
    }
    if (Object.keys(byType).length === 0) reader.report(byTypePath, { code: 'required' });
    return { components: masses, wet: [...masses.values()].reduce((total, mass) => total + mass, 0) };
  }
  const waste = work.quantity('waste', ['mass']);
  if (fields['composition'] === undefined) return void reader.report([...path, 'composition'], { code: 'required' });
  const composition = new CompositionReader(work, INCINERATION_REMAINDER).read(fields['composition'], [...path, 'composition']);
  if (!waste || !composition) return undefined;
  return { components: new Map([...composition.fractions].map(([type, fraction]) => [type, waste.value * fraction])), wet: waste.value };
}

/** The line's dm, carbon and fossilCarbon: per-type objects for MSW, plain numbers for another stream. */
function readOverrides(work: MethodWork, stream: Stream): Record<(typeof CARBON_FIELDS)[number], ReadonlyMap<Component, number> | undefined> | undefined {
  const { reader, fields, path } = work.input;
  const overrides: Record<string, ReadonlyMap<Component, number> | undefined> = {};
  let bad = false;
  for (const field of CARBON_FIELDS) {
    const value = fields[field];
    if (value === undefined) continue;
    if (stream === 'msw') {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) overrides[field] = readByType(work, field, WASTE_TYPES, { min: 0, max: 1 });
      else reportShape(work, field, 'object');
    } else if (typeof value !== 'number') {
      reportShape(work, field, 'number');
    } else {
      const number = reader.number(fields, field, path, { required: true, min: 0, max: 1 });
      if (number !== undefined) listLine(work, field, number);
      overrides[field] = number === undefined ? undefined : new Map([[stream, number]]);
    }
    bad ||= overrides[field] === undefined;
  }
  return bad ? undefined : { dm: overrides['dm'], carbon: overrides['carbon'], fossilCarbon: overrides['fossilCarbon'] };
}

/** Calculators of GPC III.3, incineration and open burning. */
export const incinerationMethods: readonly MethodCalculator[] = [incineration];
