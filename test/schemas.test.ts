/**
 * The document schemas (packages/core/src/documents/) and their JSON Schema files (docs/schemas/):
 * the files are what `npm run schemas` writes today; they accept the demo files and every example of
 * docs/ (checked by zod and by a real JSON Schema validator, Ajv, so other tools can use the files);
 * they reject documents with structural mistakes that the readers reject too; and schema and readers
 * agree on the fields of every object a document has (a field added to one and not the other fails).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import {
  baseInventory,
  defaultCatalogue,
  DOCUMENT_SCHEMAS,
  documentJsonSchemaText,
  METHOD_FIELD_SCHEMAS,
  METHOD_LIST,
  parseInventory,
  parsePathway,
  parsePlan,
  Reader,
  readClusterFile,
  readDistrictFile,
  type DocumentKind,
  type Issue,
} from '@peakpath/core';
import { asDocument, CLUSTER_DOCS, DISTRICT_DOCS, docsYamlBlocks, PATHWAY_DOCS, PLAN_DOCS, SPECIAL } from './support/docs-examples.ts';
import { jsonSchemaValidator } from './support/schema-check.ts';

type Fields = Record<string, unknown>;
const KINDS: readonly DocumentKind[] = ['inventory', 'pathway', 'plan', 'cluster', 'district'];
const ROOT = process.cwd();
const read = (file: string): Fields => parse(readFileSync(join(ROOT, file), 'utf8')) as Fields;
const clone = <T>(value: T): T => structuredClone(value);

const demo = { inventory: read('examples/demo-city/inventory.yaml'), pathway: read('examples/demo-city/pathway.yaml'), plan: read('examples/demo-city/plan.yaml') };
const worked = read('examples/worked-example/inventory.yaml');
const cluster = read('examples/cluster/cluster.yaml');
const district = read('examples/district/district-eco-park.yaml');
const base = baseInventory(demo.inventory);
if (!base.ok) throw new Error('the demo inventory is invalid');

/** The readers' problems with a document of each kind (pathways on the demo inventory, plans beside the demo pathway). */
function readerIssues(kind: DocumentKind, document: unknown): readonly Issue[] {
  if (!base.ok) throw new Error('unreachable');
  if (kind === 'inventory') {
    const parsed = parseInventory(document);
    return parsed.ok ? [] : parsed.issues;
  }
  if (kind === 'pathway') {
    const parsed = parsePathway(document, base.base);
    return parsed.ok ? [] : parsed.issues;
  }
  if (kind === 'cluster') {
    const read = readClusterFile(document);
    return read.ok ? [] : read.issues;
  }
  if (kind === 'district') {
    const read = readDistrictFile(document);
    return read.ok ? [] : read.issues;
  }
  const parsed = parsePlan(document, demo.pathway, base.base, defaultCatalogue());
  return parsed.ok ? [] : [...parsed.issues, ...parsed.pathwayIssues];
}

const jsonSchemas = Object.fromEntries(KINDS.map((kind) => [kind, JSON.parse(readFileSync(join(ROOT, 'docs', 'schemas', `${kind}.schema.json`), 'utf8')) as Fields]));
const validators = Object.fromEntries(KINDS.map((kind) => [kind, jsonSchemaValidator(kind)]));

/** Problems the JSON Schema file (Ajv) and the zod schema find: [] when both accept. */
function schemaProblems(kind: DocumentKind, document: unknown): string[] {
  const validate = validators[kind]!;
  const problems = validate(document) ? [] : (validate.errors ?? []).map((error) => `ajv ${error.instancePath} ${error.message ?? ''}`);
  const parsed = DOCUMENT_SCHEMAS[kind].safeParse(document);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `zod ${issue.path.join('.')} ${issue.message}`));
  return problems;
}

/** Whether each of Ajv and zod rejects the document. */
function rejections(kind: DocumentKind, document: unknown): { ajv: boolean; zod: boolean } {
  return { ajv: !validators[kind]!(document), zod: !DOCUMENT_SCHEMAS[kind].safeParse(document).success };
}

