import { defaultLibrary } from '../factors/default-library.ts';
import { fuelByName, type FuelId } from '../factors/fuels.ts';
import { parseUnit, type Unit } from '../units/units.ts';
import { BALANCE_ROWS, ENERGY_COLUMN_LABELS, FUEL_FAMILY, ROAD_GASOLINE_TECHNOLOGY, TOTAL_COLUMN_LABELS, type BalanceRowDefinition } from './energy-balance-rows.ts';
import { totalChecks, type RecordedRow } from './energy-balance-checks.ts';
import { cellRef, columnName, tidy, type Column } from './energy-balance-grid.ts';
import { inventoryDocument, inventoryYaml } from './energy-balance-output.ts';

export { columnName } from './energy-balance-grid.ts';

/**
 * An energy balance table (能源平衡表) as a grid of cells → an inventory file (YAML with a comment tracing
 * every line to its cell) and the problems found. Pure: the file reading is @peakpath/node's.
 */
export type BalanceCell = string | number | null;

export interface BalanceGrid {
  /** The sheet's name, used in every cell reference (`能源平衡表!C12`). */
  readonly sheet: string;
  /** Row-major, from A1; merged cells already carry the merged value in every cell they cover. */
  readonly rows: readonly (readonly BalanceCell[])[];
  /** Formula cells read by their cached value (stated in the output). */
  readonly formulaCells?: number;
}

export interface BalanceImportOptions {
  readonly year: number;
  /** The file's name, for the header comment. */
  readonly file?: string;
  /** The city's name (Chinese or English) and its grid factor id, written into the file when given. */
  readonly city?: string | undefined;
  readonly grid?: string | undefined;
}

export type BalanceProblemCode = 'no-header' | 'unmapped-row' | 'unmapped-column' | 'no-unit' | 'bad-unit' | 'bad-number' | 'negative' | 'reserved-name' | 'no-lines';

export interface BalanceProblem {
  readonly code: BalanceProblemCode;
  /** `sheet!C12`, or the sheet alone. */
  readonly cell: string;
  readonly en: string;
  readonly zh: string;
}

/** A line of the inventory with the cell it comes from. */
export interface BalanceLine {
  readonly gpc: string;
  readonly fuel?: FuelId;
  readonly energy?: 'electricity' | 'heat';
  readonly amount: number;
  readonly unit: string;
  readonly use?: 'feedstock';
  /** Written for gasoline on II.1 (an assumption, commented in the file). */
  readonly technology?: string;
  readonly source: string;
}

export interface BalanceGeneration {
  readonly source: 'coal' | 'oil' | 'gas';
  readonly amount: number;
  readonly unit: string;
  readonly from: string;
}

/** A statement of the import in both languages: the CLI prints the output's, the file's comments both. */
export interface BalanceText {
  readonly en: string;
  readonly zh: string;
}

export interface BalanceImport {
  readonly lines: readonly BalanceLine[];
  readonly electricity: readonly BalanceGeneration[];
  readonly heat: readonly BalanceGeneration[];
  /** Unmapped rows and columns and unreadable cells: the import fails on these unless allowed. */
  readonly problems: readonly BalanceProblem[];
  /** What was recognised and deliberately not imported, and the checks against 合计 rows and columns, in both languages. */
  readonly statements: readonly BalanceText[];
  /** The statements as the file's comments say them: English / Chinese. */
  readonly notes: readonly string[];
  /** The inventory document (what the YAML says), for the engine. */
  readonly document: Record<string, unknown>;
  readonly yaml: string;
}

const HEADER_SCAN_ROWS = 40;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
const EMPTY = new Set(['', '-', '—', '–', '--', '…', '...', '/', '—-']);

