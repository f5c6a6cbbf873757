import { once } from 'node:events';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '@peakpath/core';
import type { PathwayOptions } from './commands/pathway.ts';
import type { PlanOptions } from './commands/plan.ts';
import type { ImportEnergyBalanceOptions } from './commands/import-energy-balance.ts';
import type { ExportOptions, ImportLinesOptions } from './commands/tables.ts';
import type { CommandOutput } from './output.ts';
import type { ServeOptions } from './commands/serve.ts';
import type { AdminOptions } from './commands/admin.ts';
import { internalErrorLine, outputLang, usageMessage } from './usage.ts';

// Each command's module (and what it needs: the factor library, HiGHS, worker threads) is imported when
// the command runs, not at start: `peakpath units` does not load the solver (BENCHMARKS.md, start-up).

/** --lang defaults to Chinese where the environment's locale is Chinese, English otherwise. */
const defaultLang = (): Lang => outputLang([], process.env);

/** `--pretty` beside every `--json`: indented JSON; compact otherwise. */
const prettyOption = (): Option => new Option('--pretty', 'indent the JSON of --json (compact otherwise)').default(false);

const langOption = (): Option => new Option('--lang <lang>', 'language of the output: zh or en').choices(['zh', 'en']).default(defaultLang());

/** Writes pieces to standard output, waiting whenever its buffer is full. */
async function writeAll(pieces: Iterable<string | Uint8Array>): Promise<void> {
  for (const piece of pieces) {
    if (!process.stdout.write(piece)) await once(process.stdout, 'drain');
  }
}

/** Runs the CLI with the given arguments; resolves to the exit status. */
const STRICT_FLAG = '--strict';
const STRICT_HELP = 'treat warnings (values far outside any city, duplicated lines) as errors: exit 2 / 将警告视为错误';