describe('docs/schemas/*.schema.json', () => {
  it.each(KINDS)('%s: the checked-in file is what `npm run schemas` writes (regenerate it when this fails)', (kind) => {
    expect(readFileSync(join(ROOT, 'docs', 'schemas', `${kind}.schema.json`), 'utf8')).toBe(documentJsonSchemaText(kind));
  });

  it.each(KINDS)('%s: an identified, titled JSON Schema (draft 2020-12) that names the format version', (kind) => {
    const schema = jsonSchemas[kind]!;
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(`urn:peakpath:schema:${kind}:${kind === 'plan' ? 2 : 1}`);
    expect(schema['title']).toBe(`peakpath ${kind} file`);
    expect(typeof schema['description']).toBe('string');
    expect((schema['properties'] as Fields)['version']).toMatchObject({ const: kind === 'plan' ? 2 : 1 });
    expect(schema['additionalProperties']).toBe(false);
  });
});

describe('the schemas accept the demo files and every example of docs/', () => {
  it.each([
    ['inventory', 'examples/demo-city/inventory.yaml', demo.inventory],
    ['inventory', 'examples/worked-example/inventory.yaml', worked],
    ['inventory', 'examples/energy-balance/inventory.yaml', read('examples/energy-balance/inventory.yaml')],
    ['inventory', 'examples/cluster/alpha.yaml', read('examples/cluster/alpha.yaml')],
    ['inventory', 'examples/cluster/beta.yaml', read('examples/cluster/beta.yaml')],
    ['pathway', 'examples/demo-city/pathway.yaml', demo.pathway],
    ['plan', 'examples/demo-city/plan.yaml', demo.plan],
    ['cluster', 'examples/cluster/cluster.yaml', cluster],
    ['cluster', 'examples/cluster/pathways.yaml', read('examples/cluster/pathways.yaml')],
    ...(['district.yaml', 'district-mismatch.yaml', 'district-eco-park.yaml'] as const).map((file) => ['district', `examples/district/${file}`, read(`examples/district/${file}`)] as const),
    ...(['gamma', 'north', 'south', 'south-national', 'rest', 'delta', 'eco-park'] as const).map((name) => ['inventory', `examples/district/${name}.yaml`, read(`examples/district/${name}.yaml`)] as const),
  ] as const)('%s %s', (kind, _file, document) => {
    expect(readerIssues(kind, document), 'the reader accepts it').toEqual([]);
    expect(schemaProblems(kind, document)).toEqual([]);
  });

  for (const [file, blocks] of docsYamlBlocks()) {
    const kind: DocumentKind = DISTRICT_DOCS.has(file) ? 'district' : CLUSTER_DOCS.has(file) ? 'cluster' : PLAN_DOCS.has(file) ? 'plan' : PATHWAY_DOCS.has(file) ? 'pathway' : 'inventory';
    blocks.forEach((block, index) => {
      if (SPECIAL[file]?.[index] !== undefined) return;
      it(`docs/${file} example ${index} (${kind})`, () => {
        const value: unknown = parse(block);
        const document = kind === 'inventory' ? asDocument(value) : value;
        expect(schemaProblems(kind, document)).toEqual([]);
      });
    });
  }
});

