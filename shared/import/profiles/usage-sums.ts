/**
 * The usage records of one usage-only file (call detail, a pooling report): one per invoice and
 * line, summed row by row. A line whose usage the draft already holds (from the bill's own usage
 * columns, or an earlier detail file) keeps it: the same use is never counted twice.
 */
import type { IsoMonth } from '../../dates';
import type { DraftInvoice, DraftUsage } from '../draft';
import type { DraftBuilder } from '../draft-builder';
import { pushAll } from '../../arrays';

/** The figures a record starts from (0 for what the file counts, null for what it does not say). */
export type UsageStart = Pick<DraftUsage, 'minutes' | 'messages' | 'dataKb'>;

export class UsageSums {
  private readonly earlier: ReadonlySet<string>;
  readonly records = new Map<string, DraftUsage>();
  private repeated = false;

  constructor(
    private readonly draft: DraftBuilder,
    private readonly fileName: string,
  ) {
    this.earlier = new Set(draft.usage.map((u) => `${u.invoiceKey}\u0000${u.serviceKey}`));
  }

  /** The record of a line on an invoice; null when the line has no key or already has usage. */
  recordOf(
    invoice: DraftInvoice,
    serviceIdRaw: string,
    month: IsoMonth,
    start: UsageStart,
    row: number,
  ): DraftUsage | null {
    const serviceKey = this.draft.serviceKey(serviceIdRaw);
    if (serviceKey === null) return null;
    const key = `${invoice.key}\u0000${serviceKey}`;
    if (this.earlier.has(key)) {
      this.repeated = true;
      return null;
    }
    let record = this.records.get(key);
    if (record === undefined) {
      record = {
        invoiceKey: invoice.key,
        serviceIdRaw,
        serviceKey,
        month,
        ...start,
        sourceFile: this.fileName,
        sourceRow: row,
      };
      this.records.set(key, record);
    }
    return record;
  }

  /** Adds the records to the draft, with `repeatedReason` when some lines kept earlier usage. */
  finish(repeatedReason: string): void {
    pushAll(this.draft.usage, this.records.values());
    if (this.repeated)
      this.draft.ignoredFiles.push({ sourceFile: this.fileName, reason: repeatedReason });
  }
}
