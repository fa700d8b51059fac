import { overAfterEnd, outOfContractShare } from '../context';
import {
  Tallies,
  type Tally,
  money,
  percentOfCents,
  billedPeriodMonths,
  linePeriodMonths,
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
        const billed = recurringOf(facts, charges, undefined, true);
        if (billed.amount <= 0) continue;
        // A bill of a longer period (a quarter) bills the monthly rate for each of its months; a
        // new line's part-month beside its first whole month bills each for its days.
        const months = linePeriodMonths(facts, charges) ?? billedPeriodMonths(facts);
        const contracted = Math.round(rate.unitCents * billed.units * months);
        const tolerance = Math.max(
          settings.toleranceCents,
          percentOfCents(contracted, settings.tolerancePercent),
        );
        if (billed.amount - contracted <= tolerance) continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.impact += billed.amount - contracted - overAfterEnd(billed.amount, contracted, share);
        if (share > 0) straddling.add(tally);
        tally.billed += billed.amount;
        // The message's figures are the latest invoice's, whatever order the bills were read in.
        if (tally.last === facts) {
          tally.lastAmount = billed.amount;
          tally.reference = contracted;
          if (billed.credited > 0) netOfCredits.add(tally);
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