/** Documents with a structural mistake, each from a valid one: the reader's code for it, and both schemas reject it. */
const MISTAKES: readonly { kind: DocumentKind; name: string; document: () => Fields; code: Issue['code'] }[] = [
  { kind: 'inventory', name: 'a misspelled top-level field', code: 'unknown-field', document: () => ({ ...clone(demo.inventory), yaer: 2022 }) },
  { kind: 'inventory', name: 'year as a string', code: 'type', document: () => ({ ...clone(demo.inventory), year: '2022' }) },
  { kind: 'inventory', name: 'activities as an object', code: 'type', document: () => ({ ...clone(demo.inventory), activities: {} }) },
  { kind: 'inventory', name: 'a line that is a string', code: 'type', document: () => ({ ...clone(demo.inventory), activities: ['I.3.1'] }) },
  { kind: 'inventory', name: 'a misspelled line field', code: 'unknown-field', document: () => withLine({ gpc: 'I.3.1', fuel: 'diesel', amout: 1, amount: 1, unit: 't' }) },
  { kind: 'inventory', name: 'amount as a string', code: 'type', document: () => withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: '1', unit: 't' }) },
  { kind: 'inventory', name: 'ncv as a number', code: 'type', document: () => withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', ncv: 43 }) },
  { kind: 'inventory', name: 'a misspelled field of { value, unit }', code: 'unknown-field', document: () => withLine({ gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't', ncv: { value: 43, unti: 'GJ/t', unit: 'GJ/t' } }) },
  { kind: 'inventory', name: 'a notation key not in the list', code: 'enum', document: () => withLine({ gpc: 'I.8.1', notation: 'NA', explanation: 'none' }) },
  { kind: 'inventory', name: 'a misspelled method field', code: 'unknown-field', document: () => withLine({ gpc: 'III.1.1', method: 'solid-waste-fod', wastee: 1 }) },
  { kind: 'inventory', name: 'a version this peakpath does not read', code: 'unsupported-version', document: () => ({ ...clone(demo.inventory), version: 2 }) },
  { kind: 'pathway', name: 'a misspelled top-level field', code: 'unknown-field', document: () => ({ ...clone(demo.pathway), endYaer: 2060 }) },
  { kind: 'pathway', name: 'a misspelled series field', code: 'unknown-field', document: () => at(clone(demo.pathway), ['drivers', 'population'], (d) => ({ ...d, grwoth: '1%' })) },
  { kind: 'pathway', name: 'an effect type not in the list', code: 'enum', document: () => at(clone(demo.pathway), ['actions', firstKey(demo.pathway['actions']), 'effects', '0'], (e) => ({ ...e, type: 'efficency' })) },
  { kind: 'pathway', name: 'a misspelled adoption field', code: 'unknown-field', document: () => at(clone(demo.pathway), ['actions', firstKey(demo.pathway['actions']), 'adoption'], (a) => ({ ...a, strat: 2025 })) },
  { kind: 'pathway', name: 'scenario actions as a string', code: 'type', document: () => at(clone(demo.pathway), ['scenarios', firstKey(demo.pathway['scenarios'])], (s) => ({ ...s, actions: 'all' })) },
  { kind: 'pathway', name: 'a target type not in the list', code: 'enum', document: () => at(clone(demo.pathway), ['targets', firstKey(demo.pathway['targets'])], (t) => ({ ...t, type: 'peek' })) },
  { kind: 'plan', name: 'a misspelled top-level field', code: 'unknown-field', document: () => ({ ...clone(demo.plan), maccYaer: 2030 }) },
  { kind: 'plan', name: 'a misspelled measure field (yes/no)', code: 'unknown-field', document: () => at(clone(demo.plan), ['measures', firstKey(demo.plan['measures'])], (m) => ({ ...m, yesno: true })) },
  { kind: 'plan', name: '`lumpy` in a version 2 plan', code: 'unknown-field', document: () => at(clone(demo.plan), ['measures', firstKey(demo.plan['measures'])], (m) => ({ ...m, lumpy: true })) },
  { kind: 'plan', name: 'yesNo as a string', code: 'type', document: () => at(clone(demo.plan), ['measures', firstKey(demo.plan['measures'])], (m) => ({ ...m, yesNo: 'yes' })) },
  { kind: 'plan', name: 'a discount rate in words', code: 'type', document: () => ({ ...clone(demo.plan), discountRate: 'eight' }) },
  { kind: 'plan', name: 'a misspelled cost field', code: 'unknown-field', document: () => at(clone(demo.plan), ['measures', firstKey(demo.plan['measures'])], (m) => ({ ...m, costs: { capex: { value: 1, unit: '元/MW', sorce: 'x', source: 'x' } } })) },
  { kind: 'plan', name: 'a version this peakpath does not read', code: 'unsupported-version', document: () => ({ ...clone(demo.plan), version: 3 }) },
  { kind: 'cluster', name: 'a misspelled top-level field', code: 'unknown-field', document: () => ({ ...clone(cluster), pairing: [] }) },
  { kind: 'cluster', name: 'a misspelled member field', code: 'unknown-field', document: () => at(clone(cluster), ['members', 'alpha'], (m) => ({ ...m, inventroy: 'alpha.yaml' })) },
  { kind: 'cluster', name: 'a line index as a string', code: 'type', document: () => at(clone(cluster), ['pairings', '0', 'line'], (l) => ({ ...l, index: '0' })) },
  { kind: 'cluster', name: 'a misspelled cluster action field', code: 'unknown-field', document: () => at(clone(read('examples/cluster/pathways.yaml')), ['pathways', 'actions', 'intercity-rail'], (a) => ({ ...a, member: ['alpha'] })) },
  { kind: 'cluster', name: 'a misspelled shared-parameter field', code: 'unknown-field', document: () => at(clone(read('examples/cluster/pathways.yaml')), ['pathways', 'shared', 'grid.points.2030'], (p) => ({ ...p, uncertainity: {} })) },
  { kind: 'cluster', name: 'a version this peakpath does not read', code: 'unsupported-version', document: () => ({ ...clone(cluster), version: 2 }) },
  { kind: 'district', name: 'a misspelled top-level field', code: 'unknown-field', document: () => ({ ...clone(district), part: {} }) },
  { kind: 'district', name: 'a misspelled part field', code: 'unknown-field', document: () => at(clone(district), ['parts', 'eco-park'], (p) => ({ ...p, inventroy: 'eco-park.yaml' })) },
  { kind: 'district', name: 'a part kind not in the list', code: 'enum', document: () => at(clone(district), ['parts', 'eco-park'], (p) => ({ ...p, kind: 'zone' })) },
  { kind: 'district', name: 'an abatement figure as a string', code: 'type', document: () => at(clone(district), ['assessments', 'eco-park', 'climatePositive', 'abatements', '0'], (a) => ({ ...a, tco2e: '4000' })) },
  { kind: 'district', name: 'a version this peakpath does not read', code: 'unsupported-version', document: () => ({ ...clone(district), version: 2 }) },
];

