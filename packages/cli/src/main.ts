import { once } from 'node:events';
import { Command, CommanderError, Help, Option } from 'commander';
import type { Lang } from '@peakpath/core';
import type { PathwayOptions } from './commands/pathway.ts';
import type { PlanOptions } from './commands/plan.ts';
import type { TrackOptions } from './commands/track.ts';
import type { ClusterOptions } from './commands/cluster.ts';
import type { DistrictOptions } from './commands/district.ts';
import type { ImportEnergyBalanceOptions } from './commands/import-energy-balance.ts';
import type { ExportOptions, ImportLinesOptions } from './commands/tables.ts';
import type { CommandOutput } from './output.ts';
import type { ServeOptions } from './commands/serve.ts';
import type { AdminOptions } from './commands/admin.ts';
import type { WorkspaceOptions } from './commands/workspace.ts';
import type { ReportOptions } from './commands/report.ts';
import { HELP, helpTitle, optionNote, type HelpKey } from './help.ts';
import { internalErrorLine, outputLang, usageMessage } from './usage.ts';

// Each command's module (and what it needs: the factor library, HiGHS, worker threads) is imported when
// the command runs, not at start: `peakpath units` does not load the solver (BENCHMARKS.md, start-up).

/** --lang defaults to Chinese where the environment's locale is Chinese, English otherwise. */
const defaultLang = (): Lang => outputLang([], process.env);

