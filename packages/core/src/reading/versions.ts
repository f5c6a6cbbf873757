import type { Assumption } from '../accounting/statements.ts';
import type { DocumentKind, Issue, Path } from '../issues/issue.ts';
import { DOCUMENT_KIND_TEXT } from '../issues/messages.ts';
import { typeName, type Fields } from './reader.ts';

/**
 * Format versions of the documents peakpath reads, and the steps that bring an older document to the
 * current version. A document states its version in an optional top-level `version`; without one it
 * is read as the current version, except that a field an older version had (and the current one
 * renamed) marks it as that older version. Every migration is stated with the result.
 */

/** A field renamed by a version: at each object `at` selects (`*` = every entry of an id-keyed map), `from` becomes `to`. */
export interface FieldRename {
  readonly at: readonly string[];
  readonly from: string;
  readonly to: string;
}

/** The step from `version - 1` to `version`. */
export interface VersionStep {
  readonly version: number;
  readonly renames: readonly FieldRename[];
}

/** The current version of each kind and the steps that lead to it (oldest first). */
export const DOCUMENT_VERSIONS: Readonly<Record<DocumentKind, { readonly current: number; readonly steps: readonly VersionStep[] }>> = {
  inventory: { current: 1, steps: [] },
  pathway: { current: 1, steps: [] },
  tracking: { current: 1, steps: [] },
  cluster: { current: 1, steps: [] },
  district: { current: 1, steps: [] },
  plan: {
    current: 2,
    // Version 2: a yes/no measure (all or nothing) says so in words a city officer reads.
    steps: [{ version: 2, renames: [{ at: ['measures', '*'], from: 'lumpy', to: 'yesNo' }] }],
  },
};

export interface Migrated {
  /** The document at the current version (the input itself when nothing was renamed). */
  readonly document: unknown;
  /** Problems with `version` or with the renames (both names on one object); a version too new stops reading. */
  readonly issues: readonly Issue[];
  /** True when the document cannot be read at all (a version newer than this peakpath reads). */
  readonly unreadable: boolean;
  /** One statement per rename applied. */
  readonly statements: readonly Assumption[];
  /** A path in the migrated document as the file wrote it (a renamed field by its old name), for problems found later. */
  readonly filePath: (path: Path) => Path;
}

/** Reads `version` and brings the document to the current version of its kind (by `versions`, peakpath's own by default). */
export function migrate(kind: DocumentKind, document: unknown, versions: typeof DOCUMENT_VERSIONS = DOCUMENT_VERSIONS): Migrated {
  const { current, steps } = versions[kind];
  const same: Migrated = { document, issues: [], unreadable: false, statements: [], filePath: (path) => path };
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return same;
  const top = document as Fields;
  const raw = top['version'];
  let version: number | undefined;
  if (raw !== undefined) {
    if (typeof raw !== 'number' || !Number.isInteger(raw)) return { ...same, issues: [{ path: ['version'], code: 'type', expected: 'integer', got: typeof raw === 'number' ? String(raw) : typeName(raw) }] };
    if (raw < 1) return { ...same, issues: [{ path: ['version'], code: 'out-of-range', min: 1, max: current, got: raw }] };
    if (raw > current) return { ...same, issues: [{ path: ['version'], code: 'unsupported-version', kind, got: raw, max: current }], unreadable: true };
    version = raw;
  }

  const issues: Issue[] = [];
  const statements: Assumption[] = [];
  const renamedPaths = new Map<string, Path>();
  let migrated: Fields = top;
  for (const step of steps) {
    // Without `version`, a step applies only where the file uses an old name.
    if (version !== undefined && version >= step.version) continue;
    for (const rename of step.renames) {
      const places: string[] = [];
      migrated = renameAt(migrated, rename, [], (path, fields) => {
        if (fields[rename.to] !== undefined) {
          // Reported once, as a conflict: the old name is then left out rather than reported again as unknown.
          issues.push({ path: [...path, rename.to], code: 'conflict', fields: [rename.from, rename.to] });
          return 'drop';
        }
        places.push(path.join('.'));
        renamedPaths.set(JSON.stringify([...path, rename.to]), [...path, rename.from]);
        return 'rename';
      });
      if (places.length > 0) statements.push(renameStatement(kind, version ?? step.version - 1, version === undefined, rename, places));
    }
  }
  const filePath = (path: Path): Path => {
    for (let length = path.length; length > 0; length--) {
      const renamed = renamedPaths.get(JSON.stringify(path.slice(0, length)));
      if (renamed) return [...renamed, ...path.slice(length)];
    }
    return path;
  };
  return { document: migrated, issues, unreadable: false, statements, filePath };
}

/** A copy of `fields` with `rename` applied at every object its `at` selects (keys keep their order); untouched parts are shared. */
function renameAt(fields: Fields, rename: FieldRename, path: Path, decide: (path: Path, fields: Fields) => 'rename' | 'drop', depth = 0): Fields {
  if (depth === rename.at.length) {
    if (fields[rename.from] === undefined) return fields;
    const drop = decide(path, fields) === 'drop';
    return Object.fromEntries(Object.entries(fields).flatMap(([key, value]) => (key !== rename.from ? [[key, value]] : drop ? [] : [[rename.to, value]])));
  }
  const step = rename.at[depth]!;
  const keys = step === '*' ? Object.keys(fields) : Object.hasOwn(fields, step) ? [step] : [];
  let copy: Fields | undefined;
  for (const key of keys) {
    const child = fields[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) continue;
    const next = renameAt(child as Fields, rename, [...path, key], decide, depth + 1);
    if (next !== child) (copy ??= { ...fields })[key] = next;
  }
  return copy ?? fields;
}

/** "plan file version 1: `lumpy` read as `yesNo` (measures.wind)"; a file without `version` says which version it was read as. */
function renameStatement(kind: DocumentKind, version: number, inferred: boolean, rename: FieldRename, places: readonly string[]): Assumption {
  const name = DOCUMENT_KIND_TEXT[kind];
  const where = (top: string): string => places.map((place) => (place === '' ? top : place)).join(', ');
  const file = inferred
    ? { en: `${name.en} without \`version\`, read as version ${version}`, zh: `${name.zh}未注明 \`version\`，按第 ${version} 版读取` }
    : { en: `${name.en} version ${version}`, zh: `${name.zh}第 ${version} 版` };
  return {
    code: 'version-migrated',
    text: {
      en: `${file.en}: \`${rename.from}\` read as \`${rename.to}\` (${where('top level')})`,
      zh: `${file.zh}：\`${rename.from}\` 按 \`${rename.to}\` 读取（${where('顶层')}）`,
    },
  };
}
