import { typeName, type Fields } from '../../reading/reader.ts';
import type { Path } from '../../issues/issue.ts';
import type { MethodCalculator } from '../method.ts';
import { MethodWork } from '../method.ts';
import { factorOrDefault } from './values.ts';

const ANIMAL_TYPES = ['dairy-cattle', 'other-cattle', 'buffalo', 'sheep', 'goats', 'camels', 'horses', 'mules-asses', 'swine', 'poultry'] as const;
type Animal = (typeof ANIMAL_TYPES)[number];
const ANIMAL_FIELDS: ReadonlySet<string> = new Set(['type', 'head', 'entericFactor', 'manureFactor']);

/** How the manure tables read the annual mean temperature for an animal. */
type Banding = 'column' | 'buffalo' | 'climate' | 'none';

/**
 * Table 10.14 (Asia) gives dairy cows and swine one column per whole degree, ≤ 10 … ≥ 28 °C, and
 * buffalo one value below 15 °C and one from 15 °C; other cattle 1 at every temperature. Table 10.15
 * (developing countries) gives sheep, goats, horses and poultry by climate: cool < 15 °C, temperate
 * 15–25 °C, warm > 25 °C. Camels and mules/asses have no manure default in the library.
 */
function banding(animal: Animal): Banding {
  switch (animal) {
    case 'dairy-cattle':
    case 'swine':
      return 'column';
    case 'buffalo':
      return 'buffalo';
    case 'sheep':
    case 'goats':
    case 'horses':
    case 'poultry':
      return 'climate';
    case 'other-cattle':
    case 'camels':
    case 'mules-asses':
      return 'none';
    default: {
      const never: never = animal;
      throw new Error(`unhandled animal ${String(never)}`);
    }
  }
}

/** Table 10.14's column: the temperature to the nearest whole degree (x.5 up), the ends open (≤ 10, ≥ 28). */
function temperatureColumn(celsius: number): { variant: string; label: string } {
  const degree = Math.min(28, Math.max(10, Math.round(celsius)));
  if (degree === 10) return { variant: '10c-or-less', label: '≤ 10 °C' };
  if (degree === 28) return { variant: '28c-or-more', label: '≥ 28 °C' };
  return { variant: `${degree}c`, label: `${degree} °C` };
}

function climate(celsius: number): 'cool' | 'temperate' | 'warm' {
  if (celsius < 15) return 'cool';
  return celsius <= 25 ? 'temperate' : 'warm';
}

function manureVariant(band: Banding, celsius: number): string | undefined {
  switch (band) {
    case 'column':
      return temperatureColumn(celsius).variant;
    case 'buffalo':
      return celsius < 15 ? 'below-15c' : '15c-or-more';
    case 'climate':
      return climate(celsius);
    case 'none':
      return undefined;
    default: {
      const never: never = band;
      throw new Error(`unhandled banding ${String(never)}`);
    }
  }
}

interface AnimalLine {
  readonly animal: Animal;
  readonly head: number;
  readonly holder: Fields;
  readonly path: Path;
}

/**
 * Livestock (GPC V.1.1), IPCC 2006 Vol.4 Ch.10, Tier 1:
 *   enteric CH4 = Σ N_T × EF_T (Eq 10.19),  manure CH4 = Σ N_T × EF_T (Eq 10.22)
 * N_T the annual average population of each type (head), EF in kg CH4 per head per year: enteric
 * from Tables 10.10 (developing countries) and 10.11 (cattle, Asia), manure from Table 10.14 (Asia,
 * by annual mean temperature) and 10.15 (developing countries, by climate). Poultry has no enteric
 * factor (Table 10.10: insufficient data). N2O from manure management is not estimated (the
 * library holds no N excretion rates); every line says so.
 */
export const livestock: MethodCalculator = {
  id: 'livestock',
  name: { en: 'Livestock: enteric fermentation and manure management CH4 (IPCC 2006 Vol.4 Ch.10)', zh: '畜牧业：肠道发酵与粪便管理 CH4（IPCC 2006 第4卷第10章）' },
  rows: ['V.1.1'],
  fields: ['animals', 'temperature'],
  compute(input) {
    const work = new MethodWork(input, 'livestock');
    const { reader, fields, path } = input;
    const animals = readAnimals(work);
    const needsTemperature = animals.some((line) => line.holder['manureFactor'] === undefined && banding(line.animal) !== 'none');
    const celsius = reader.number(fields, 'temperature', path, { required: needsTemperature, min: -60, max: 50, allowNegative: true });
    let ch4 = 0;
    for (const line of animals) {
      const enteric = entericPerHead(work, line);
      const manure = manurePerHead(work, line, celsius);
      // A missing factor has been reported: finish() then returns no result.
      if (enteric !== undefined && manure !== undefined) ch4 += line.head * (enteric + manure);
    }
    if (celsius !== undefined && needsTemperature) stateTemperature(work, animals, celsius);
    work.state({
      code: 'manure-n2o-not-estimated',
      text: {
        en: 'N2O from manure management is not estimated (no N excretion rates in the library): enter it as an emissions line if known',
        zh: '未计粪便管理 N2O（因子库无氮排泄率）：如已知，请以排放量行填报',
      },
    });
    return work.finish({ ch4 }, 'non-fossil');
  },
};

