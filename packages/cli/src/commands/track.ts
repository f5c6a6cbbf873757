import { createEngine, starterIndicators, warningsJson, type DocumentIssue, type Lang } from '@peakpath/core';
import { fileResolver, InputFileError, readDocument } from '@peakpath/node';
import { jsonText } from '../format/json.ts';
import type { CommandOutput } from '../output.ts';
import { TRACK_LABELS } from '../track/labels.ts';
import { renderStarter, renderTracking } from '../track/render.ts';
import { today } from '../today.ts';
import { issueReport } from './inventory.ts';
import { warningBlock } from './warnings.ts';

export interface TrackOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
  /** `--as-of`: the date to judge at (`YYYY-MM-DD`); today's by this computer's clock when absent, and the output says so. */
  readonly asOf?: string | undefined;
  /** `--starter`: the starter indicators instead of a file. */
  readonly starter?: boolean | undefined;
}

/** The engine's `asOf` is the CLI's `--as-of`: a problem with it is printed under the option's name. */
const asOption = (issues: readonly DocumentIssue[]): DocumentIssue[] =>
  issues.map((issue) => (issue.document.kind === 'request' && issue.path[0] === 'asOf' ? { ...issue, path: ['as-of', ...issue.path.slice(1)] } : issue));

/**
 * `peakpath track FILE`: a tracking file judged at a date — targets, indicators by area, actions, hazards and
 * the rules used; its `plan:` (relative to the file) gives the measures its actions may name. `--starter`:
 * the starter indicators.
 */
export async function trackCommand(file: string | undefined, options: TrackOptions): Promise<CommandOutput> {
  const t = TRACK_LABELS[options.lang];
  if ((file === undefined) === (options.starter !== true)) throw new InputFileError(t.fileOrStarter);
  if (file === undefined && options.asOf !== undefined) throw new InputFileError(t.starterAsOf);
  if (file === undefined) return { status: 0, stdout: options.json ? jsonText({ starter: starterIndicators() }, options.pretty) : renderStarter(options.lang) };
  const asOfFrom = options.asOf === undefined ? 'today' : 'option';
  const asOf = options.asOf ?? today();
  const document = await readDocument(file, { notice: (text) => process.stderr.write(`${text}\n`) });
  // No solver: a tracking file needs none, so HiGHS is not loaded.
  const engine = createEngine({ resolve: fileResolver });
  const run = await engine.tracking(document, { id: file, asOf });
  if (!run.ok) return { status: 2, stderr: issueReport(asOption(run.issues), options.lang) };
  const { tracking, result } = run.value;
  if (options.json) return { status: 0, stdout: jsonText({ asOf, asOfFrom, rules: result.rules, result, warnings: warningsJson(run.warnings) }, options.pretty) };
  return { status: 0, stdout: `${renderTracking(tracking, result, asOfFrom, options.lang)}${warningBlock(run.warnings, options.lang)}` };
}

