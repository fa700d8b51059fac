/**
 * The usage columns of Verizon's Account & Wireless Summary (one row per line per bill cycle):
 * voice minutes, messages and data (in KB, MB or GB), each with its roaming part. A blank cell is
 * not known, never zero.
 */
import type { CellReader } from '../cells';
import { col } from './columns';

const KB_PER_MB = 1024;
const KB_PER_GB = 1024 * 1024;

/** Kilobytes from the KB column, else MB, else GB (Verizon fills one of them). */
function dataKb(cells: CellReader, kb: number, mb: number, gb: number): number | null {
  const kbValue = cells.quantity(kb);
  if (kbValue !== null) return Math.round(kbValue);
  const mbValue = cells.quantity(mb);
  if (mbValue !== null) return Math.round(mbValue * KB_PER_MB);
  const gbValue = cells.quantity(gb);
  return gbValue === null ? null : Math.round(gbValue * KB_PER_GB);
}

/**
 * A line's figure, roaming included: null when its home figure is not given, whatever the roaming
 * cell holds (Verizon writes `0` roaming beside a blank home cell; a blank is not known, and
 * roaming alone is no total: it would call an unknown line idle, or under its plan).
 */
function sumKnown(home: number | null, roaming: number | null): number | null {
  return home === null ? null : home + (roaming ?? 0);
}

export function readLineUsage(
  cells: CellReader,
  c: Readonly<Record<string, number>>,
): {
  minutes: number | null;
  messages: number | null;
  dataKb: number | null;
  roamingMinutes: number;
  roamingDataKb: number;
} | null {
  const minutes = cells.quantity(col(c, 'voiceMinutes'));
  const messages = cells.quantity(col(c, 'messages'));
  const data = dataKb(cells, col(c, 'dataKb'), col(c, 'dataMb'), col(c, 'dataGb'));
  const roamingMinutes = cells.quantity(col(c, 'roamingMinutes'));
  const roamingMessages = cells.quantity(col(c, 'roamingMessages'));
  const roamingData = dataKb(cells, col(c, 'roamingKb'), col(c, 'roamingMb'), col(c, 'roamingGb'));
  const values = [minutes, messages, data, roamingMinutes, roamingMessages, roamingData];
  if (values.every((value) => value === null)) return null;
  // Roaming is included in the totals, as UsageRecord documents. A blank cell is not known, not
  // zero: a figure stays null when its home cell holds no number (see `sumKnown`).
  return {
    minutes: sumKnown(minutes, roamingMinutes),
    messages: sumKnown(messages, roamingMessages),
    dataKb: sumKnown(data, roamingData),
    roamingMinutes: roamingMinutes ?? 0,
    roamingDataKb: roamingData ?? 0,
  };
}
