import type { MethodWork } from './method.ts';

/**
 * Where the energy of waste or landfill gas burnt for energy goes (GPC 2014, Waste sector: methane
 * recovered for energy and incineration with energy recovery are reported under Stationary Energy):
 * `grid` — supplied to the grid: I.4.4, territorial only (the electricity is already in its consumers'
 * scope 2 at the grid factor, so it must not count in BASIC too); `onsite` — used where it is made: the
 * consuming sub-sector's scope-1 row; `none` — no energy recovered: Waste (III.3 for incineration).
 */
export const ENERGY_RECOVERY = ['grid', 'onsite', 'none'] as const;
export type EnergyRecovery = (typeof ENERGY_RECOVERY)[number];

/** Energy supplied to the grid (GPC I.4.4, energy generation supplied to the grid). */
export const GRID_ROW = 'I.4.4';
/** Scope-1 rows of the stationary sub-sectors that consume fuel on site. */
export const ONSITE_ROWS = ['I.1.1', 'I.2.1', 'I.3.1', 'I.4.1', 'I.5.1', 'I.6.1'] as const;
/** Every stationary-energy row a waste-to-energy line may sit in. */
export const ENERGY_ROWS: readonly string[] = [...ONSITE_ROWS, GRID_ROW];

/** The rows a line with this recovery belongs in; `none` belongs in the method's own waste rows. */
export function rowsFor(recovery: EnergyRecovery, wasteRows: readonly string[]): readonly string[] {
  if (recovery === 'grid') return [GRID_ROW];
  if (recovery === 'onsite') return ONSITE_ROWS;
  return wasteRows;
}

/**
 * The line's `energyRecovery`, checked against its row: on a stationary-energy row it defaults to what
 * the row means (I.4.4 grid, I.x.1 on site; stated); a value the row contradicts is an input error naming
 * the rows to use instead (never a number silently moved). `wasteRows` are the rows where `none`
 * belongs; `free` rows (outside the city: III.3.2) take any value.
 */
export function readEnergyRecovery(work: MethodWork, wasteRows: readonly string[], free: readonly string[] = []): EnergyRecovery | undefined {
  const { reader, fields, path, row } = work.input;
  const given = reader.choice(fields, 'energyRecovery', path, ENERGY_RECOVERY, false);
  if (fields['energyRecovery'] !== undefined && given === undefined) return undefined;
  if (free.includes(row.ref)) return given ?? 'none';
  const implied: EnergyRecovery = row.ref === GRID_ROW ? 'grid' : (ONSITE_ROWS as readonly string[]).includes(row.ref) ? 'onsite' : 'none';
  if (given === undefined) {
    if (implied !== 'none') work.state(impliedStatement(implied, row.ref));
    return implied;
  }
  if (given !== implied) {
    reader.report([...path, 'energyRecovery'], { code: 'energy-recovery-row', recovery: given, gpc: row.ref, rows: rowsFor(given, wasteRows) });
    return undefined;
  }
  return given;
}

function impliedStatement(recovery: 'grid' | 'onsite', gpc: string): { code: string; text: { en: string; zh: string } } {
  return recovery === 'grid'
    ? {
        code: 'energy-recovery-grid',
        text: {
          en: `energy taken as supplied to the grid (row ${gpc}, no \`energyRecovery\` given): territorial only, not BASIC — the electricity is already in its consumers' scope 2`,
          zh: `未填写 \`energyRecovery\`，按 ${gpc} 行视为上网供电：仅计入辖区排放，不计入 BASIC——其电量已计入用户的范围二`,
        },
      }
    : {
        code: 'energy-recovery-onsite',
        text: {
          en: `energy taken as used on site (row ${gpc}, no \`energyRecovery\` given)`,
          zh: `未填写 \`energyRecovery\`，按 ${gpc} 行视为自用`,
        },
      };
}
