/**
 * The usage benchmark's snapshot: the audit benchmark's (about 1,000,000 charge lines) with
 * exactly `count` usage rows, the sample's own (read from its Verizon and AT&T bills), cut to the
 * latest months or repeated into earlier months (same lines, same figures) when it has fewer.
 */
import type { AuditSnapshot } from '../../shared/audit/snapshot';
import { addMonthsToMonth } from '../../shared/dates/iso-date';
import type { UsageRecord } from '../../shared/model';

export function withUsageRows(snapshot: AuditSnapshot, count: number): AuditSnapshot {
  const own = [...snapshot.usage].sort((a, b) =>
    a.month < b.month ? 1 : a.month > b.month ? -1 : 0,
  );
  if (own.length === 0) throw new Error('The sample snapshot has no usage to repeat.');
  const months = new Set(own.map((record) => record.month)).size;
  const usage: UsageRecord[] = own.slice(0, count);
  for (let round = 1; usage.length < count; round++) {
    for (const record of own) {
      if (usage.length === count) break;
      // An earlier month, not on an invoice: matched through the inventory, as a usage file is.
      const { invoiceId: _onInvoice, ...rest } = record;
      usage.push({ ...rest, month: addMonthsToMonth(record.month, -months * round) });
    }
  }
  return { ...snapshot, usage };
}
