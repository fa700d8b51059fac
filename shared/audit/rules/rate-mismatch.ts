import { beforeContractShare, outOfContractShare, type InvoiceFacts } from '../context';
import { excessBeyond, priceBeyond, type Side } from '../boundary-prices';
import { chargeCopiesOf } from '../charge-copies';
import { ContractsNotStarted } from '../contract-start';
import { Tallies, type Tally, money, percentOfCents, tallyDraft, tallySpan } from '../findings';
import { billedPeriodMonths, linePeriods, planLinesOf, recurringOf } from '../recurring';
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
    'A recurring charge for a service (net of its discounts and of credits correcting its rate on the same bill; other credits are not netted) billed above its contracted or expected rate, beyond the larger of the two tolerances. Impact: (billed − contracted) summed over the invoices, less what a later rate correction gives back of it. A contract whose rate card judged none of its services’ bills (all before its start) is an info note, with no impact.',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const tallies = new Tallies();
    // A discount on the service (or a correction of its rate) is part of its price: the rate is
    // compared net of it, and the message says which of them it is net of.
    const netOf = new Map<Tally, string>();
    // Findings holding a bill that runs past the contract's end: its days after it are not here.
    const straddling = new Set<Tally>();
    // Findings holding a bill that starts before the contract: its days before it are not judged.
    const preceding = new Set<Tally>();
    const paybacks = new Paybacks();
    // Contracts whose rate card judged none of their services' bills: said, never silent.
    const notStarted = new ContractsNotStarted();
    // Findings whose bills left out recurring lines not naming the plan (add-ons).
    const planOnly = new Set<Tally>();
    // A credit refunding a copy billed earlier is that copy's (duplicate-charge), not a reversal here.
    const { refunds } = chargeCopiesOf(context);
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        if (service === undefined) continue;
        // The contract in effect on the bill's last day: a renewal recorded beside the contract it
        // replaced prices the bills of its own term.
        const rate = context.contractedRate(service, facts.periodEnd);
        if (rate === undefined) continue;
        // After the term, prices are out-of-contract's business (for a bill running past the
        // end, the share of its days after it).
        const share = rate.contract === undefined ? 0 : outOfContractShare(rate.contract, facts);
        // Before the contract started its rate card priced nothing (a renegotiated rate from
        // 1 April does not make March's old price an overcharge); an expected monthly charge of
        // the service itself has no start.
        const before =
          rate.contract === undefined || rate.source === 'expected monthly charge'
            ? 0
            : beforeContractShare(rate.contract, facts);
        if (rate.contract !== undefined && rate.source !== 'expected monthly charge')
          notStarted.saw(rate.contract, facts, charges.serviceKey, before);
        if (share + before >= 1) continue;
        // A bill of a longer period (a quarter) bills the monthly rate for each of its months.
        // Lines billing periods of their own one after the other (a new line's part-month beside
        // its first whole month) are judged period by period, each for its days.
        // A bill running past the contract's end (or starting before its start) is shared as a
        // whole: its periods' months together.
        const own = linePeriods(facts, charges);
        // A plan's rate prices the lines naming the plan, not features ordered on top of it.
        const planLines =
          rate.source === 'plan rate' ? planLinesOf(facts, charges, service.plan) : undefined;
        const periods =
          own === undefined
            ? [{ key: undefined, months: billedPeriodMonths(facts) }]
            : share === 0 && before === 0
              ? own
              : [{ key: undefined, months: own.reduce((sum, period) => sum + period.months, 0) }];
        let over = 0;
        let billedAmount = 0;
        let contracted = 0;
        let credited = 0;
        let corrected = 0;
        let paidBack = 0;
        for (const period of periods) {
          const billed = recurringOf(
            facts,
            charges,
            undefined,
            true,
            period.key,
            true,
            refunds,
            planLines,
          );
          const expected = Math.round(rate.unitCents * billed.units * period.months);
          // A rate correction taking the bill below the rate gives back earlier months' excess.
          paidBack += Math.min(billed.corrected, Math.max(0, expected - billed.amount));
          if (billed.amount <= 0) continue;
          billedAmount += billed.amount;
          contracted += expected;
          credited += billed.credited;
          corrected += billed.corrected;
          const tolerance = Math.max(
            settings.toleranceCents,
            percentOfCents(expected, settings.tolerancePercent),
          );
          if (billed.amount - expected > tolerance) over += billed.amount - expected;
        }
        if (paidBack > 0) paybacks.add(facts, charges.serviceKey, paidBack);
        if (over <= 0) continue;
        // A bill running across the contract's start or end: its days on the other side are
        // priced at that side's price when known (see boundary-prices), not at the bill's average.
        const unitMonths = rate.unitCents > 0 ? contracted / rate.unitCents : 0;
        const costBeyond = (side: Side, part: number) => {
          if (part === 0 || unitMonths === 0) return undefined;
          const price = priceBeyond(context, facts, charges, rate, side, refunds);
          return price === undefined ? undefined : price * unitMonths;
        };
        const beyond =
          excessBeyond(billedAmount, contracted, share, costBeyond('after', share)) +
          excessBeyond(billedAmount, contracted, before, costBeyond('before', before));
        const within = over - beyond;
        const tolerance = Math.max(
          settings.toleranceCents,
          percentOfCents(contracted, settings.tolerancePercent),
        );
        const found = share + before > 0 && within <= tolerance ? 0 : Math.max(0, within);
        if (found === 0) continue;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.impact += found;
        paybacks.over(tally, facts, found);
        if (share > 0) straddling.add(tally);
        if (before > 0) preceding.add(tally);
        tally.billed += billedAmount;
        // The message's figures are the latest invoice's, whatever order the bills were read in.
        if (tally.last === facts) {
          tally.lastAmount = billedAmount;
          tally.reference = contracted;
          if (credited > 0) netOf.set(tally, creditWords(credited, corrected));
          else netOf.delete(tally);
        }
        // Evidence is gathered only for the few lines that are findings.
        recurringOf(facts, charges, tally.refs, false, undefined, false, undefined, planLines);
        if (planLines !== undefined) planOnly.add(tally);
      }
    }
    const drafts = tallies.list().flatMap((tally) => {
      // What later rate corrections gave back of it is no longer owed: all of it, no finding.
      const given = paybacks.settle(tally);
      if (tally.impact <= 0) return [];
      const rate =
        tally.service === undefined
          ? undefined
          : context.contractedRate(tally.service, tally.last.periodEnd);
      const label = rate?.source === 'expected monthly charge' ? 'expected' : 'contract rate';
      const credits = netOf.get(tally);
      const forPlan = planOnly.has(tally)
        ? ` for its plan ${tally.service?.plan ?? ''} (other recurring lines, features the plan's rate does not price, left out)`
        : ' recurring';
      const billed =
        credits === undefined
          ? `${money(tally.lastAmount)}${forPlan}`
          : `${money(tally.lastAmount)}${planOnly.has(tally) ? forPlan : ''} net of its ${credits}`;
      const after = straddling.has(tally)
        ? ' (the days billed after the contract ended are in its out-of-contract finding)'
        : '';
      const back = given === '' ? '' : ` (${given})`;
      const started = preceding.has(tally)
        ? ` (the days billed before the contract started on ${rate?.contract?.startDate ?? ''} are not judged against its rates)`
        : '';
      const message =
        tally.invoices === 1
          ? `Line ${tally.serviceIdRaw} billed ${billed} on invoice ${tally.first.invoice.invoiceNumber}; ${label} ${money(tally.reference)} — ${money(tally.impact)} over${back}${after}${started}.`
          : `Line ${tally.serviceIdRaw} billed ${billed} a month; ${label} ${money(tally.reference)} — ${money(tally.impact)} over on ${tallySpan(tally)}${back}${after}${started}.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
    return drafts.concat(notStarted.drafts(this.id));
  },
};

/**
 * Rate corrections that take a bill below the rate (a −$10 "Rate adjustment" on a $45 line at
 * $45): the carrier giving back an earlier month's excess. Each is taken off the excess of the
 * months billed before it, in date order, never below nothing: it cannot pay back a later month.
 */
class Paybacks {
  private readonly given = new Map<string, { facts: InvoiceFacts; cents: number }[]>();
  private readonly found = new Map<Tally, { facts: InvoiceFacts; cents: number }[]>();

  /** A bill's rate corrections below the rate, for the service `serviceKey`. */
  add(facts: InvoiceFacts, serviceKey: string, cents: number): void {
    const key = `${facts.accountKey}|${serviceKey}`;
    this.given.set(key, [...(this.given.get(key) ?? []), { facts, cents }]);
  }

  /** The excess a finding holds from one bill. */
  over(tally: Tally, facts: InvoiceFacts, cents: number): void {
    this.found.set(tally, [...(this.found.get(tally) ?? []), { facts, cents }]);
  }

  /**
   * Takes off `tally.impact` what came back after its months; the words saying so ('' for none).
   */
  settle(tally: Tally): string {
    const given = this.given.get(`${tally.first.accountKey}|${tally.subjectKey}`) ?? [];
    if (given.length === 0) return '';
    const events = [
      ...(this.found.get(tally) ?? []).map((event) => ({ ...event, sign: 1 })),
      ...given.map((event) => ({ ...event, sign: -1 })),
    ].sort((a, b) => byDate(a.facts, b.facts) || b.sign - a.sign);
    let owed = 0;
    let back = 0;
    const on = new Set<string>();
    for (const { facts, cents, sign } of events) {
      if (sign > 0) owed += cents;
      else if (owed > 0) {
        const taken = Math.min(owed, cents);
        owed -= taken;
        back += taken;
        on.add(facts.invoice.invoiceNumber);
      }
    }
    tally.impact = owed;
    if (back === 0) return '';
    const invoices = [...on].join(', ');
    return `after ${money(back)} given back as rate corrections on invoice${on.size === 1 ? '' : 's'} ${invoices}`;
  }
}

/** What a bill is net of: `discounts`, `rate corrections`, or both. */
function creditWords(credited: number, corrected: number): string {
  if (corrected === 0) return 'discounts';
  return corrected === credited ? 'rate corrections' : 'discounts and rate corrections';
}

function byDate(a: InvoiceFacts, b: InvoiceFacts): number {
  return (
    a.invoice.invoiceDate.localeCompare(b.invoice.invoiceDate) ||
    a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber)
  );
}