function withLine(line: Fields): Fields {
  const document = clone(demo.inventory);
  return { ...document, activities: [...(document['activities'] as unknown[]), line] };
}

function firstKey(map: unknown): string {
  return Object.keys(map as Fields)[0]!;
}

/** The document with the object at `path` replaced by `change` of it. */
function at(document: Fields, path: readonly string[], change: (value: Fields) => Fields): Fields {
  const [head, ...rest] = path;
  const value = document[head!] as Fields;
  const changed = rest.length === 0 ? change(value) : at(value, rest, change);
  if (Array.isArray(document)) {
    const copy = [...document];
    copy[Number(head)] = changed;
    return copy as unknown as Fields;
  }
  return { ...document, [head!]: changed };
}

describe('the schemas reject documents with a structural mistake, as the readers do', () => {
  it.each(MISTAKES)('$kind: $name', ({ kind, document, code }) => {
    const mistaken = document();
    expect(readerIssues(kind, mistaken).map((issue) => issue.code), 'the reader').toContain(code);
    expect(rejections(kind, mistaken)).toEqual({ ajv: true, zod: true });
  });

  it('a JSON file may name its schema (`$schema`, as editors expect): readers and schemas accept it, as a string', () => {
    for (const [kind, document] of [['inventory', demo.inventory], ['pathway', demo.pathway], ['plan', demo.plan]] as const) {
      const named = { $schema: `../../docs/schemas/${kind}.schema.json`, ...clone(document) };
      expect(readerIssues(kind, named), kind).toEqual([]);
      expect(schemaProblems(kind, named), kind).toEqual([]);
      expect(readerIssues(kind, { ...named, $schema: 1 }).map((issue) => issue.code), kind).toEqual(['type']);
      expect(rejections(kind, { ...named, $schema: 1 }), kind).toEqual({ ajv: true, zod: true });
    }
  });

  it('a version 1 plan (`lumpy`) is read, migrated; the schema is of version 2 and says `yesNo`', () => {
    const old = at({ ...clone(demo.plan), version: 1 }, ['measures', 'onshore-wind'], ({ yesNo, ...measure }) => ({ ...measure, lumpy: yesNo }));
    expect(readerIssues('plan', old)).toEqual([]);
    expect(rejections('plan', old)).toEqual({ ajv: true, zod: true });
  });
});

