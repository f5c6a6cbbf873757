import { parseUnit } from '../units/units.ts';
import type { Reader } from '../reading/reader.ts';
import type { ActivityLine } from './types.ts';

/**
 * Warns when the landfill gas that III.1 lines say is burnt for energy (`recoveredForEnergy`) differs
 * from the CH4 that `landfill-gas` lines burn in stationary energy: GPC counts the combustion of that gas
 * there, so a `recoveredForEnergy` with no such line leaves its CH4 and N2O uncounted, and a
 * `landfill-gas` line with no recovery in III.1 burns gas the landfill lines do not subtract. A warning,
 * not an error: the gas may come from a landfill outside the file (III.1.2), or be stored.
 * Both sums are of lines that computed, so each value is a valid mass.
 */
export function warnLandfillGasBalance(reader: Reader, raw: readonly unknown[], lines: readonly ActivityLine[]): void {
  let recovered = 0;
  let burnt = 0;
  let first: number | undefined;
  for (const line of lines) {
    if (line.form !== 'method') continue;
    const field = line.method === 'landfill-gas' ? 'ch4' : line.row.subsector.id === 'III.1' ? 'recoveredForEnergy' : undefined;
    const tonnes = field === undefined ? undefined : massOf((raw[line.index] as Record<string, unknown>)[field]);
    if (tonnes === undefined) continue;
    if (field === 'ch4') burnt += tonnes;
    else recovered += tonnes;
    first ??= line.index;
  }
  if (first === undefined || Math.abs(recovered - burnt) <= 1e-9 * Math.max(recovered, burnt)) return;
  reader.warn(['activities', first], { code: 'landfill-gas-balance', recoveredForEnergy: recovered, burnt });
}

function massOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { value: amount, unit } = value as { value?: unknown; unit?: unknown };
  const known = typeof unit === 'string' ? parseUnit(unit) : undefined;
  return typeof amount === 'number' && known?.dimension === 'mass' ? amount * known.toBase : undefined;
}
