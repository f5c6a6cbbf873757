import * as XLSX from '@e965/xlsx';
import type { Layout } from './tables.ts';

/** A layout as XLSX bytes: one sheet, merged ranges kept, a fixed creation date (the contents are reproducible). */
export function xlsxBytes(layout: Layout, sheetName: string, extra?: (sheet: XLSX.WorkSheet) => void): Uint8Array {
  const sheet = XLSX.utils.aoa_to_sheet(layout.rows);
  sheet['!merges'] = layout.merges;
  extra?.(sheet);
  const workbook = XLSX.utils.book_new();
  workbook.Props = { CreatedDate: new Date('2024-01-01T00:00:00Z'), Author: 'peakpath' };
  XLSX.utils.book_append_sheet(workbook, sheet, sheetName);
  return XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx', compression: true }) as Uint8Array;
}
