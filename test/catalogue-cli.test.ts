/** `peakpath catalogue` as users run it: search by words and category, JSON with sources, bad options. */
import { describe, expect, it } from 'vitest';
import { peakpath as cli } from './support/cli.ts';

describe('peakpath catalogue', () => {
  it('lists every measure as JSON with the sources they cite', () => {
    const run = peakpath('catalogue', '--json');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { version: string; measures: { id: string; category: string; capex?: { source: string } }[]; sources: { id: string }[] };
    expect(json.measures.length).toBeGreaterThanOrEqual(40);
    const sources = new Set(json.sources.map((source) => source.id));
    for (const measure of json.measures) if (measure.capex) expect(sources.has(measure.capex.source), measure.id).toBe(true);
  });

  it('searches ids and names in English and Chinese, and by category', () => {
    const wind = JSON.parse(peakpath('catalogue', 'wind', '--json').stdout) as { measures: { id: string }[] };
    expect(wind.measures.map((m) => m.id)).toEqual(expect.arrayContaining(['onshore-wind', 'offshore-wind']));
    expect(wind.measures.every((m) => m.id.includes('wind'))).toBe(true);
    const sinks = JSON.parse(peakpath('catalogue', '--category', 'sinks', '--json').stdout) as { measures: { category: string }[] };
    expect(sinks.measures.length).toBeGreaterThan(0);
    expect(sinks.measures.every((m) => m.category === 'sinks')).toBe(true);
    const chinese = peakpath('catalogue', '光伏', '--lang', 'zh');
    expect(chinese.status).toBe(0);
    expect(chinese.stdout).toContain('rooftop-pv');
    expect(chinese.stdout).toContain('措施目录');
  });

  it('refuses an unknown category with exit status 2, naming the categories', () => {
    const run = peakpath('catalogue', '--category', 'buildingz');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('buildings');
  });
});

/** `peakpath ARGS` in the repository. */
function peakpath(...args: string[]): ReturnType<typeof cli> {
  return cli(args);
}