/** Writes pieces to standard output, waiting whenever its buffer is full. */
async function writeAll(pieces: Iterable<string | Uint8Array>): Promise<void> {
  for (const piece of pieces) {
    if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
}

/** Runs the CLI with the given arguments; resolves to the exit status. */
const STRICT_FLAG = '--strict';

export async function main(argv: readonly string[]): Promise<number> {
  let output: CommandOutput | undefined;
  // Before commander has parsed anything: its usage errors come in the language the arguments ask for.
  const lang = outputLang(argv, process.env);
  // Help in the same language; the default of --lang is stated as its rule, not as the value this locale gives.
  const h = (key: HelpKey): string => HELP[key][lang];
  const prettyOption = (): Option => new Option('--pretty', h('pretty')).default(false);
  const langOption = (): Option => new Option('--lang <lang>', h('lang')).choices(['zh', 'en']).default(defaultLang(), h('langDefault'));
  const program = new Command('peakpath')
    .description(h('program'))
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(usageMessage(text, lang)) })
    .configureHelp({
      styleTitle: (title) => helpTitle(title, lang),
      // Commander puts a space after the usage title; after a full-width colon (用法：) there is none.
      formatHelp: (command, helper) => Help.prototype.formatHelp.call(helper, command, helper).replace(/^(\S+：) /u, '$1'),
      optionDescription: (option) => {
        // A switch's default (false) says nothing; an option with a value states its choices and default.
        const defaultText = option.isBoolean() || option.defaultValue === undefined ? undefined : (option.defaultValueDescription ?? String(option.defaultValue));
        return `${option.description}${optionNote(option.argChoices, defaultText, lang)}`;
      },
    })
    .helpOption('-h, --help', h('help'))
    .helpCommand('help [command]', h('helpCommand'))
    .showHelpAfterError();

  program
    .command('inventory')
    .description(h('inventory'))
    .argument('<file>', h('inventoryFile'))
    .option('--json', h('inventoryJson'), false)
    .option(STRICT_FLAG, h('strict'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: { json: boolean; pretty: boolean; lang: Lang; strict: boolean }) => {
      output = await (await import('./commands/inventory.ts')).inventoryCommand(file, options);
    });

  program
    .command('pathway')
    .description(h('pathway'))
    .argument('<file>', h('pathwayFile'))
    .option('--json', h('json'), false)
    .option('--scenario <name>', h('scenario'))
    .option('--mc <runs>', h('mc'))
    .option('--seed <seed>', h('seed'))
    .option('--threads <n>', h('threads'))
    .option(STRICT_FLAG, h('strict'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: PathwayOptions) => {
      output = await (await import('./commands/pathway.ts')).pathwayCommand(file, options);
    });

  program
    .command('plan')
    .description(h('plan'))
    .argument('<file>', h('planFile'))
    .option('--json', h('json'), false)
    .option('--time-limit <seconds>', h('timeLimit'))
    .option('--mip-gap <gap>', h('mipGap'))
    .option(STRICT_FLAG, h('strict'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: PlanOptions) => {
      output = await (await import('./commands/plan.ts')).planCommand(file, options);
    });

  program
    .command('track')
    .description(h('track'))
    .argument('[file]', h('trackFile'))
    .option('--as-of <date>', h('asOf'))
    .option('--starter', h('starter'), false)
    .option('--json', h('json'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string | undefined, options: TrackOptions) => {
      output = await (await import('./commands/track.ts')).trackCommand(file, options);
    });

  program
    .command('cluster')
    .description(h('cluster'))
    .argument('<file>', h('clusterFile'))
    .option('--json', h('json'), false)
    .option('--scenario <name>', h('clusterScenario'))
    .option('--mc <runs>', h('mc'))
    .option('--seed <seed>', h('seed'))
    .option('--threads <n>', h('threads'))
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: ClusterOptions) => {
      output = await (await import('./commands/cluster.ts')).clusterCommand(file, options);
    });

  program
    .command('district')
    .description(h('district'))
    .argument('<file>', h('districtFile'))
    .option('--json', h('json'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: DistrictOptions) => {
      output = await (await import('./commands/district.ts')).districtCommand(file, options);
    });

  program
    .command('report')
    .description(h('report'))
    .argument('<city-or-file>', h('reportTarget'))
    .requiredOption('--year <year>', h('reportYear'))
    .addOption(new Option('--format <format>', h('reportFormat')).choices(['html', 'pdf']).default('html'))
    .requiredOption('--out <path>', h('reportOut'))
    .option('--runs <n>', h('reportRuns'))
    .option('--seed <seed>', h('seed'))
    .option('--illustrative', h('reportIllustrative'), false)
    .option('--as-of <date>', h('reportAsOf'))
    .option('--data <dir>', h('data'), 'data')
    .addOption(langOption())
    .action(async (target: string, options: ReportOptions) => {
      output = await (await import('./commands/report.ts')).reportCommand(target, options);
    });

  program
    .command('import')
    .description(h('import'))
    .command('energy-balance')
    .description(h('energyBalance'))
    .argument('<file>', h('energyBalanceFile'))
    .requiredOption('--year <year>', h('year'))
    .option('--sheet <name>', h('sheet'))
    .option('--out <file>', h('out'))
    .option('--city <name>', h('city'))
    .option('--grid <id>', h('grid'))
    .option('--allow-unmapped', h('allowUnmapped'), false)
    .addOption(langOption())
    .action(async (file: string, options: ImportEnergyBalanceOptions) => {
      output = await (await import('./commands/import-energy-balance.ts')).importEnergyBalanceCommand(file, options);
    });

  program
    .command('export')
    .description(h('export'))
    .argument('<file>', h('inventoryFile'))
    .requiredOption('--to <table>', h('exportTo'))
    .addOption(new Option('--table <table>', h('exportTable')).choices(['lines', 'indicators', 'gpc', 'cdp-emissions', 'cdp-targets', 'tracking-indicators', 'actions']).default('lines'))
    .option('--as-of <date>', h('exportAsOf'))
    .option('--boundary <text>', h('exportBoundary'))
    .addOption(langOption())
    .action(async (file: string, options: ExportOptions) => {
      output = await (await import('./commands/tables.ts')).exportCommand(file, options);
    });
  program.commands
    .find((command) => command.name() === 'import')!
    .command('lines')
    .description(h('importLines'))
    .argument('<table>', h('importLinesTable'))
    .requiredOption('--into <file>', h('importLinesInto'))
    .option('--out <file>', h('importLinesOut'))
    .addOption(langOption())
    .action(async (table: string, options: ImportLinesOptions) => {
      output = await (await import('./commands/tables.ts')).importLinesCommand(table, options);
    });

  program
    .command('catalogue')
    .description(h('catalogue'))
    .argument('[query...]', h('catalogueQuery'))
    .option('--category <category>', h('category'))
    .option('--json', h('json'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (words: string[], options: { json: boolean; pretty: boolean; lang: Lang; category?: string }) => {
      output = (await import('./commands/catalogue.ts')).catalogueCommand(words.length === 0 ? undefined : words.join(' '), options);
    });

  program
    .command('factors')
    .description(h('factors'))
    .argument('[query...]', h('factorsQuery'))
    .option('--kind <kind>', h('kind'))
    .option('--json', h('json'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (words: string[], options: { json: boolean; pretty: boolean; lang: Lang; kind?: string }) => {
      output = (await import('./commands/factors.ts')).factorsCommand(words.length === 0 ? undefined : words.join(' '), options);
    });

  program
    .command('units')
    .description(h('units'))
    .option('--json', h('json'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (options: { json: boolean; pretty: boolean; lang: Lang }) => {
      output = (await import('./commands/units.ts')).unitsCommand(options);
    });

  program
    .command('methods')
    .description(h('methods'))
    .option('--json', h('json'), false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (options: { json: boolean; pretty: boolean; lang: Lang }) => {
      output = (await import('./commands/methods.ts')).methodsCommand(options);
    });

  program
    .command('serve')
    .description(h('serve'))
    .option('--port <n>', h('port'), '3000')
    .option('--host <host>', h('host'), '127.0.0.1')
    .option('--data <dir>', h('data'), 'data')
    .option('--no-seed', h('noSeed'))
    .option('--secure-cookies', h('secureCookies'), false)
    .option('--no-result-cache', h('noResultCache'))
    .action(async (options: ServeOptions) => {
      output = await (await import('./commands/serve.ts')).serveCommand(options);
    });

  program
    .command('admin')
    .description(h('admin'))
    .argument('<action>', h('adminAction'))
    .argument('<email>', h('adminEmail'))
    .option('--data <dir>', h('data'), 'data')
    .option('--name <name>', h('adminName'))
    .addOption(langOption())
    .action(async (action: string, email: string, options: AdminOptions) => {
      if (action !== 'create' && action !== 'set-password') {
        output = { status: 2, stderr: lang === 'zh' ? `admin：应为 create 或 set-password，而不是 "${action}"\n` : `admin: expected create or set-password, got "${action}"\n` };
        return;
      }
      output = await (await import('./commands/admin.ts')).adminCommand(action, email, options);
    });

  program
    .command('backup')
    .description(h('backup'))
    .argument('<file>', h('backupFile'))
    .option('--data <dir>', h('data'), 'data')
    .addOption(langOption())
    .action(async (file: string, options: WorkspaceOptions) => {
      output = await (await import('./commands/workspace.ts')).backupCommand(file, options);
    });

  program
    .command('restore')
    .description(h('restore'))
    .argument('<file>', h('backupFile'))
    .option('--data <dir>', h('data'), 'data')
    .addOption(langOption())
    .action(async (file: string, options: WorkspaceOptions) => {
      output = await (await import('./commands/workspace.ts')).restoreCommand(file, options);
    });

  program
    .command('audit')
    .description(h('audit'))
    .command('verify')
    .description(h('auditVerify'))
    .option('--data <dir>', h('data'), 'data')
    .addOption(langOption())
    .action(async (options: WorkspaceOptions) => {
      output = await (await import('./commands/workspace.ts')).auditVerifyCommand(options);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with exit code 0; usage errors are input errors.
      return error.exitCode === 0 ? 0 : 2;
    }
    // A command that failed on its input has loaded @peakpath/node already: this import costs nothing then.
    const { InputFileError } = await import('@peakpath/node');
    if (error instanceof InputFileError) {
      process.stderr.write(`${error.message}\n`);
      return 2;
    }
    process.stderr.write(internalErrorLine(error instanceof Error ? error.message : String(error), lang));
    if (process.env['PEAKPATH_DEBUG'] && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    return 1;
  }
  if (!output) {
    program.outputHelp();
    return 0;
  }
  if (typeof output.stdout === 'string') process.stdout.write(output.stdout);
  else if (output.stdout) await writeAll(output.stdout);
  if (output.stderr) process.stderr.write(output.stderr);
  return output.status;
}
