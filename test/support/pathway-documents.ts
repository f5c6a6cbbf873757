/** Small inventories and pathways for the pathway engine's tests, and the assertions they share. */
import { expect } from 'vitest';
import { createEngine, type InventoryResult, type Pathway, type PathwayResult } from '@peakpath/core';
import { closeTo } from './fast-check.ts';
import { expectSchemaAccepts } from './schema-check.ts';

export type Fields = Record<string, unknown>;

export const CITY = { city: { name: 'Testville', country: 'CN' }, year: 2022, grid: 'CN-east-2022', population: 1_000_000, gdp: { value: 100, unit: '亿元' } };
export const COAL = { gpc: 'I.3.1', fuel: 'raw_coal', amount: 10, unit: '万吨' };
export const GAS = { gpc: 'I.3.1', fuel: 'natural_gas', amount: 1, unit: '亿立方米' };
export const INDUSTRY_POWER = { gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: '亿千瓦时' };
export const HOME_POWER = { gpc: 'I.1.2', energy: 'electricity', amount: 10, unit: '亿千瓦时' };

export const inventoryOf = (...activities: Fields[]): Fields => ({ ...CITY, activities });

/** A pathway to 2040: population constant, GDP +5 %/yr, one sector (industry, I.3) driven by GDP; `top` replaces fields. */
export function pathwayDoc(top: Fields = {}): Fields {
  return {
    endYear: 2040,
    drivers: { population: { unit: '万人', growth: 0 }, gdp: { unit: '亿元', growth: '5%' } },
    sectors: { industry: { gpc: ['I.3'], driver: 'gdp' } },
    scenarios: { bau: { actions: [] } },
    ...top,
  };
}

export const engine = createEngine();

/** A valid pathway: one its schema (core/src/documents/) accepts too, on an inventory its schema accepts. */
export function load(pathway: Fields, inventory: Fields): Pathway {
  const loaded = engine.compilePathway({ pathway, inventory });
  if (!loaded.ok) throw new Error(`expected a valid pathway: ${JSON.stringify(loaded)}`);
  expectSchemaAccepts('pathway', pathway);
  expectSchemaAccepts('inventory', inventory);
  return loaded.value;
}

export function inventoryResult(inventory: Fields): InventoryResult {
  const result = engine.inventory(inventory);
  if (!result.ok) throw new Error(`expected a valid inventory: ${JSON.stringify(result.issues)}`);
  expectSchemaAccepts('inventory', inventory);
  return result.value;
}

/** tCO2e and tce of the inventory's lines on rows starting with `gpc` and of this fuel/energy. */
export function linesOf(inventory: Fields, gpc: string): { co2e: number; tce: number; co2: number } {
  const lines = inventoryResult(inventory).lines.filter((line) => line.gpc.startsWith(gpc));
  return { co2e: lines.reduce((s, l) => s + l.co2e, 0), tce: lines.reduce((s, l) => s + l.energyTce, 0), co2: lines.reduce((s, l) => s + l.gases.CO2, 0) };
}

export const at = (result: PathwayResult, series: readonly number[], year: number): number => series[year - result.baseYear]!;

export function expectClose(actual: number, expected: number, relative = 1e-12): void {
  expect(closeTo(actual, expected, relative), `${actual} vs ${expected}`).toBe(true);
}

export function expectSeries(actual: readonly number[], expected: readonly number[], relative = 1e-12): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(closeTo(value, expected[i]!, relative), `[${i}] ${value} vs ${expected[i]}`).toBe(true));
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
