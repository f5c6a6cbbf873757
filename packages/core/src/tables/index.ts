/** Inventory lines and indicators as spreadsheet tables, both ways (docs/import-export.md). */
export { LINE_COLUMNS, LINES_SHEET, INDICATORS_SHEET, headerKey, type ColumnShape, type LineColumn, type TableCell, type TableSheet } from './columns.ts';
export { linesTable, TABULAR_FIELDS } from './lines-export.ts';
export { linesFromTable, placeOfPath, type LinePlace, type LinesImport } from './lines-import.ts';
export { indicatorsTable, indicatorsFromTable, type IndicatorsImport } from './indicators.ts';
export { tableProblem, type TableProblem, type TableProblemCode } from './problems.ts';
export { documentWithTables, importTables, tableIssueText, type TablesImport } from './document.ts';
export { gpcReportTable, GPC_REPORT_COLUMNS, GPC_REPORT_SHEET, REPORTING_LEVEL_NAMES } from './gpc-report.ts';
export { cdpEmissionsTable, CDP_EMISSIONS_COLUMNS, CDP_EMISSIONS_SHEET, type CdpEmissionsOptions } from './cdp-emissions.ts';
export { cdpTargetsTable, CDP_TARGETS_COLUMNS, CDP_TARGETS_SHEET, TARGET_BOUNDARY_NAMES } from './cdp-targets.ts';
export { trackingIndicatorsTable, trackingIndicatorsFromTable, TRACKING_INDICATOR_COLUMNS, TRACKING_INDICATORS_SHEET, type TrackingIndicatorsImport } from './tracking-indicators.ts';
export { actionsTable, actionsFromTable, TRACKING_ACTION_COLUMNS, TRACKING_ACTIONS_SHEET, type ActionsImport } from './tracking-actions.ts';
export type { SheetColumn } from './sheet-reading.ts';
