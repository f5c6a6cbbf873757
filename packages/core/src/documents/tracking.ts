import { z } from 'zod';
import { DOCUMENT_VERSIONS } from '../reading/versions.ts';
import { HAZARD_TYPES } from '../tracking/read-actions.ts';
import { ACTION_PHASES, ACTION_STATUSES, TRACKING_AREAS } from '../tracking/types.ts';
import { bilingualName, count, formatVersion, fraction, id, schemaReference, text } from './shared.ts';

/** The tracking file (docs/tracking.md): its shape; tracking/parse.ts remains the validator (dates, references, goals). */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ id: 'date', description: 'a date, YYYY-MM-DD' });
const trackingYear = z.int().min(1900).max(2100);
const level = z.enum(['low', 'medium', 'high']);
const change = z.enum(['increase', 'decrease', 'no-change', 'unknown']);
const area = z.enum(TRACKING_AREAS);
const list = z.array(text);

const observation = z.strictObject({ year: trackingYear, value: z.number(), source: text.optional(), note: text.optional() }).meta({ id: 'observation', description: 'a value in a year, with its source' });

const indicator = z.strictObject({
  area,
  name: bilingualName,
  unit: text,
  direction: z.enum(['increase', 'decrease']),
  base: observation,
  goals: z.array(observation).optional(),
  actuals: z.array(observation.extend({ source: text })).optional(),
  nextUpdate: date.optional(),
  owner: text.optional(),
  official: z.enum(['co2-per-gdp-decline', 'energy-per-gdp-decline', 'non-fossil-share', 'energy-co2', 'total-energy']).optional(),
  definitionSource: text.optional(),
});

const target = z.strictObject({
  name: bilingualName,
  kind: z.enum(['peak', 'cap', 'intensity-decline', 'non-fossil-share', 'neutrality', 'sector']),
  cdpType: z.enum(['base-year-absolute', 'base-year-intensity', 'fixed-level', 'baseline-scenario']),
  sector: z.enum(['I', 'II', 'III', 'IV', 'V']).optional(),
  boundary: z.enum(['basic', 'basic-plus', 'energy-co2']),
  baseYear: trackingYear.optional(),
  targetYear: trackingYear,
  reduction: fraction.optional().meta({ description: 'a reduction below the indicator’s base value (or `baseline`), 0–1 or "18%"; give this or `level`' }),
  level: z.number().optional().meta({ description: 'the indicator’s value in the target year, in its unit; give this or `reduction`' }),
  baseline: z.number().optional().meta({ description: 'the baseline scenario’s value in the target year (baseline-scenario targets)' }),
  indicator: text,
  pathwayTarget: text.optional(),
  source: text.optional(),
});

const action = z.strictObject({
  name: bilingualName,
  kind: z.enum(['mitigation', 'adaptation']),
  area,
  measure: text.optional().meta({ description: 'the plan or catalogue measure it implements' }),
  hazards: list.optional(),
  lead: text,
  collaborators: list.optional(),
  phase: z.enum(ACTION_PHASES),
  status: z.strictObject({ value: z.enum(ACTION_STATUSES), reason: bilingualName }).optional().meta({ description: 'a status set by hand, with its reason; derived from the tasks when absent' }),
  start: date.optional(),
  end: date.optional(),
  tasks: z.array(z.strictObject({ name: bilingualName, due: date, done: date.optional() })).optional(),
  updates: z.array(z.strictObject({ date, text: bilingualName, author: text.optional() })).optional(),
  budget: z.strictObject({ planned: z.number().min(0), spent: z.number().min(0), unit: text }).optional(),
  indicators: list.optional(),
});

const hazard = z.strictObject({
  type: z.enum(HAZARD_TYPES),
  name: bilingualName,
  probability: level,
  magnitude: level,
  frequencyChange: change,
  intensityChange: change,
  timescale: z.enum(['current', 'short', 'medium', 'long']),
  sectors: list.optional(),
  population: count.optional(),
  vulnerableGroups: list.optional(),
  adaptiveCapacity: level,
  source: text.optional(),
});

const practice = z.strictObject({
  city: bilingualName,
  title: bilingualName,
  area,
  sector: text.optional(),
  measures: list.optional().meta({ description: 'catalogue measures the case illustrates' }),
  summary: bilingualName,
  results: z.array(z.strictObject({ name: bilingualName, value: z.number(), unit: text, year: trackingYear.optional() })).optional(),
  sources: z.array(text).min(1),
  year: trackingYear.optional(),
});

export const trackingSchema = z
  .strictObject({
    $schema: schemaReference,
    version: formatVersion(DOCUMENT_VERSIONS.tracking.current, 'tracking'),
    city: bilingualName,
    inventory: text.optional(),
    pathway: text.optional(),
    plan: text.optional().meta({ description: 'the plan file, relative to this file: actions’ measures are checked against its measures' }),
    rules: z.strictObject({ atRisk: fraction, updateDays: z.int().positive(), staleDays: z.int().positive() }).optional().meta({ description: 'the status rules; defaults atRisk 0.8, updateDays 90, staleDays 180' }),
    targets: z.record(id, target).optional(),
    indicators: z.record(id, indicator).optional(),
    actions: z.record(id, action).optional(),
    hazards: z.record(id, hazard).optional(),
    practices: z.record(id, practice).optional(),
    cooperation: z.array(z.strictObject({ year: trackingYear, text: bilingualName, partners: list.optional() })).optional(),
  })
  .meta({ title: 'peakpath tracking file', description: 'Targets, indicators, actions, hazards and good practice a city tracks (docs/tracking.md).' });

export type TrackingDocument = z.infer<typeof trackingSchema>;
