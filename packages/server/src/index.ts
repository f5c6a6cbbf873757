/**
 * @peakpath/server — the HTTP API over @peakpath/store and the engines: accounts and roles, documents
 * and versions, computed results, jobs, spreadsheet import and export, OpenAPI.
 */
export const SERVER_PACKAGE = '@peakpath/server';