export async function main(argv: readonly string[]): Promise<number> {
  let output: CommandOutput | undefined;
  // Before commander has parsed anything: its usage errors come in the language the arguments ask for.
  const lang = outputLang(argv, process.env);
  const program = new Command('peakpath')
    .description('peakpath — city GHG inventories (GPC) from yearbook statistics, with sourced factors, pathways to 2060 and action plans')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: (text, write) => write(usageMessage(text, lang)) })
    .showHelpAfterError();

  program
    .command('inventory')
    .description('compute a GPC inventory file (JSON or YAML) / 计算 GPC 清单文件')
    .argument('<file>', 'inventory file')
    .option('--json', 'print the result as JSON (the inventory file contract)', false)
    .option(STRICT_FLAG, STRICT_HELP, false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: { json: boolean; pretty: boolean; lang: Lang; strict: boolean }) => {
      output = await (await import('./commands/inventory.ts')).inventoryCommand(file, options);
    });

  program
    .command('pathway')
    .description('project a pathway file to 2060: scenarios, peak, targets, Monte Carlo / 计算碳达峰碳中和路径')
    .argument('<file>', 'pathway file (JSON or YAML); its `inventory` names the base-year inventory')
    .option('--json', 'print the result as JSON', false)
    .option('--scenario <name>', 'the scenario to show in detail (default: the file\'s `default`)')
    .option('--mc <runs>', 'Monte Carlo runs over the file\'s `uncertainty`')
    .option('--seed <seed>', 'random seed of the Monte Carlo runs (default 1)')
    .option('--threads <n>', 'worker threads for Monte Carlo (default: one per core)')
    .option(STRICT_FLAG, STRICT_HELP, false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: PathwayOptions) => {
      output = await (await import('./commands/pathway.ts')).pathwayCommand(file, options);
    });

  program
    .command('plan')
    .description('action plan: MACC, least-cost portfolio under targets and budgets, priorities / 减排行动方案：边际减排成本曲线、最低成本组合、优先排序')
    .argument('<file>', 'plan file (JSON or YAML); its `pathway` names the pathway file')
    .option('--json', 'print the result as JSON', false)
    .option('--time-limit <seconds>', 'seconds the optimisation may take; past it, the best portfolio found with its proven gap (default 60)')
    .option('--mip-gap <gap>', 'relative gap at which a portfolio counts as the cheapest (default 0.0001)')
    .option(STRICT_FLAG, STRICT_HELP, false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (file: string, options: PlanOptions) => {
      output = await (await import('./commands/plan.ts')).planCommand(file, options);
    });

  program
    .command('import')
    .description('import statistics into an inventory file / 导入统计数据生成清单文件')
    .command('energy-balance')
    .description('an energy balance table (能源平衡表, XLSX or CSV) → an inventory file (YAML), every line traced to its cell / 由能源平衡表生成清单文件')
    .argument('<file>', 'the energy balance: .xlsx or .csv (UTF-8)')
    .requiredOption('--year <year>', 'the inventory year / 清单年份')
    .option('--sheet <name>', 'the sheet to read (XLSX; default the first)')
    .option('--out <file>', 'write the inventory here (default: standard output)')
    .option('--city <name>', 'the city\'s name, written into the file / 城市名称')
    .option('--grid <id>', 'the grid factor of the file (e.g. CN-east-2023; `peakpath factors grid`) / 电网排放因子')
    .option('--allow-unmapped', 'write the file even when rows or columns cannot be mapped, listing them (exit 2 without it)', false)
    .addOption(langOption())
    .action(async (file: string, options: ImportEnergyBalanceOptions) => {
      output = await (await import('./commands/import-energy-balance.ts')).importEnergyBalanceCommand(file, options);
    });

  program
    .command('export')
    .description('an inventory\'s lines (and indicators) as a spreadsheet, XLSX or CSV / 将清单活动数据（及指标）导出为 XLSX 或 CSV')
    .argument('<file>', 'inventory file (JSON or YAML)')
    .requiredOption('--to <table>', 'the file to write: .xlsx (lines and indicators sheets) or .csv (one table)')
    .addOption(new Option('--table <table>', 'the table a CSV holds').choices(['lines', 'indicators']).default('lines'))
    .addOption(langOption())
    .action(async (file: string, options: ExportOptions) => {
      output = await (await import('./commands/tables.ts')).exportCommand(file, options);
    });
  program.commands
    .find((command) => command.name() === 'import')!
    .command('lines')
    .description('a table of activity lines (XLSX or CSV, e.g. from `peakpath export`) → the activities of an inventory file / 由活动数据表更新清单文件')
    .argument('<table>', 'the table: .xlsx or .csv (UTF-8)')
    .requiredOption('--into <file>', 'the inventory file whose activities the table replaces')
    .option('--out <file>', 'write the result here (default: the --into file itself)')
    .addOption(langOption())
    .action(async (table: string, options: ImportLinesOptions) => {
      output = await (await import('./commands/tables.ts')).importLinesCommand(table, options);
    });

  program
    .command('catalogue')
    .description('search the action catalogue: measures with costs, levers and sources / 查询减排措施目录')
    .argument('[query...]', 'words to search for in ids and names (Chinese or English)')
    .option('--category <category>', 'only measures of this category (energy-supply, buildings, transport, industry, waste, sinks)')
    .option('--json', 'print JSON', false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (words: string[], options: { json: boolean; pretty: boolean; lang: Lang; category?: string }) => {
      output = (await import('./commands/catalogue.ts')).catalogueCommand(words.length === 0 ? undefined : words.join(' '), options);
    });

  program
    .command('factors')
    .description('list and search the factor library with sources / 检索因子库')
    .argument('[query...]', 'words to search for in ids, names, fuels, gases, sources (all must match)')
    .option('--kind <kind>', 'only factors of this kind (ncv, co2-ef, grid, gwp, …)')
    .option('--json', 'print JSON', false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (words: string[], options: { json: boolean; pretty: boolean; lang: Lang; kind?: string }) => {
      output = (await import('./commands/factors.ts')).factorsCommand(words.length === 0 ? undefined : words.join(' '), options);
    });

  program
    .command('units')
    .description('list the units an inventory file accepts / 列出可用单位')
    .option('--json', 'print JSON', false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (options: { json: boolean; pretty: boolean; lang: Lang }) => {
      output = (await import('./commands/units.ts')).unitsCommand(options);
    });

  program
    .command('methods')
    .description('list the calculation methods of `method` lines / 列出计算方法')
    .option('--json', 'print JSON', false)
    .addOption(prettyOption())
    .addOption(langOption())
    .action(async (options: { json: boolean; pretty: boolean; lang: Lang }) => {
      output = (await import('./commands/methods.ts')).methodsCommand(options);
    });

  program
    .command('serve')
    .description('serve the HTTP API and its docs over the workspace database (DATABASE_URL, else --data) / 启动 HTTP 服务')
    .option('--port <n>', 'port to listen on (0: any free port)', '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data <dir>', 'the embedded database\'s folder when DATABASE_URL is not set', 'data')
    .option('--no-seed', 'do not seed the illustrative demo network on the first start')
    .option('--secure-cookies', 'mark the session cookie Secure (when an https proxy is in front)', false)
    .option('--no-result-cache', 'compute every result anew instead of reading the cache by version (benchmarks)')
    .action(async (options: ServeOptions) => {
      output = await (await import('./commands/serve.ts')).serveCommand(options);
    });

  program
    .command('admin')
    .description('administrators of the workspace database (password from PEAKPATH_PASSWORD, else generated and shown once) / 管理员账户')
    .argument('<action>', 'create or set-password')
    .argument('<email>', 'the administrator\'s email')
    .option('--data <dir>', 'the embedded database\'s folder when DATABASE_URL is not set', 'data')
    .option('--name <name>', 'display name (create)')
    .action(async (action: string, email: string, options: AdminOptions) => {
      if (action !== 'create' && action !== 'set-password') {
        output = { status: 2, stderr: `admin: expected create or set-password, got "${action}" / 应为 create 或 set-password\n` };
        return;
      }
      output = await (await import('./commands/admin.ts')).adminCommand(action, email, options);
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
