import type { IsoMonth } from '../../dates/iso-date';
import type { Service } from '../../model';
import { cents } from '../../money/cents';
import type { RuleContext } from '../context';
import { money, monthSpan } from '../findings';
import { recurringOf } from '../recurring';
import { plural } from '../../text/wording';
import {
  findingId,
  resolveSettings,
  type AuditRule,
  type ChargeRef,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import { latestRun, mobileUsageByMonth, usageSubject, type MonthUse } from '../plans';

const SETTINGS = [
  {
    key: 'months',
    label: 'Consecutive months without use',
    unit: 'months',
    default: 3,
    // Zero would flag every line, in use or not; past two years a line is long forgotten.
    range: { min: 1, max: 24, whole: true },
  },
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
    'A mobile line with zero voice, messaging and data for N consecutive months. Impact: its monthly recurring charge on the latest invoice, net of its discounts (monthly savings).',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const drafts: FindingDraft[] = [];
    for (const [service, months] of mobileUsageByMonth(context)) {
      const run = idleRun(context, service, months);
      const latest = run?.at(-1);
      if (run === undefined || latest === undefined) continue;
      const start: IsoMonth = run[0]?.month ?? latest.month;
      const streak = run.length;
      const { facts, accountNumber, serviceKey: key } = usageSubject(context, service, latest);
      const charges = facts?.serviceCharges.get(latest.serviceKey);
      // The recurring lines behind the impact, so money at stake counts them once. What the line
      // costs is its charge net of its discounts: cancelling a $50 line with a $10 discount
      // saves $40. A month credited in full (an outage) is one month, not what it costs.
      const refs: ChargeRef[] = [];
      const monthly =
        facts !== undefined && charges !== undefined
          ? recurringOf(facts, charges, refs, true, undefined, false).amount
          : (context.contractedRate(service)?.unitCents ?? 0);
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
        message: `${latest.serviceIdRaw} had no calls, messages or data for ${plural(streak, 'month')} (${monthSpan(start, latest.month, streak).replace(/ \(.*\)$/, '')}) yet costs ${money(monthly)} a month.`,
        evidence: {
          serviceId: service.id,
          ...(facts === undefined ? {} : { invoiceId: facts.invoice.id }),
          ...(refs.length === 0 ? {} : { chargeRefs: refs }),
        },
      });
    }
    return drafts;
  },
};

/**
 * The months a line has been idle up to its latest month with figures, when `zero-usage` reports
 * it (at least its setting's months in a row); undefined otherwise. `underused-plan` leaves such a
 * line to it: an idle line is one to cancel, not to move to a cheaper plan.
 */
export function idleRun(
  context: RuleContext,
  service: Service,
  months: ReadonlyMap<IsoMonth, MonthUse>,
): MonthUse[] | undefined {
  // A disconnected line (or one with its disconnect ordered) is not a saving left to make;
  // what it is still billed is billed-after-disconnect's finding, not counted twice here.
  if (service.status === 'disconnected' || service.disconnectedOn !== undefined) return undefined;
  const settings = resolveSettings(context.settings, zeroUsageRule.id, SETTINGS);
  const run = latestRun(months.values(), idle);
  return run.length < settings.months ? undefined : run;
}

/** Known to be unused: every figure given and zero (a figure not known is not zero). */
function idle(use: MonthUse): boolean {
  return use.amounts.voice === 0 && use.amounts.messages === 0 && use.amounts.data === 0;
}
