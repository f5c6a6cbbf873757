/**
 * @peakpath/node — what the engines need from Node and core cannot do itself: the HiGHS solver
 * (WebAssembly), the Monte Carlo worker pool (worker threads), documents from files, and the engine
 * assembled from them (`createNodeEngine`). The CLI and the coming server build on it; the core stays pure.
 */
export { createNodeEngine } from './engine.ts';
export { highsSolver } from './highs.ts';
export { defaultThreads, MonteCarloPool } from './monte-carlo/pool.ts';
export { InputFileError, MAX_INPUT_BYTES, readDocument, SLOW_YAML_BYTES, type ReadOptions } from './documents.ts';
export { fileResolver } from './resolver.ts';
export { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_SPREADSHEET_BYTES, MAX_UNZIPPED_BYTES, readSpreadsheet, spreadsheetFromBytes, type SpreadsheetOptions } from './spreadsheet.ts';
export { escapeCellText, importTableFile, inventoryTableFile, inventoryText, MAX_TABLE_ROWS, readTableFile, TABLE_MEDIA_TYPES, unescapeCellText, writeCsv, writeXlsx, type TableFile, type TableFormat, type TableKind } from './tables.ts';
export { importActionsFile, importTrackingIndicatorsFile, standardTable, standardTableFile, STANDARD_TABLE_KINDS, trackingTable, trackingTableFile, TRACKING_TABLE_KINDS, type StandardTableKind, type TrackingTableKind } from './standard-tables.ts';
