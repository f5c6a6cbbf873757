import type { PracticeCase, TrackedText, TrackingArea } from './types.ts';

export interface PracticeQuery {
  /** Words to find, in Chinese or English, case-insensitive; every word must be found (in city, title, summary or a result's name). */
  readonly text?: string | undefined;
  readonly area?: TrackingArea | undefined;
  /** A catalogue measure the case must be linked to. */
  readonly measure?: string | undefined;
}

/** How much a word found in each field counts: a title says what the case is about more than its summary. */
const WEIGHTS = { title: 4, city: 3, results: 2, summary: 1 } as const;

const both = (text: TrackedText): string => `${text.zh ?? ''}\n${text.en ?? ''}`.toLowerCase();

/**
 * The good-practice cases matching a query, ranked: cases of the `area` and linked to the `measure`, in
 * which every word of `text` is found in one language or the other. Each word scores by where it is found
 * (title 4, city 3, a result's name 2, summary 1, summed over the fields it is in); the highest total first,
 * the file's order among equals. Without `text`, every case that passes the filters, in the file's order.
 */
export function searchPractices(cases: readonly PracticeCase[], query: PracticeQuery = {}): PracticeCase[] {
  const words = (query.text ?? '').toLowerCase().split(/\s+/u).filter((word) => word !== '');
  const scored: { practice: PracticeCase; score: number; index: number }[] = [];
  cases.forEach((practice, index) => {
    if (query.area !== undefined && practice.area !== query.area) return;
    if (query.measure !== undefined && !practice.measures.includes(query.measure)) return;
    const fields = {
      title: both(practice.title),
      city: both(practice.city),
      results: practice.results.map((result) => both(result.name)).join('\n'),
      summary: both(practice.summary),
    };
    let score = 0;
    for (const word of words) {
      let found = 0;
      for (const field of ['title', 'city', 'results', 'summary'] as const) if (fields[field].includes(word)) found += WEIGHTS[field];
      if (found === 0) return;
      score += found;
    }
    scored.push({ practice, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((entry) => entry.practice);
}
