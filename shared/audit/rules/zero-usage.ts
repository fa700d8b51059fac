import { addMonthsToMonth, type IsoMonth } from '../../dates/iso-date';
import type { Service, UsageRecord } from '../../model';
import { cents } from '../../money/cents';
import { money, monthSpan, recurringOf } from '../findings';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import type { RuleContext } from '../context';

const SETTINGS = [
  { key: 'months', label: 'Consecutive months without use', unit: 'months', default: 3 },
] as const satisfies readonly SettingSpec[];

/**
 * Mobile lines with no voice, messages or data for the latest N consecutive months (or more).
 * One finding per line, dated from the first month of the idle streak, so it stays the same
 * finding while the streak grows.
 */
export const zeroUsageRule: AuditRule = {
  id: 'zero-usage',
  title: 'Line not used',
  description:
    'A mobile line with zero voice, messaging and data for N consecutive months. Impact: its monthly recurring charge on the latest invoice (monthly savings).',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const byService = new Map<Service, UsageRecord[]>();
    for (const record of context.snapshot.usage) {
      const service = usageServiceOf(context, record);
      if (service === undefined || service.type !== 'mobile-line') continue;
      const list = byService.get(service);
      if (list === undefined) byService.set(service, [record]);
      else list.push(record);
    }
    const drafts: FindingDraft[] = [];
    for (const [service, records] of byService) {
      records.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
      const latest = records[records.length - 1];
      if (latest === undefined) continue;
      let start: IsoMonth = latest.month;
      let streak = 0;
      for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        if (record === undefined || !idle(record)) break;
        // A gap in the months ends the streak: only consecutive months count.
        if (streak > 0 && addMonthsToMonth(record.month, 1) !== start) break;
        if (streak === 0 || record.month !== start) streak += 1;
        start = record.month;
      }
      if (streak < settings.months) continue;
      const facts =
        latest.invoiceId === undefined ? undefined : context.invoiceById.get(latest.invoiceId);
      const charges = facts?.serviceCharges.get(latest.serviceKey);
      const monthly =
        facts !== undefined && charges !== undefined
          ? recurringOf(facts, charges).amount
          : (context.contractedRate(service)?.unitCents ?? 0);
      const accountNumber =
        facts?.invoice.accountNumber ??
        context.accountById.get(service.accountId)?.accountNumber ??
        '';
      const key = service.serviceKey ?? latest.serviceKey;
      drafts.push({
        id: findingId(this.id, service.carrierId, accountNumber, key, start),
        ruleId: this.id,
        severity: this.severity,
        subject: {
          carrierId: service.carrierId,
          accountNumber,
          serviceKey: key,
          serviceIdRaw: latest.serviceIdRaw,
          period: start,
        },
        impact: cents(monthly),
        message: `${latest.serviceIdRaw} had no calls, messages or data for ${streak} months (${monthSpan(start, latest.month, streak).replace(/ \(.*\)$/, '')}) yet costs ${money(monthly)} a month.`,
        evidence: {
          serviceId: service.id,
          ...(facts === undefined ? {} : { invoiceId: facts.invoice.id }),
        },
      });
    }
    return drafts;
  },
};

function idle(record: UsageRecord): boolean {
  return record.minutes === 0 && record.messages === 0 && record.dataKb === 0;
}

/** The service of a usage record: through its invoice's carrier and account when it has one. */
export function usageServiceOf(context: RuleContext, record: UsageRecord): Service | undefined {
  const facts =
    record.invoiceId === undefined ? undefined : context.invoiceById.get(record.invoiceId);
  if (facts !== undefined) {
    return context.matchService(
      facts.invoice.carrierId,
      facts.invoice.accountNumber,
      record.serviceKey,
    );
  }
  const candidates = context.servicesByKey.get(record.serviceKey) ?? [];
  return candidates.length === 1 ? candidates[0] : undefined;
}