describe('method lines', () => {
  it('every shipped method declares the shape of each of its fields, and of no other', () => {
    const undeclared = METHOD_LIST.flatMap((method) => method.fields.filter((field) => !METHOD_FIELD_SCHEMAS[method.id]?.[field]).map((field) => `${method.id}.${field}`));
    const unknown = Object.entries(METHOD_FIELD_SCHEMAS).flatMap(([id, fields]) => Object.keys(fields).filter((field) => !METHOD_LIST.find((method) => method.id === id)?.fields.includes(field)).map((field) => `${id}.${field}`));
    expect({ undeclared, unknown }).toEqual({ undeclared: [], unknown: [] });
  });
});

/**
 * Schema and readers agree on the fields of every object: each reader names the fields an object may
 * have in one `Reader.onlyFields` call, so a spy on it collects, for every object a document has, the
 * fields its reader accepts; a walk of the document along the zod schema collects the fields the schema
 * declares for the same object. A field added to one and not the other makes the two sets differ.
 */
describe('the schemas and the readers accept the same fields', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Reader: object → the fields its reader accepted (by identity: the reader sees the document's own objects). */
  function readerFields(kind: DocumentKind, document: Fields): Map<object, Set<string>> {
    const seen = new Map<object, Set<string>>();
    const original = Reader.prototype.onlyFields;
    const spy = vi.spyOn(Reader.prototype, 'onlyFields');
    spy.mockImplementation(function (this: Reader, fields, allowed, path) {
      seen.set(fields, new Set([...(seen.get(fields) ?? []), ...allowed]));
      original.call(this, fields, allowed, path);
    });
    expect(readerIssues(kind, document)).toEqual([]);
    spy.mockRestore();
    return seen;
  }

  /** Schema: every object of the document the schema declares fields for, with its path; `open` the objects it leaves to a method's reader. */
  function schemaFields(schema: z.ZodType, value: unknown, path: string[], found: { path: string; object: object; fields: Set<string> }[], open: object[]): void {
    const def = (schema as unknown as { def: { type: string } & Fields }).def;
    switch (def.type) {
      case 'optional':
        if (value !== undefined) schemaFields(def['innerType'] as z.ZodType, value, path, found, open);
        return;
      case 'union': {
        const option = (def['options'] as z.ZodType[]).find((candidate) => candidate.safeParse(value).success);
        if (!option) throw new Error(`${path.join('.')}: no option of the union accepts the value`);
        schemaFields(option, value, path, found, open);
        return;
      }
      case 'object': {
        const shape = def['shape'] as Record<string, z.ZodType>;
        found.push({ path: path.join('.'), object: value as object, fields: new Set(Object.keys(shape)) });
        for (const [key, child] of Object.entries(value as Fields)) if (shape[key]) schemaFields(shape[key], child, [...path, key], found, open);
        return;
      }
      case 'record':
        for (const [key, child] of Object.entries(value as Fields)) schemaFields(def['valueType'] as z.ZodType, child, [...path, key], found, open);
        return;
      case 'array':
        (value as unknown[]).forEach((child, i) => schemaFields(def['element'] as z.ZodType, child, [...path, String(i)], found, open));
        return;
      case 'unknown':
        if (typeof value === 'object' && value !== null) open.push(value);
        return;
      default:
        return;
    }
  }

  /** Every object below the given ones. */
  function objectsUnder(roots: readonly object[]): Set<object> {
    const all = new Set<object>();
    const visit = (value: unknown): void => {
      if (typeof value !== 'object' || value === null || all.has(value)) return;
      all.add(value);
      for (const child of Object.values(value)) visit(child);
    };
    roots.forEach(visit);
    return all;
  }

  /** The richest documents there are: the demo files and the examples of docs/. */
  const samples: [string, DocumentKind, Fields][] = [
    ['demo inventory', 'inventory', demo.inventory],
    ['worked example', 'inventory', worked],
    ['demo pathway', 'pathway', demo.pathway],
    ['demo plan', 'plan', demo.plan],
    ['cluster example', 'cluster', cluster],
    ['district example', 'district', district],
  ];
  for (const [file, blocks] of docsYamlBlocks()) {
    const kind: DocumentKind = DISTRICT_DOCS.has(file) ? 'district' : CLUSTER_DOCS.has(file) ? 'cluster' : PLAN_DOCS.has(file) ? 'plan' : PATHWAY_DOCS.has(file) ? 'pathway' : 'inventory';
    blocks.forEach((block, index) => {
      if (SPECIAL[file]?.[index] !== undefined) return;
      const value: unknown = parse(block);
      samples.push([`docs/${file} example ${index}`, kind, (kind === 'inventory' ? asDocument(value) : value) as Fields]);
    });
  }

  it.each(samples)('%s', (_name, kind, document) => {
    const byReader = readerFields(kind, document);
    const found: { path: string; object: object; fields: Set<string> }[] = [];
    const open: object[] = [];
    schemaFields(DOCUMENT_SCHEMAS[kind], document, [], found, open);
    const mismatches = found
      .filter(({ object }) => byReader.has(object))
      .filter(({ object, fields }) => [...fields].sort().join() !== [...byReader.get(object)!].sort().join())
      .map(({ path, object, fields }) => ({ path, schema: [...fields].sort(), reader: [...byReader.get(object)!].sort() }));
    expect(mismatches).toEqual([]);
    // Every object the schema declares fields for is one a reader checks field by field, except the
    // parts the reader reads through a copy (a share series without its `of`) and a plan's own catalogue
    // entries, which the catalogue's zod schema checks (plan/catalogue.ts: the plan schema uses it as is), and a
    // cluster's pathway parts that the members' pathway reader checks once they are compiled (cluster/pathways.ts) …
    const memberRead = /^pathways\.(shared\..*\.uncertainty|actions\.[^.]+\.(name|adoption|effects)|correlations)(\.|$)/;
    const unchecked = found.filter(({ object, path }) => !byReader.has(object) && !/\.share$/.test(path) && !path.startsWith('catalogue.') && !memberRead.test(path)).map(({ path }) => path);
    expect(unchecked).toEqual([]);
    // … and every object a reader checks is one the schema declares, or one inside a method's own field.
    const declared = new Set(found.map(({ object }) => object));
    const inMethodFields = objectsUnder(open);
    const undeclared = [...byReader.keys()].filter((object) => !declared.has(object) && !inMethodFields.has(object) && isWithin(document, object));
    expect(undeclared.length).toBe(0);
  });
});

/** Whether `object` is part of `document` (the plan reader also reads the pathway file, whose objects are not the plan's). */
function isWithin(document: unknown, object: object): boolean {
  if (document === object) return true;
  if (typeof document !== 'object' || document === null) return false;
  return Object.values(document).some((child) => isWithin(child, object));
}
