/**
 * The date cells of a site or inventory file, read as the contracts file reads its own: in the
 * one date order every date of the file allows (a `30/09/2026` anywhere makes it day first), and
 * a date two orders read differently in a file that never tells (`03/04/2026`) refused with both
 * readings, never guessed. Excel date serials (`46100`) are read as dates too.
 */
import type { DateOrder, IsoDate } from '../dates';
import { decideDateOrder, readDateCell } from '../contracts/csv-table';
import type { TableRow } from '../import/table';
import { excelSerialToIso } from './table-file';

export type DateCellRead =
  { ok: true; value: IsoDate | undefined } | { ok: false; message: string };

/** A number a spreadsheet wrote for a date: days since 1899-12-30, years 1954 to 2118. */
function isSerial(text: string): boolean {
  return /^\d+(\.\d+)?$/.test(text) && Number(text) > 20_000 && Number(text) < 80_000;
}

/**
 * A reader of the date cells of `rows`, deciding the order from the cells of `columns`, unless the
 * user said it (`dateOrder`).
 */
export function fileDates(
  rows: readonly TableRow[],
  columns: readonly number[],
  dateOrder?: DateOrder,
): (text: string) => DateCellRead {
  const order =
    dateOrder ??
    decideDateOrder(
      rows,
      columns.filter((column) => column >= 0),
    );
  return (text) => {
    if (text === '') return { ok: true, value: undefined };
    const serial = isSerial(text);
    const reading = readDateCell(
      serial ? excelSerialToIso(Number(text)) : text,
      serial ? 'YMD' : order,
    );
    if (reading === null) return { ok: true, value: undefined };
    return reading.ok ? { ok: true, value: reading.value } : reading;
  };
}
