import type { Lang } from '@peakpath/core';

/**
 * The `--help` texts of every command and option, in both languages: help is printed in the language the output
 * would take (`--lang` among the arguments, else the locale), like the commands' own output.
 */
export const HELP = {
  program: {
    en: 'peakpath — city GHG inventories (GPC) from yearbook statistics, with sourced factors, pathways to 2060 and action plans',
    zh: 'peakpath——由统计年鉴数据编制城市温室气体清单（GPC），因子均注明来源；测算至 2060 年的碳达峰碳中和路径与减排行动方案',
  },
  json: { en: 'print the result as JSON', zh: '以 JSON 输出结果' },
  inventoryJson: { en: 'print the result as JSON (the inventory file contract)', zh: '以 JSON 输出结果（清单文件约定的格式）' },
  pretty: { en: 'indent the JSON of --json (compact otherwise)', zh: '缩进 --json 输出的 JSON（否则为紧凑格式）' },
  lang: { en: 'language of the output: zh or en', zh: '输出语言：中文 zh 或英文 en' },
  langDefault: {
    en: 'zh where the locale is Chinese (PEAKPATH_LANG, else LC_ALL, else LANG starting with "zh"), else en',
    zh: '区域设置为中文时为 zh，否则为 en；区域设置取 PEAKPATH_LANG、LC_ALL、LANG 中首个已设置者，以 "zh" 开头即为中文',
  },
  strict: {
    en: 'treat warnings (values far outside any city, duplicated lines) as errors: exit 2',
    zh: '将警告（远超任何城市的数值、重复的行）视为错误：退出码 2',
  },
  help: { en: 'display help for command', zh: '显示命令帮助' },
  helpCommand: { en: 'display help for command', zh: '显示某个命令的帮助' },
  inventory: { en: 'compute a GPC inventory file (JSON or YAML)', zh: '计算 GPC 清单文件（JSON 或 YAML）' },
  inventoryFile: { en: 'inventory file', zh: '清单文件' },
  pathway: { en: 'project a pathway file to 2060: scenarios, peak, targets, Monte Carlo', zh: '计算至 2060 年的碳达峰碳中和路径：情景、达峰、目标、蒙特卡洛模拟' },
  pathwayFile: { en: 'pathway file (JSON or YAML); its `inventory` names the base-year inventory', zh: '路径文件（JSON 或 YAML）；其中 `inventory` 指明基年清单' },
  scenario: { en: "the scenario to show in detail (default: the file's `default`)", zh: '详细显示的情景（默认为文件中的 `default`）' },
  mc: { en: "Monte Carlo runs over the file's `uncertainty`", zh: '按文件中的 `uncertainty` 进行蒙特卡洛模拟的次数' },
  seed: { en: 'random seed of the Monte Carlo runs (default 1)', zh: '蒙特卡洛模拟的随机种子（默认 1）' },
  threads: { en: 'worker threads for Monte Carlo (default: one per core)', zh: '蒙特卡洛模拟的工作线程数（默认每个处理器核心一个）' },
  plan: {
    en: 'action plan: MACC, least-cost portfolio under targets and budgets, priorities',
    zh: '减排行动方案：边际减排成本曲线（MACC）、满足目标与预算的最低成本组合、优先排序',
  },
  report: {
    en: 'the annual report of a city (HTML or PDF, Chinese or English): inventory, official quantities, targets, pathway with uncertainty, actions, every figure with its document version',
    zh: '城市年度报告（HTML 或 PDF，中文或英文）：清单、国家口径指标、目标、含不确定性的路径、行动；每个数字注明其文档版本',
  },
  reportTarget: {
    en: "a tracking, plan or pathway file (its references are followed to the plan, pathway and inventory), or a city's slug in the workspace (--data or DATABASE_URL)",
    zh: '跟踪、行动方案或路径文件（按其引用找到行动方案、路径与清单），或工作区中城市的标识（--data 或 DATABASE_URL）',
  },
  reportAsOf: { en: "the date the tracking's statuses are judged at, YYYY-MM-DD (default: today, stated)", zh: '跟踪状态的判定日期 YYYY-MM-DD（默认今天，并予以说明）' },
  reportYear: { en: 'the report year: the latest inventory up to it is reported', zh: '报告年度：采用不晚于该年的最新清单' },
  reportFormat: { en: 'html (self-contained) or pdf (Chromium print)', zh: 'html（自包含）或 pdf（由 Chromium 打印）' },
  reportOut: { en: 'the file to write', zh: '输出文件' },
  reportRuns: { en: 'Monte Carlo runs for the uncertainty band (default 1,000; 0 for none)', zh: '不确定性区间的蒙特卡洛模拟次数（默认 1,000；0 为不模拟）' },
  reportIllustrative: { en: 'mark every page as illustrative (invented data)', zh: '标明报告为示例（虚构数据）' },
  planFile: { en: 'plan file (JSON or YAML); its `pathway` names the pathway file', zh: '行动方案文件（JSON 或 YAML）；其中 `pathway` 指明路径文件' },
  timeLimit: {
    en: 'seconds the optimisation may take; past it, the best portfolio found with its proven gap (default 60)',
    zh: '优化可用的秒数；超时则给出已找到的最优组合及其已证明的差距（默认 60）',
  },
  mipGap: { en: 'relative gap at which a portfolio counts as the cheapest (default 0.0001)', zh: '组合视为成本最低的相对差距（默认 0.0001）' },
  track: {
    en: "track a city's targets, indicators (eight areas), actions and climate hazards at a date",
    zh: '跟踪评估城市的目标、指标（八个领域）、行动与气候风险在某一日期的进展',
  },
  trackFile: { en: 'tracking file (JSON or YAML); its `plan` names the plan whose measures actions may name', zh: '跟踪评估文件（JSON 或 YAML）；其中 `plan` 指明行动方案，行动的 `measure` 须为其措施' },
  asOf: {
    en: "the date to judge at, YYYY-MM-DD (default: today's date by this computer's clock, stated in the output)",
    zh: '评估日期，YYYY-MM-DD（默认为本机时钟的今日日期，并在输出中注明）',
  },
  starter: { en: 'list the starter indicators by area (unit, direction, definition source) instead of a file', zh: '按领域列出入门指标（单位、方向、定义来源），不读文件' },
  cluster: {
    en: "a cluster's inventory from its members' (a city region, districts, parks): each internal flow counted once, with the reconciliation; when the members name pathways, the cluster's pathways, peak and each member's contribution",
    zh: '由成员清单合并城市群清单（都市圈、区县、园区）：内部流量只计一次，并给出对账表；成员指定路径时，给出城市群路径、达峰及各成员贡献',
  },
  clusterScenario: { en: 'the cluster scenario shown in detail (`pathways.scenarios`; default: the file’s)', zh: '详细显示的城市群情景（`pathways.scenarios`；默认为文件所定）' },
  clusterFile: {
    en: 'cluster file (JSON or YAML): its members, each with its inventory file (and pathway file) relative to the cluster file, the pairings of their cross-boundary lines, and how their pathways run together',
    zh: '城市群文件（JSON 或 YAML）：成员及其清单文件（与路径文件，相对于本文件）、跨界活动行的配对，以及成员路径如何合成',
  },
  district: {
    en: 'a city against its parts (districts, parks, communities) and the remainder, with differences and convention mismatches; parts assessed as climate positive or near-zero carbon',
    zh: '核对城市与其组成部分（区县、园区、社区）及其余部分，列出差异与口径不一致；评估组成部分是否达到气候正效益或近零碳排放标准',
  },
  districtFile: {
    en: 'district file (JSON or YAML): the city’s and each part’s inventory file (relative to the district file), the remainder, the assessments',
    zh: '区县园区文件（JSON 或 YAML）：城市及各组成部分的清单文件（相对于本文件）、其余部分、评估',
  },
  import: { en: 'import statistics into an inventory file', zh: '导入统计数据生成清单文件' },
  energyBalance: {
    en: 'an energy balance table (XLSX or CSV) → an inventory file (YAML), every line traced to its cell',
    zh: '由能源平衡表（XLSX 或 CSV）生成清单文件（YAML），每行注明所取的单元格',
  },
  energyBalanceFile: { en: 'the energy balance: .xlsx or .csv (UTF-8)', zh: '能源平衡表：.xlsx 或 .csv（UTF-8 编码）' },
  year: { en: 'the inventory year', zh: '清单年份' },
  sheet: { en: 'the sheet to read (XLSX; default the first)', zh: '读取的工作表（XLSX；默认第一个）' },
  out: { en: 'write the inventory here (default: standard output)', zh: '清单写入此文件（默认输出到标准输出）' },
  city: { en: "the city's name, written into the file", zh: '城市名称，写入清单文件' },
  grid: { en: 'the grid factor of the file (e.g. CN-east-2023; `peakpath factors grid`)', zh: '清单采用的电网排放因子（如 CN-east-2023；可用 `peakpath factors grid` 查询）' },
  allowUnmapped: {
    en: 'write the file even when rows or columns cannot be mapped, listing them (exit 2 without it)',
    zh: '有无法对应的行或列时仍写出文件，并列出这些行列（不加此选项则退出码为 2）',
  },
  catalogue: { en: 'search the action catalogue: measures with costs, levers and sources', zh: '查询减排措施目录：各项措施的成本、作用与来源' },
  catalogueQuery: { en: 'words to search for in ids and names (Chinese or English)', zh: '在编号与名称（中文或英文）中查找的词' },
  category: {
    en: 'only measures of this category (energy-supply, buildings, transport, industry, waste, sinks)',
    zh: '仅列出此类别的措施（energy-supply、buildings、transport、industry、waste、sinks）',
  },
  factors: { en: 'list and search the factor library with sources', zh: '检索因子库，列出每个因子的来源' },
  factorsQuery: { en: 'words to search for in ids, names, fuels, gases, sources (all must match)', zh: '在编号、名称、燃料、气体、来源中查找的词（须全部匹配）' },
  kind: { en: 'only factors of this kind (ncv, co2-ef, grid, gwp, …)', zh: '仅列出此类因子（ncv、co2-ef、grid、gwp 等）' },
  units: { en: 'list the units an inventory file accepts', zh: '列出清单文件可用的单位' },
  methods: { en: 'list the calculation methods of `method` lines', zh: '列出 `method` 行可用的计算方法' },
  export: { en: "an inventory's lines (and indicators), or a standard table of an inventory or a tracking file, as a spreadsheet, XLSX or CSV", zh: '将清单的活动数据（及指标），或清单、跟踪文件的标准表，导出为 XLSX 或 CSV 表格' },
  exportTo: { en: 'the file to write: .xlsx (lines and indicators sheets) or .csv (one table)', zh: '写入的文件：.xlsx（活动数据与指标两张工作表）或 .csv（一张表）' },
  exportTable: {
    en: 'the table: lines or indicators of an inventory (a CSV holds one); gpc or cdp-emissions of an inventory; cdp-targets, tracking-indicators or actions of a tracking file',
    zh: '导出的表：清单的 lines 或 indicators（CSV 只含一张）；清单的 gpc 或 cdp-emissions；跟踪文件的 cdp-targets、tracking-indicators 或 actions',
  },
  exportBoundary: { en: 'the inventory boundary as the CDP emissions table states it (e.g. "administrative boundary of the city")', zh: 'CDP 排放表所述的清单边界（如“全市行政区域”）' },
  exportAsOf: { en: "a tracking table's date: statuses and progress judged at YYYY-MM-DD (default: today, stated)", zh: '跟踪表的判定日期 YYYY-MM-DD（默认今天，并予以说明）' },
  importLines: { en: 'a table of activity lines (XLSX or CSV, e.g. from `peakpath export`) → the activities of an inventory file', zh: '由活动数据表（XLSX 或 CSV，如 `peakpath export` 导出的）更新清单文件的活动数据' },
  importLinesTable: { en: 'the table: .xlsx or .csv (UTF-8)', zh: '数据表：.xlsx 或 .csv（UTF-8 编码）' },
  importLinesInto: { en: 'the inventory file whose activities the table replaces', zh: '以该表替换其活动数据的清单文件' },
  importLinesOut: { en: 'write the result here (default: the --into file itself)', zh: '结果写入此文件（默认写回 --into 指定的文件）' },
  serve: { en: 'serve the HTTP API and its docs over the workspace database (DATABASE_URL, else --data)', zh: '启动工作区的 HTTP 接口及其文档（数据库取 DATABASE_URL，否则为 --data 文件夹）' },
  port: { en: 'port to listen on (0: any free port)', zh: '监听端口（0 为任一空闲端口）' },
  host: { en: 'address to listen on', zh: '监听地址' },
  data: { en: "the embedded database's folder when DATABASE_URL is not set", zh: '未设置 DATABASE_URL 时内嵌数据库所在的文件夹' },
  noSeed: { en: 'do not seed the illustrative demo network on the first start', zh: '首次启动时不写入示例城市网络' },
  secureCookies: { en: 'mark the session cookie Secure (when an https proxy is in front)', zh: '会话 Cookie 标记为 Secure（前置 https 代理时使用）' },
  noResultCache: { en: 'compute every result anew instead of reading the cache by version (benchmarks)', zh: '每次重新计算结果，不读取按版本缓存的结果（用于性能测试）' },
  admin: { en: 'administrators of the workspace database (password from PEAKPATH_PASSWORD, else generated and shown once)', zh: '工作区管理员账户（密码取 PEAKPATH_PASSWORD，否则自动生成并仅显示一次）' },
  adminAction: { en: 'create or set-password', zh: 'create（创建）或 set-password（重设密码）' },
  adminEmail: { en: "the administrator's email", zh: '管理员的电子邮箱' },
  adminName: { en: 'display name (create)', zh: '显示名称（创建时）' },
  backup: { en: 'back up the workspace database to one file (every table in one snapshot)', zh: '将工作区数据库备份为一个文件（所有表取自同一快照）' },
  restore: { en: 'restore a backup into an empty workspace (audit chain and contents verified first)', zh: '将备份恢复到空的工作区（先校验审计链与内容）' },
  backupFile: { en: 'the backup file', zh: '备份文件' },
  audit: { en: "the workspace's audit trail", zh: '工作区审计记录' },
  auditVerify: { en: 'check the hash chain of the audit trail; names the first broken link (exit 1)', zh: '校验审计记录的哈希链；如有断开，指出第一处（退出码 1）' },
} as const satisfies Record<string, { readonly en: string; readonly zh: string }>;

export type HelpKey = keyof typeof HELP;

/** Commander's headings and the words of its option notes, in Chinese. */
const TITLES_ZH: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

export function helpTitle(title: string, lang: Lang): string {
  return lang === 'zh' ? (TITLES_ZH[title] ?? title) : title;
}

/** The note after an option's description: its choices and, where it is not a plain switch, its default. */
export function optionNote(choices: readonly string[] | undefined, defaultText: string | undefined, lang: Lang): string {
  const parts: string[] = [];
  if (choices !== undefined) parts.push(lang === 'zh' ? `可选值：${choices.join('、')}` : `choices: ${choices.join(', ')}`);
  if (defaultText !== undefined) parts.push(lang === 'zh' ? `默认：${defaultText}` : `default: ${defaultText}`);
  if (parts.length === 0) return '';
  return lang === 'zh' ? `（${parts.join('；')}）` : ` (${parts.join('; ')})`;
}
