/** Inventory lines and indicators as spreadsheet tables, both ways (docs/import-export.md). */
export { LINE_COLUMNS, LINES_SHEET, INDICATORS_SHEET, headerKey, type ColumnShape, type LineColumn, type TableCell, type TableSheet } from './columns.ts';
export { linesTable, TABULAR_FIELDS } from './lines-export.ts';
export { linesFromTable, placeOfPath, type LinePlace, type LinesImport } from './lines-import.ts';
export { indicatorsTable, indicatorsFromTable, type IndicatorsImport } from './indicators.ts';
export { tableProblem, type TableProblem, type TableProblemCode } from './problems.ts';
export { documentWithTables, importTables, tableIssueText, type TablesImport } from './document.ts';
