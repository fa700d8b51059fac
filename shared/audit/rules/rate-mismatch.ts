import { overAfterEnd, outOfContractShare } from '../context';
import {
  Tallies,
  type Tally,
  money,
  percentOfCents,
  billedPeriodMonths,
  linePeriods,
  recurringOf,
  tallyDraft,
  tallySpan,
} from '../findings';
import { resolveSettings, type AuditRule, type SettingSpec } from '../rule';

const SETTINGS = [
  {
    key: 'tolerancePercent',
    label: 'Tolerance as a share of the rate',
    unit: 'percent',
    default: 0.5,
  },
  { key: 'toleranceCents', label: 'Tolerance as an amount', unit: 'cents', default: 50 },
] as const satisfies readonly SettingSpec[];

/** Recurring charges above the contracted rate, while the contract still fixes the price. */
export const rateMismatchRule: AuditRule = {
  id: 'rate-mismatch',
  title: 'Billed above the contract rate',
  description:
    'A recurring charge for a service (net of its discounts; other credits are not netted) billed above its contracted or expected rate, beyond the larger of the two tolerances. Impact: (billed − contracted) summed over the invoices.',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const tallies = new Tallies();
    // A discount on the service is part of its price: the rate is compared net of it.
    const netOfCredits = new Set<Tally>();
    // Findings holding a bill that runs past the contract's end: its days after it are not here.
    const straddling = new Set<Tally>();
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        if (service === undefined) continue;
        const rate = context.contractedRate(service);
        if (rate === undefined) continue;
        // After the term, prices are out-of-contract's business (for a bill running past the
        // end, the share of its days after it).
        const share = rate.contract === undefined ? 0 : outOfContractShare(rate.contract, facts);
        if (share === 1) continue;
        // A bill of a longer period (a quarter) bills the monthly rate for each of its months.
        // Lines billing periods of their own one after the other (a new line's part-month beside
        // its first whole month) are judged period by period, each for its days.
        // A bill running past the contract's end is shared with out-of-contract as a whole: its
        // periods' months together.
        const own = linePeriods(facts, charges);
        const periods =
          own === undefined
            ? [{ key: undefined, months: billedPeriodMonths(facts) }]
            : share === 0
              ? own
              : [{ key: undefined, months: own.reduce((sum, period) => sum + period.months, 0) }];
        let over = 0;
        let billedAmount = 0;
        let contracted = 0;
        let credited = 0;
        for (const period of periods) {
          const billed = recurringOf(facts, charges, undefined, true, period.key);
          if (billed.amount <= 0) continue;
          const expected = Math.round(rate.unitCents * billed.units * period.months);
          billedAmount += billed.amount;
          contracted += expected;
          credited += billed.credited;
          const tolerance = Math.max(
            settings.toleranceCents,
            percentOfCents(expected, settings.tolerancePercent),
          );
          if (billed.amount - expected > tolerance) over += billed.amount - expected;
        }
        if (over <= 0) continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.impact += Math.max(0, over - overAfterEnd(billedAmount, contracted, share));
        if (share > 0) straddling.add(tally);
        tally.billed += billedAmount;
        // The message's figures are the latest invoice's, whatever order the bills were read in.
        if (tally.last === facts) {
          tally.lastAmount = billedAmount;
          tally.reference = contracted;
          if (credited > 0) netOfCredits.add(tally);
          else netOfCredits.delete(tally);
        }
        // Evidence is gathered only for the few lines that are findings.
        recurringOf(facts, charges, tally.refs);
      }
    }
    return tallies.list().map((tally) => {
      const rate = tally.service === undefined ? undefined : context.contractedRate(tally.service);
      const label = rate?.source === 'expected monthly charge' ? 'expected' : 'contract rate';
      const billed = netOfCredits.has(tally)
        ? `${money(tally.lastAmount)} net of its discounts`
        : `${money(tally.lastAmount)} recurring`;
      const after = straddling.has(tally)
        ? ' (the days billed after the contract ended are in its out-of-contract finding)'
        : '';
      const message =
        tally.invoices === 1
          ? `Line ${tally.serviceIdRaw} billed ${billed} on invoice ${tally.first.invoice.invoiceNumber}; ${label} ${money(tally.reference)} — ${money(tally.impact)} over${after}.`
          : `Line ${tally.serviceIdRaw} billed ${billed} a month; ${label} ${money(tally.reference)} — ${money(tally.impact)} over on ${tallySpan(tally)}${after}.`;
      return tallyDraft(this, tally, tally.impact, message);
    });
  },
};