function readAnimals(work: MethodWork): AnimalLine[] {
  const { reader, fields, path } = work.input;
  const at = [...path, 'animals'];
  const list = fields['animals'];
  if (list === undefined || (Array.isArray(list) && list.length === 0)) {
    reader.report(at, { code: 'required' });
    return [];
  }
  if (!Array.isArray(list)) {
    reader.report(at, { code: 'type', expected: 'array', got: typeName(list) });
    return [];
  }
  const animals: AnimalLine[] = [];
  const seen = new Map<string, Path>();
  list.forEach((entry: unknown, index) => {
    const entryPath = [...at, index];
    const holder = reader.object(entry, entryPath);
    if (!holder) return;
    reader.onlyFields(holder, ANIMAL_FIELDS, entryPath);
    const typeGiven = reader.string(holder, 'type', entryPath, true);
    const animal = typeGiven === undefined ? undefined : work.category(typeGiven, ANIMAL_TYPES, [...entryPath, 'type']);
    // One entry per animal type: a second would count its head (or contradict the first's factors).
    if (animal !== undefined && !reader.distinct(seen, animal, [...entryPath, 'type'])) return;
    const head = work.quantity('head', ['head'], { fields: holder, path: entryPath });
    if (animal !== undefined && head !== undefined) animals.push({ animal, head: head.value, holder, path: entryPath });
  });
  return animals;
}

function entericPerHead(work: MethodWork, line: AnimalLine): number | undefined {
  const where = `animals[${String(line.path.at(-1))}]`;
  if (line.animal === 'poultry' && line.holder['entericFactor'] === undefined) {
    work.state({
      code: 'poultry-enteric-not-estimated',
      text: {
        en: 'poultry: no enteric CH4 (IPCC 2006 Table 10.10 gives no factor, insufficient data)',
        zh: '家禽：未计肠道发酵 CH4（IPCC 2006 表 10.10 因数据不足未给出因子）',
      },
    });
    return 0;
  }
  return factorOrDefault(work, {
    holder: line.holder,
    path: line.path,
    field: 'entericFactor',
    name: `${where}.entericFactor`,
    dimension: 'mass/head',
    criteria: { parameter: 'ef-enteric', category: line.animal },
    label: { en: `enteric CH4 per head, ${line.animal}`, zh: `肠道发酵 CH4 排放因子（${line.animal}）` },
  });
}

function manurePerHead(work: MethodWork, line: AnimalLine, celsius: number | undefined): number | undefined {
  const band = banding(line.animal);
  if (line.holder['manureFactor'] === undefined && band !== 'none' && celsius === undefined) return undefined; // temperature reported
  const variant = celsius === undefined ? undefined : manureVariant(band, celsius);
  return factorOrDefault(work, {
    holder: line.holder,
    path: line.path,
    field: 'manureFactor',
    name: `animals[${String(line.path.at(-1))}].manureFactor`,
    dimension: 'mass/head',
    criteria: { parameter: 'ef-manure', category: line.animal, variant },
    label: { en: `manure management CH4 per head, ${line.animal}${variant ? ` (${variant})` : ''}`, zh: `粪便管理 CH4 排放因子（${line.animal}${variant ? `，${variant}` : ''}）` },
  });
}

/** Says how the annual mean temperature was read in each table that used it. */
function stateTemperature(work: MethodWork, animals: readonly AnimalLine[], celsius: number): void {
  const used = new Set(animals.filter((line) => line.holder['manureFactor'] === undefined).map((line) => banding(line.animal)));
  const readings: { en: string; zh: string }[] = [];
  if (used.has('column')) {
    const column = temperatureColumn(celsius).label;
    readings.push({ en: `Table 10.14 column ${column} (nearest whole degree)`, zh: `表 10.14 取 ${column} 列（四舍五入至整数度）` });
  }
  if (used.has('buffalo')) {
    const below = celsius < 15;
    readings.push({ en: `buffalo ${below ? 'below 15 °C' : '15 °C or more'}`, zh: `水牛按${below ? '低于 15 °C' : '15 °C 及以上'}` });
  }
  if (used.has('climate')) {
    const zone = climate(celsius);
    readings.push({ en: `Table 10.15 ${zone} climate (cool < 15 °C ≤ temperate ≤ 25 °C < warm)`, zh: `表 10.15 按${{ cool: '冷', temperate: '温', warm: '暖' }[zone]}气候（冷 < 15 °C ≤ 温 ≤ 25 °C < 暖）` });
  }
  work.state({
    code: 'manure-temperature-band',
    text: {
      en: `annual mean temperature ${celsius} °C: ${readings.map((r) => r.en).join('; ')}`,
      zh: `年均气温 ${celsius} °C：${readings.map((r) => r.zh).join('；')}`,
    },
  });
}
