import { ENERGY_CARRIER_NAMES, fuelByName, fuelNames, type FuelId } from '../factors/fuels.ts';
import type { Path } from '../issues/issue.ts';
import { closest } from '../text/closest.ts';
import type { Fields, Reader } from './reader.ts';

/**
 * The fuel of a line's `fuel` field: an id (`lpg`), the yearbook's Chinese name (`液化石油气`) or an alias;
 * the result is the id. Heat and electricity (热力, 电力) are named as lines of their own, and an unknown name
 * gets the nearest accepted one as a hint. Undefined when absent (reported when `required`) or unknown.
 */
export function readFuel(reader: Reader, fields: Fields, path: Path, required = true): FuelId | undefined {
  const name = reader.string(fields, 'fuel', path, required);
  if (name === undefined) return undefined;
  const fuel = fuelByName(name);
  if (fuel !== undefined) return fuel;
  const energy = ENERGY_CARRIER_NAMES[name.trim()] ?? (name.trim() === 'heat' || name.trim() === 'electricity' ? name.trim() : undefined);
  if (energy === 'heat' || energy === 'electricity') reader.report([...path, 'fuel'], { code: 'not-a-fuel', got: name, energy });
  else reader.report([...path, 'fuel'], { code: 'unknown-fuel', got: name, suggestion: closest(name, fuelNames()) });
  return undefined;
}
