import type { Lang } from './i18n.ts';

interface Named {
  readonly en: string;
  readonly zh: string;
}

export interface TargetLike {
  readonly id: string;
  /** The file's name (both languages, or one text for both); the core names an unnamed target by its id. */
  readonly name?: Named | string | null | undefined;
  /** The target's kind (`peak`, `cap`, …: a pathway file's `type`). */
  readonly kind?: string | undefined;
  /** Its year (`by` for a peak target). */
  readonly year?: number | undefined;
}

/**
 * A target as a reader knows it: the file's name, or — where the file gives none — its kind by the names of
 * China's official indicators (the core's TARGET_KIND_NAMES, passed in once the core is loaded) and its year,
 * with the id the file uses; the bare id only while the names are not loaded or the kind is unknown.
 */
export function targetLabel(target: TargetLike, kindNames: Readonly<Record<string, Named>> | null, lang: Lang): string {
  const name = typeof target.name === 'string' ? target.name : target.name?.[lang];
  if (name && name !== target.id) return name;
  const kind = target.kind === undefined ? undefined : kindNames?.[target.kind]?.[lang];
  if (!kind) return target.id;
  if (lang === 'zh') return `${target.year === undefined ? '' : `${target.year} 年`}${kind}（${target.id}）`;
  return `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${target.year === undefined ? '' : `, ${target.year}`} (${target.id})`;
}
