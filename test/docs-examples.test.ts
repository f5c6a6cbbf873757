/**
 * Every YAML example in docs/ runs: a list of lines, a single line or a whole file is computed, and
 * must succeed — except the examples that show alternatives (repeated keys) or an invalid file on
 * purpose, which are named here with what they must do. Docs that drift from the code fail here.
 * The examples of docs/pathways.md are pathway files: each is loaded against the demo inventory
 * (examples/demo-city/inventory.yaml), as the page says. The examples of docs/plans.md are plan files
 * placed beside the demo pathway (examples/demo-city/pathway.yaml): each is loaded with it and the
 * demo inventory, and must have no problem of its own, of the pathway or of the inventory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createEngine, readClusterFile, readDistrictFile, type Issue } from '@peakpath/core';
import { asDocument, CLUSTER_DOCS, DISTRICT_DOCS, docsYamlBlocks, PATHWAY_DOCS, PLAN_DOCS, SPECIAL } from './support/docs-examples.ts';

const engine = createEngine();

const demoInventory: unknown = parse(readFileSync(join(process.cwd(), 'examples/demo-city/inventory.yaml'), 'utf8'));
const demoPathway: unknown = parse(readFileSync(join(process.cwd(), 'examples/demo-city/pathway.yaml'), 'utf8'));

/** The problems of a pathway example: its own, or its inventory's. */
function pathwayIssues(block: string): readonly Issue[] {
  const loaded = engine.compilePathway({ pathway: parse(block), inventory: demoInventory });
  return loaded.ok ? [] : loaded.issues;
}

/** The problems of a plan example: its own and its pathway's, or its inventory's. */
function planIssues(block: string): readonly Issue[] {
  const loaded = engine.compilePlan({ plan: parse(block), pathway: demoPathway, inventory: demoInventory });
  return loaded.ok ? [] : loaded.issues;
}

for (const [file, blocks] of docsYamlBlocks()) {
  describe(`docs/${file}`, () => {
    blocks.forEach((block, index) => {
      const special = SPECIAL[file]?.[index];
      it(`example ${index} ${special === undefined ? 'computes' : typeof special === 'string' ? 'shows alternatives' : 'is invalid on purpose'}`, () => {
        if (special === 'alternatives') {
          expect(() => parse(block)).toThrow(/unique/);
          return;
        }
        if (CLUSTER_DOCS.has(file)) {
          // The file is read here; its members' inventories and pairings are computed by test/cluster-cli.test.ts.
          const read = readClusterFile(parse(block));
          expect(read.ok ? [] : read.issues).toEqual([]);
          return;
        }
        if (DISTRICT_DOCS.has(file)) {
          // The file is read here; its inventories, the reconciliation and the assessments are computed by test/district-cli.test.ts.
          const read = readDistrictFile(parse(block));
          expect(read.ok ? [] : read.issues).toEqual([]);
          return;
        }
        if (PATHWAY_DOCS.has(file) || PLAN_DOCS.has(file)) {
          const issues = PLAN_DOCS.has(file) ? planIssues(block) : pathwayIssues(block);
          if (special === undefined) expect(issues).toEqual([]);
          else expect(issues.length).toBe(special.invalid);
          return;
        }
        const document = asDocument(parse(block));
        expect(document, 'a list of lines, a line or a whole file').toBeDefined();
        const run = engine.inventory(document);
        if (special === undefined) expect(run.ok ? [] : run.issues).toEqual([]);
        else expect(run.ok ? 0 : run.issues.length).toBe(special.invalid);
      });
    });
  });
}
