/**
 * A draft's usage records as columns, for the worker → page hand-over (see `packed-lines.ts`):
 * three years of a large company hold some 270,000 of them, too many to clone one by one.
 */
import type { IsoMonth } from '../dates';
import type { DraftUsage } from './draft';
import { indexBuffers, StringColumn, valueAt, type PackedStrings } from './packed-columns';

export interface PackedDraftUsage {
  count: number;
  invoiceKey: PackedStrings;
  serviceIdRaw: PackedStrings;
  serviceKey: PackedStrings;
  month: PackedStrings;
  sourceFile: PackedStrings;
  /** NaN for null (unknown). */
  minutes: Float64Array;
  messages: Float64Array;
  dataKb: Float64Array;
  /** NaN when absent. */
  roamingMinutes: Float64Array;
  roamingDataKb: Float64Array;
  sourceRow: Uint32Array;
}

const orNaN = (value: number | null | undefined) => value ?? Number.NaN;
const orNull = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? null : value;

/** Packs usage records into columns. */
export function packDraftUsage(usage: readonly DraftUsage[]): PackedDraftUsage {
  const count = usage.length;
  const invoiceKey = new StringColumn(count);
  const serviceIdRaw = new StringColumn(count);
  const serviceKey = new StringColumn(count);
  const month = new StringColumn(count);
  const sourceFile = new StringColumn(count);
  const packed = {
    count,
    minutes: new Float64Array(count),
    messages: new Float64Array(count),
    dataKb: new Float64Array(count),
    roamingMinutes: new Float64Array(count),
    roamingDataKb: new Float64Array(count),
    sourceRow: new Uint32Array(count),
  };
  for (let i = 0; i < count; i++) {
    const record = usage[i] as DraftUsage;
    invoiceKey.set(i, record.invoiceKey);
    serviceIdRaw.set(i, record.serviceIdRaw);
    serviceKey.set(i, record.serviceKey);
    month.set(i, record.month);
    sourceFile.set(i, record.sourceFile);
    packed.minutes[i] = orNaN(record.minutes);
    packed.messages[i] = orNaN(record.messages);
    packed.dataKb[i] = orNaN(record.dataKb);
    packed.roamingMinutes[i] = orNaN(record.roamingMinutes);
    packed.roamingDataKb[i] = orNaN(record.roamingDataKb);
    packed.sourceRow[i] = record.sourceRow;
  }
  return {
    ...packed,
    invoiceKey: invoiceKey.packed(),
    serviceIdRaw: serviceIdRaw.packed(),
    serviceKey: serviceKey.packed(),
    month: month.packed(),
    sourceFile: sourceFile.packed(),
  };
}

/** The buffers of packed usage, to transfer rather than copy. */
export function packedUsageTransferables(packed: PackedDraftUsage): ArrayBuffer[] {
  return [
    ...indexBuffers(
      packed.invoiceKey,
      packed.serviceIdRaw,
      packed.serviceKey,
      packed.month,
      packed.sourceFile,
    ),
    ...[
      packed.minutes,
      packed.messages,
      packed.dataKb,
      packed.roamingMinutes,
      packed.roamingDataKb,
      packed.sourceRow,
    ].map((view) => view.buffer as ArrayBuffer),
  ];
}

/** The usage records packed by {@link packDraftUsage}, rebuilt in order (`start` to `end` only when given). */
export function unpackDraftUsage(
  packed: PackedDraftUsage,
  start = 0,
  end = packed.count,
): DraftUsage[] {
  const last = Math.min(end, packed.count);
  const usage = new Array<DraftUsage>(Math.max(0, last - start));
  for (let i = start; i < last; i++) {
    const record: DraftUsage = {
      invoiceKey: valueAt(packed.invoiceKey, i) ?? '',
      serviceIdRaw: valueAt(packed.serviceIdRaw, i) ?? '',
      serviceKey: valueAt(packed.serviceKey, i) ?? '',
      month: (valueAt(packed.month, i) ?? '') as IsoMonth,
      minutes: orNull(packed.minutes[i]),
      messages: orNull(packed.messages[i]),
      dataKb: orNull(packed.dataKb[i]),
      sourceFile: valueAt(packed.sourceFile, i) ?? '',
      sourceRow: packed.sourceRow[i] ?? 0,
    };
    const roamingMinutes = orNull(packed.roamingMinutes[i]);
    if (roamingMinutes !== null) record.roamingMinutes = roamingMinutes;
    const roamingDataKb = orNull(packed.roamingDataKb[i]);
    if (roamingDataKb !== null) record.roamingDataKb = roamingDataKb;
    usage[i - start] = record;
  }
  return usage;
}
