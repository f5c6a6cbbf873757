/**
 * The web app's bundle budget (issue 15): the JavaScript a first visit loads — the entry chunk, the page's
 * chunk and everything they import statically — is at most 350 KB gzipped on every page, and neither the
 * core nor ECharts is part of it (both load on demand). Read from the build's manifest, so a static import
 * of either anywhere on a page's path fails here. The global setup builds the app first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WEB_ROOT } from './support/workspace.ts';

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
}

const BUDGET = 350 * 1024;
const manifest = JSON.parse(readFileSync(join(WEB_ROOT, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const gzipped = (file: string): number => gzipSync(readFileSync(join(WEB_ROOT, file)), { level: 9 }).length;

/** A chunk and every chunk it imports statically, by manifest key. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
  return seen;
}

const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
const pages = manifest[entry]!.dynamicImports ?? [];
const isCore = (key: string) => /(^|\/)core\/src\//.test(key) || /(^|\/)core\/src\//.test(manifest[key]?.src ?? '');
const isECharts = (key: string) => /echarts/.test(key) || /echarts/.test(manifest[key]?.src ?? '');

describe('the initial JavaScript', () => {
  it('has the entry and the routed pages in the manifest', () => {
    expect(entry).toBe('index.html');
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });

  it.each(pages)('first visit to %s: ≤ 350 KB gzipped, without the core or ECharts', (page) => {
    const keys = new Set([...closure(entry), ...closure(page)]);
    const bytes = [...keys].reduce((sum, key) => sum + gzipped(manifest[key]!.file), 0);
    console.log(`initial JavaScript for ${page}: ${(bytes / 1024).toFixed(1)} KB gzipped (${keys.size} chunks)`);
    expect(bytes).toBeLessThanOrEqual(BUDGET);
    expect([...keys].filter(isCore)).toEqual([]);
    expect([...keys].filter(isECharts)).toEqual([]);
  });

  it('loads the core and ECharts as chunks of their own, on demand', () => {
    const dynamic = new Set(Object.values(manifest).flatMap((chunk) => chunk.dynamicImports ?? []));
    expect([...dynamic].some(isECharts)).toBe(true);
    expect([...dynamic].some(isCore)).toBe(true);
  });
});
