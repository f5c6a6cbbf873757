import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from './documents.ts';

const dir = mkdtempSync(join(tmpdir(), 'peakpath-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readDocument: a slow read is announced before it starts', () => {
  const text = `year: 2022\nactivities:\n${'  - { gpc: I.1.1, fuel: lpg, amount: 1, unit: t }\n'.repeat(50)}`;

  it('a YAML file above the size: one bilingual notice naming the file and suggesting JSON', async () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, text);
    const notices: string[] = [];
    const value = (await readDocument(file, { notice: (notice) => notices.push(notice), noticeAbove: 1000 })) as { activities: unknown[] };
    expect(value.activities).toHaveLength(50);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(file);
    expect(notices[0]).toContain('JSON');
    expect(notices[0]).toContain('同一文件改用 JSON');
  });

  it('the same document as JSON, or a small YAML file: no notice', async () => {
    const json = join(dir, 'big.json');
    writeFileSync(json, JSON.stringify({ year: 2022, activities: Array.from({ length: 50 }, () => ({ gpc: 'I.1.1', fuel: 'lpg', amount: 1, unit: 't' })) }));
    const small = join(dir, 'small.yaml');
    writeFileSync(small, 'year: 2022\n');
    const notices: string[] = [];
    await readDocument(json, { notice: (notice) => notices.push(notice), noticeAbove: 1000 });
    await readDocument(small, { notice: (notice) => notices.push(notice), noticeAbove: 1000 });
    expect(notices).toEqual([]);
  });
});
