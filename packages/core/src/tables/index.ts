/** Inventory lines and indicators as spreadsheet tables, both ways (docs/import-export.md). */
export { LINE_COLUMNS, LINES_SHEET, INDICATORS_SHEET, headerKey, type ColumnShape, type LineColumn, type TableCell, type TableSheet } from './columns.ts';
export { linesTable, TABULAR_FIELDS } from './lines-export.ts';
export { linesFromTable, placeOfPath, type LinePlace, type LinesImport } from './lines-import.ts';
export { indicatorsTable, indicatorsFromTable, type IndicatorsImport } from './indicators.ts';
export { tableProblem, type TableProblem, type TableProblemCode } from './problems.ts';
export { documentWithTables, importTables, tableIssueText, type TablesImport } from './document.ts';
export { gpcReportTable, GPC_REPORT_HEADERS, GPC_REPORT_SHEET } from './gpc-report.ts';
export { cdpEmissionsTable, CDP_EMISSIONS_HEADERS, CDP_EMISSIONS_SHEET, type CdpEmissionsOptions } from './cdp-emissions.ts';
export { cdpTargetsTable, CDP_TARGET_HEADERS, CDP_TARGETS_SHEET } from './cdp-targets.ts';
export { indicatorsTrackingTable, readIndicatorsTable, TRACKING_INDICATOR_COLUMNS, TRACKING_INDICATORS_SHEET, type IndicatorsTableImport } from './tracking-indicators.ts';
export { actionsTable, readActionsTable, ACTION_COLUMNS, ACTIONS_SHEET, type ActionsTableImport } from './tracking-actions.ts';