function text(cell: BalanceCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** A label without spaces, numbering, "#", "其中：", sign marks; lower case. */
export function normaliseLabel(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^(其中[:：]|#|＃|[0-9]+[.、．]|[（(][0-9一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])+/, '')
    .replace(/[（(][-+－＋][)）]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

/** The bilingual parts of a heading: "原煤 Raw coal", "原煤 / Raw coal", "原煤\nRaw coal" → the whole, then each part. */
function labelParts(label: string): string[] {
  const parts = [label];
  for (const piece of label.split(/\s*[/\n]\s*/)) if (piece && piece !== label) parts.push(piece);
  const chinese = /^([^A-Za-z]*[\u4e00-\u9fff][^A-Za-z]*?)\s+[A-Za-z].*$/.exec(label);
  if (chinese?.[1]) parts.push(chinese[1]);
  return parts;
}

const ROW_BY_LABEL: ReadonlyMap<string, BalanceRowDefinition> = new Map(BALANCE_ROWS.flatMap((row) => row.labels.map((label) => [normaliseLabel(label), row] as const)));

function matchRow(label: string): BalanceRowDefinition | undefined {
  for (const part of labelParts(label)) {
    const row = ROW_BY_LABEL.get(normaliseLabel(part));
    if (row) return row;
  }
  return undefined;
}

/** A heading "原煤（万吨）" → name and unit text. */
function splitUnit(heading: string): { name: string; unit?: string } {
  const match = /^(.*?)\s*[（(]([^()（）]+)[)）]\s*$/.exec(heading);
  return match?.[1] && match[2] ? { name: match[1], unit: match[2].trim() } : { name: heading };
}

function matchColumn(index: number, heading: string): Column | undefined {
  const { name, unit } = splitUnit(heading);
  for (const part of labelParts(name)) {
    const key = part.trim();
    const lower = key.toLowerCase();
    const base = { index, label: key, ...(unit === undefined ? {} : { unitText: unit }) };
    if (ENERGY_COLUMN_LABELS.electricity.includes(lower)) return { ...base, kind: 'electricity' };
    if (ENERGY_COLUMN_LABELS.heat.includes(lower)) return { ...base, kind: 'heat' };
    if (TOTAL_COLUMN_LABELS.includes(lower) || TOTAL_COLUMN_LABELS.includes(normaliseLabel(key))) return { ...base, kind: 'total' };
    const fuel = fuelByName(key) ?? fuelByName(lower.replace(/\s+/g, '_'));
    if (fuel) return { ...base, kind: 'fuel', fuel };
  }
  return undefined;
}

function parseNumber(cell: BalanceCell | undefined): number | null | 'bad' {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'bad';
  const value = text(cell).replace(/,/g, '');
  if (EMPTY.has(value)) return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value)) return 'bad';
  return Number(value);
}

const bareUnit = (cell: string): string => cell.replace(/^(计量单位|单位|unit)\s*[:：]?\s*/i, '').replace(/^[（(]|[)）]$/g, '').trim();

/** A unit cell: "万吨", "万吨标准煤", "单位：万吨标准煤", "Unit: 万tce". */
function unitIn(cell: string): Unit | undefined {
  const bare = bareUnit(cell);
  if (bare === '' || typeof parseNumber(bare) === 'number') return undefined;
  const unit = parseUnit(bare);
  // An energy balance's quantities are amounts of energy carriers: a count or a fraction is not their unit.
  return unit && ['mass', 'volume', 'energy'].includes(unit.dimension) ? unit : undefined;
}

function gigajoules(fuel: FuelId | undefined, amount: number, unit: Unit): number | undefined {
  if (unit.dimension === 'energy') return amount * unit.toBase;
  if (fuel === undefined) return undefined;
  const ncv = defaultLibrary.get(`gbt2589.ncv.${fuel}`);
  if (!ncv || ncv.unit.dimension !== `energy/${unit.dimension}`) return undefined;
  return amount * unit.toBase * ncv.toBase;
}

export function importEnergyBalance(grid: BalanceGrid, options: BalanceImportOptions): BalanceImport {
  const problems: BalanceProblem[] = [];
  const notes: BalanceText[] = [];
  const sheet = grid.sheet;
  const lines: BalanceLine[] = [];
  const electricity: BalanceGeneration[] = [];
  const heat: BalanceGeneration[] = [];
  const problem = (code: BalanceProblemCode, cell: string, en: string, zh: string): void => {
    problems.push({ code, cell, en, zh });
  };

  for (const [r, row] of grid.rows.entries()) {
    for (const [c, cell] of row.entries()) {
      if (RESERVED.has(text(cell))) problem('reserved-name', cellRef(sheet, r, c), `"${text(cell)}" is not a row, column or value of an energy balance`, `“${text(cell)}”不是能源平衡表的行、列或数值`);
    }
  }
  if (problems.length > 0) return finish();

  // The heading row: the first of the top rows with the most fuel columns (title rows above are skipped).
  let headerRow = -1;
  let columns: Column[] = [];
  for (let r = 0; r < Math.min(grid.rows.length, HEADER_SCAN_ROWS); r++) {
    const found = (grid.rows[r] ?? []).flatMap((cell, c) => {
      const column = matchColumn(c, text(cell));
      return column && column.kind !== 'total' ? [column] : [];
    });
    if (found.length >= 2 && found.length > columns.filter((column) => column.kind !== 'total').length) {
      headerRow = r;
      columns = (grid.rows[r] ?? []).flatMap((cell, c) => matchColumn(c, text(cell)) ?? []);
    }
  }
  if (headerRow < 0) {
    problem('no-header', sheet, `no heading row with fuel names (原煤, 天然气, 电力 …) in the first ${HEADER_SCAN_ROWS} rows`, `前 ${HEADER_SCAN_ROWS} 行中没有列出能源品种（原煤、天然气、电力等）的表头行`);
    return finish();
  }
  const firstData = Math.min(...columns.map((column) => column.index));
  const header = grid.rows[headerRow] ?? [];
  // A merged heading repeats its text over the cells it covers: keep its first column only.
  columns = columns.filter((column) => column.index === firstData || text(header[column.index - 1]) !== text(header[column.index]));

  // Units: in the heading ("原煤（万吨）"), in a row of units just below the heading, or one for the table ("单位：万吨标准煤").
  let dataStart = headerRow + 1;
  const unitRow = grid.rows[headerRow + 1] ?? [];
  const unitsBelow = columns.filter((column) => unitIn(text(unitRow[column.index])) !== undefined).length;
  if (unitsBelow >= Math.max(1, columns.length / 2)) {
    dataStart = headerRow + 2;
    for (const column of columns) column.unitText ??= text(unitRow[column.index]);
  }
  let tableUnit: Unit | undefined;
  let tableSpelling = '';
  for (let r = 0; r < dataStart && tableUnit === undefined; r++) {
    for (const cell of grid.rows[r] ?? []) {
      const value = text(cell);
      if (/^(计量单位|单位|unit)\s*[:：]/i.test(value)) {
        tableUnit = unitIn(value);
        tableSpelling = bareUnit(value);
      }
    }
  }
  for (const column of columns) {
    if (column.unitText !== undefined && column.unitText !== '') {
      const unit = unitIn(column.unitText);
      if (unit) {
        column.unit = unit;
        column.spelling = bareUnit(column.unitText);
      }
      else problem('bad-unit', cellRef(sheet, column.unitText === text(unitRow[column.index]) ? headerRow + 1 : headerRow, column.index), `"${column.unitText}" is not a unit peakpath knows (peakpath units lists them)`, `“${column.unitText}”不是可识别的单位（见 peakpath units）`);
    } else if (tableUnit) {
      column.unit = tableUnit;
      column.spelling = tableSpelling;
    }
    else if (column.kind !== 'total') problem('no-unit', cellRef(sheet, headerRow, column.index), `column ${column.label} has no unit (in its heading, a row of units below it, or 单位：… above the table)`, `“${column.label}”列没有单位（可写在表头、表头下的单位行，或表上方的“单位：…”）`);
  }

  // Columns the import cannot map: any other heading over numbers.
  for (let c = firstData; c < header.length; c++) {
    if (columns.some((column) => column.index === c)) continue;
    const heading = text(header[c]);
    const hasNumbers = grid.rows.slice(dataStart).some((row) => typeof parseNumber(row[c]) === 'number');
    if (!hasNumbers) continue;
    const repeated = columns.find((column) => column.index < c && text(header[column.index]) === heading && heading !== '');
    if (repeated) {
      // A heading merged over several columns, or written twice: which column holds the figures is not for the import to guess.
      problem('unmapped-column', cellRef(sheet, headerRow, c), `column "${heading}" repeats the heading of column ${columnName(repeated.index)} (merged over both?); give each column its own heading`, `“${heading}”列与 ${columnName(repeated.index)} 列表头相同（是否合并了单元格？），请为每列写出各自的表头`);
      continue;
    }
    const what = heading === '' ? 'a column without a heading' : `column "${heading}"`;
    const whatZh = heading === '' ? '无表头的列' : `“${heading}”列`;
    const other = fuelByName(heading) === 'other_energy';
    problem(
      'unmapped-column',
      cellRef(sheet, headerRow, c),
      other ? `${what}: 其他能源 is no single fuel and has no factor; enter its lines by hand` : `${what} is not a fuel, electricity, heat or total column the import knows`,
      other ? `${whatZh}：其他能源不是单一燃料，没有缺省因子，请手工录入` : `${whatZh}不是可识别的燃料、电力、热力或合计列`,
    );
  }
  const fuelColumns = columns.filter((column) => column.kind === 'fuel' && column.fuel !== 'other_energy');
  const energyColumns = columns.filter((column) => column.kind === 'electricity' || column.kind === 'heat');
  for (const column of columns.filter((column) => column.fuel === 'other_energy')) {
    problem('unmapped-column', cellRef(sheet, headerRow, column.index), `column "${column.label}": 其他能源 is no single fuel and has no factor; enter its lines by hand`, `“${column.label}”列：其他能源不是单一燃料，没有缺省因子，请手工录入`);
  }

  const industryCells = new Map<number, { row: number; amount: number }>();
  const feedstockByColumn = new Map<number, number>();
  const skipped = new Map<string, { reason: BalanceText; refs: string[] }>();
  const recorded: RecordedRow[] = [];
  const statements: BalanceText[] = [];
  const skip = (reason: BalanceText, ref: string): void => {
    skipped.set(reason.en, { reason, refs: [...(skipped.get(reason.en)?.refs ?? []), ref] });
  };

  for (let r = dataStart; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    const labelCells = row.slice(0, firstData).map(text);
    const label = [...labelCells].reverse().find((value) => value !== '') ?? '';
    const labelColumn = labelCells.lastIndexOf(label);
    const values = new Map<number, number>();
    for (const column of columns) {
      const value = parseNumber(row[column.index]);
      if (value === 'bad') {
        problem('bad-number', cellRef(sheet, r, column.index), `"${text(row[column.index])}" is not a number`, `“${text(row[column.index])}”不是数值`);
      } else if (value !== null && value !== 0) values.set(column.index, value);
    }
    const definition = label === '' ? undefined : matchRow(label);
    if (!definition) {
      if (values.size > 0) {
        problem('unmapped-row', cellRef(sheet, r, Math.max(0, labelColumn)), `row "${label || '(no label)'}" is not a row of the energy balance the import knows`, `“${label || '（无标签）'}”行不是可识别的能源平衡表行`);
      }
      continue;
    }
    recorded.push({ definition, row: r, values });
    const source = (column: Column): string => `${cellRef(sheet, r, column.index)} (${label} × ${text(header[column.index]).replace(/\s+/g, ' ')})`;
    const name = definition.labels[0] ?? definition.id;
    switch (definition.kind) {
      case 'total':
      case 'part':
      case 'supply': {
        const primary = definition.id === 'production' ? energyColumns.find((column) => column.kind === 'electricity' && values.has(column.index)) : undefined;
        if (primary) {
          const cell = cellRef(sheet, r, primary.index);
          statements.push({
            en: `primary electricity ${cell} is not imported: the balance does not say its sources; give them under \`supply.electricity.generation\` (hydro, wind, solar, nuclear …), or the official quantities count it as imported electricity`,
            zh: `一次电力 ${cell} 未导入：平衡表未列其来源；请在 \`supply.electricity.generation\` 中按来源（水电、风电、光伏、核电等）填写，否则官方口径将其计为调入电力`,
          });
        }
        if (values.size > 0) skip(definition.kind === 'supply' ? { en: 'supply rows (where energy comes from; the inventory counts its use)', zh: '供应行（能源来源；清单只计消费）' } : { en: 'totals and parts, used as checks', zh: '合计与分项，仅作核对' }, `${cellRef(sheet, r, Math.max(0, labelColumn))} ${name}`);
        continue;
      }
      case 'unsupported-transformation':
        if (values.size > 0) {
          problem('unmapped-row', cellRef(sheet, r, Math.max(0, labelColumn)), `row "${label}": transformation other than thermal power and heating is not imported (enter its inputs by hand)`, `“${label}”行：火力发电、供热以外的加工转换不导入，请手工录入其投入`);
        }
        continue;
      case 'final':
      case 'feedstock':
        for (const column of [...fuelColumns, ...energyColumns]) {
          const amount = values.get(column.index);
          if (amount === undefined || !column.unit) continue;
          if (amount < 0) {
            problem('negative', cellRef(sheet, r, column.index), `final consumption ${amount} is negative`, `终端消费量 ${amount} 为负数`);
            continue;
          }
          if (definition.kind === 'feedstock') {
            if (column.kind !== 'fuel') {
              problem('unmapped-row', cellRef(sheet, r, column.index), `${column.label} used as raw material: only fuels can be feedstock`, `${column.label}用作原料：仅燃料可作原料`);
              continue;
            }
            feedstockByColumn.set(column.index, amount);
            lines.push({ gpc: definition.fuelRow ?? 'I.3.1', fuel: column.fuel!, amount: tidy(amount), unit: column.spelling ?? column.unit.id, use: 'feedstock', source: source(column) });
            continue;
          }
          const gpc = column.kind === 'fuel' ? (definition.fuelRows?.[column.fuel!] ?? definition.fuelRow) : definition.energyRow;
          if (gpc === undefined) continue;
          const technology = gpc === 'II.1.1' && column.fuel === 'gasoline' ? { technology: ROAD_GASOLINE_TECHNOLOGY } : {};
          const line: BalanceLine =
            column.kind === 'fuel'
              ? { gpc, fuel: column.fuel!, amount: tidy(amount), unit: column.spelling ?? column.unit.id, ...technology, source: source(column) }
              : { gpc, energy: column.kind === 'electricity' ? 'electricity' : 'heat', amount: tidy(amount), unit: column.spelling ?? column.unit.id, source: source(column) };
          if (definition.id === 'industry' && column.kind === 'fuel') industryCells.set(lines.length, { row: r, amount });
          lines.push(line);
        }
        continue;
      case 'losses':
        for (const column of [...fuelColumns, ...energyColumns]) {
          const amount = values.get(column.index);
          if (amount === undefined || !column.unit) continue;
          if (column.kind === 'electricity') lines.push({ gpc: 'I.4.3', energy: 'electricity', amount: tidy(Math.abs(amount)), unit: column.spelling ?? column.unit.id, source: source(column) });
          else skip({ en: 'losses of fuels and heat (no GPC row; not in the official total)', zh: '燃料与热力损失量（无对应 GPC 行，不计入官方能耗）' }, cellRef(sheet, r, column.index));
        }
        continue;
      case 'thermal-power':
      case 'heating': {
        const byFamily = new Map<'coal' | 'oil' | 'gas', number>();
        let unsplit = false;
        for (const column of fuelColumns) {
          const amount = values.get(column.index);
          if (amount === undefined || !column.unit) continue;
          if (amount > 0) {
            problem('unmapped-row', cellRef(sheet, r, column.index), `${name} shows an output of ${column.label}: only inputs (−) of fuels are imported`, `${name}中${column.label}为产出：燃料仅导入投入（−）`);
            continue;
          }
          lines.push({ gpc: 'I.4.4', fuel: column.fuel!, amount: tidy(-amount), unit: column.spelling ?? column.unit.id, source: source(column) });
          const family = FUEL_FAMILY[column.fuel!];
          const energy = gigajoules(column.fuel, -amount, column.unit);
          if (family === undefined || energy === undefined) unsplit = true;
          else byFamily.set(family, (byFamily.get(family) ?? 0) + energy);
        }
        const inputTotal = [...byFamily.values()].reduce((sum, value) => sum + value, 0);
        for (const column of energyColumns) {
          const amount = values.get(column.index);
          if (amount === undefined || !column.unit) continue;
          const kind = column.kind === 'electricity' ? 'electricity' : 'heat';
          if (amount < 0 || (definition.kind === 'heating' && kind === 'electricity')) {
            problem('unmapped-row', cellRef(sheet, r, column.index), `${name}: ${column.label} ${amount} is not an output the import maps`, `${name}：${column.label} ${amount} 不是可导入的产出`);
            continue;
          }
          if (unsplit || inputTotal === 0) {
            problem('unmapped-row', cellRef(sheet, r, column.index), `${name}: the output cannot be given a source (coal, oil, gas) from the inputs of this row`, `${name}：无法按本行投入确定产出的来源（煤、油、气）`);
            continue;
          }
          // Output by source in proportion to the energy of each family's input (stated in the file).
          for (const [family, energy] of byFamily) {
            (kind === 'electricity' ? electricity : heat).push({ source: family, amount: Number(((amount * energy) / inputTotal).toPrecision(6)), unit: column.spelling ?? column.unit.id, from: source(column) });
          }
        }
        continue;
      }
      default: {
        const unhandled: never = definition.kind;
        throw new Error(`unhandled row kind ${String(unhandled)}`);
      }
    }
  }

  // 工业 includes its 用作原料、材料: that part leaves the combustion lines.
  for (const [columnIndex, feedstock] of feedstockByColumn) {
    const entry = [...industryCells].find(([index]) => fuelColumns.find((column) => column.index === columnIndex)?.fuel === lines[index]!.fuel);
    const industry = entry?.[1].amount ?? 0;
    if (feedstock > industry) {
      const row = recorded.find((candidate) => candidate.definition.kind === 'feedstock')?.row ?? 0;
      problem('negative', cellRef(sheet, row, columnIndex), `用作原料、材料 ${feedstock} exceeds 工业's ${industry}, of which it is a part`, `用作原料、材料 ${feedstock} 大于其所属的工业 ${industry}`);
      continue;
    }
    if (!entry) continue;
    const [index] = entry;
    const line = lines[index]!;
    lines[index] = { ...line, amount: tidy(industry - feedstock), source: `${line.source}, less 用作原料、材料` };
  }
  notes.push(...totalChecks(recorded, columns, sheet), ...statements);
  for (const { reason, refs } of skipped.values()) notes.push({ en: `not imported: ${reason.en}: ${refs.join(', ')}`, zh: `未导入：${reason.zh}：${refs.join('、')}` });
  if (grid.formulaCells) notes.push({ en: `${grid.formulaCells} formula cells read by their cached values`, zh: `${grid.formulaCells} 个公式单元格按其缓存值读取` });
  if (lines.length === 0 && problems.length === 0) problem('no-lines', sheet, 'no consumption or transformation figures found below the heading', '表头下没有找到消费或加工转换数据');
  return finish();

  function finish(): BalanceImport {
    const kept = lines.filter((line) => line.amount !== 0);
    const document = inventoryDocument(kept, electricity, heat, options);
    const joined = notes.map((note) => `${note.en} / ${note.zh}`);
    return { lines: kept, electricity, heat, problems, statements: notes, notes: joined, document, yaml: inventoryYaml(kept, electricity, heat, joined, grid, options) };
  }
}

