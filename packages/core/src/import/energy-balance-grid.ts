import type { Unit } from '../units/units.ts';
import type { FuelId } from '../factors/fuels.ts';

/** Cells and columns of an energy balance grid: spreadsheet names for them, and what a column holds. */

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export const cellRef = (sheet: string, row: number, column: number): string => `${sheet}!${columnName(column)}${row + 1}`;

/** Amounts as written in the table, to 10 significant digits (no binary noise in the file). */
export const tidy = (value: number): number => Number(value.toPrecision(10));

/** A column of the balance: a fuel, electricity, heat, or the row's total, with its unit. */
export interface Column {
  readonly index: number;
  readonly label: string;
  readonly kind: 'fuel' | 'electricity' | 'heat' | 'total';
  readonly fuel?: FuelId;
  unit?: Unit;
  /** The unit as the table writes it (万吨, 亿立方米), kept in the inventory for its readers. */
  spelling?: string;
  unitText?: string;
}
