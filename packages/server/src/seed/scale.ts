/**
 * An illustrative city made from the demo city by scaling its activity: every `amount` of an activity
 * line and of the local supply, the population and the GDP, by one factor. The lines computed by a
 * method (waste, wastewater, livestock, land) keep their parameters: they are not amounts of one unit
 * that scale alike. The result is invented, like the demo city itself, and says so in its name.
 */
export function scaleInventory(body: Record<string, unknown>, factor: number, city: { name: string; nameZh: string }): Record<string, unknown> {
  const copy = structuredClone(body);
  copy['city'] = { ...(copy['city'] as Record<string, unknown>), name: city.name, nameZh: city.nameZh };
  if (typeof copy['population'] === 'number') copy['population'] = Math.round(copy['population'] * factor);
  scaleValue(copy, 'gdp', factor);
  const activities = copy['activities'];
  if (Array.isArray(activities)) for (const line of activities as Record<string, unknown>[]) if (line['method'] === undefined) scaleAmount(line, factor);
  const supply = copy['supply'] as Record<string, Record<string, unknown>> | undefined;
  for (const carrier of Object.values(supply ?? {})) {
    const generation = carrier['generation'];
    if (Array.isArray(generation)) for (const source of generation as Record<string, unknown>[]) scaleAmount(source, factor);
    for (const field of ['nonFossilImports', 'imports', 'exports']) scaleValue(carrier, field, factor);
  }
  const renewableBase = (copy['official'] as Record<string, unknown> | undefined)?.['renewableBase'] as Record<string, unknown> | undefined;
  if (renewableBase) scaleValue(renewableBase, 'amount', factor);
  return copy;
}

function scaleAmount(holder: Record<string, unknown>, factor: number): void {
  if (typeof holder['amount'] === 'number') holder['amount'] = holder['amount'] * factor;
  else scaleValue(holder, 'amount', factor);
}

/** `{ value, unit }` (or a bare number) under `field`. */
function scaleValue(holder: Record<string, unknown>, field: string, factor: number): void {
  const quantity = holder[field];
  if (typeof quantity === 'number') holder[field] = quantity * factor;
  else if (quantity !== null && typeof quantity === 'object' && typeof (quantity as { value?: unknown }).value === 'number') {
    holder[field] = { ...quantity, value: (quantity as { value: number }).value * factor };
  }
}
