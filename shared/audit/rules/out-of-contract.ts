import { isoMonthOf, type IsoDate, type IsoMonth } from '../../dates/iso-date';
import { chargeCopiesOf } from '../charge-copies';
import { packClaims } from '../claims';
import { excessBeyond, priceBeyond } from '../boundary-prices';
import { outOfContractShare } from '../context';
import { Tallies, money, tallyDraft, tallySpan, type Tally } from '../findings';
import { billedPeriodMonths, planLinesOf, recurringOf } from '../recurring';
import type { AuditRule, ChargeRef } from '../rule';
import { cents, splitLargestRemainder } from '../../money/cents';
import type { InvoiceFacts } from '../context';
import { pushAll } from '../../arrays';
import { blockAt } from '../../storage/charge-blocks';

/** Whole months from the month a contract ended to a billing month (0 for the same month). */
export function monthsOutOfContract(endDate: IsoDate, billedMonth: IsoMonth): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return Math.max(0, index(billedMonth) - index(isoMonthOf(endDate)));
}

/**
 * Recurring charges billed after the contract ended (expired, or month-to-month after the term).
 * The finding stands even when the rate did not change: an expired service has no price
 * protection and is a renegotiation item. The contract is the service's own (`contractOf`: its
 * inventory Contract ID, a contract listing it, or one naming its account), whether or not its
 * rate card prices the service: with no rate known the finding stands at $0.00 and says so.
 * Impact: what is billed above the last contracted rate, which may be $0.00. A bill whose period
 * runs past the contract's end counts the share of its days after the end (see
 * {@link outOfContractShare}). One finding per contract and account, dated by its first month.
 */
export const outOfContractRule: AuditRule = {
  id: 'out-of-contract',
  title: 'Billed after the contract ended',
  description:
    'Services billed after their contract ended (month-to-month or expired rates), even at the old rate: no price protection, renegotiate. Impact: billed − last contracted rate, summed over services and invoices (may be $0.00).',
  severity: 'warning',
  settings: [],
  check(context) {
    const tallies = new Tallies();
    const services = new Map<string, Set<string>>();
    // Per account and contract: the services with no rate on the card (nor an expected charge).
    const unrated = new Map<string, Set<string>>();
    // The lines of services billed at their last rate: the finding's evidence only when no
    // service is above it (else its money is on the lines above, and at-rate lines claim none).
    const atRate = new Map<Tally, ChargeRef[]>();
    // Findings holding a bill whose period runs past the contract's end (a share of it counted).
    const straddling = new Set<Tally>();
    // What each line of a finding carries, in the order of its refs: each bill's own excess
    // spread over its lines (March $100 above the rate and April $500 is no $300 a month).
    const claims = new Map<Tally, number[]>();
    // A credit refunding a copy billed earlier is that copy's (duplicate-charge), not a reversal here.
    const { refunds } = chargeCopiesOf(context);
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const service = charges.service;
        if (service === undefined) continue;
        // The service's contract (its inventory Contract ID, a contract listing it, or one naming
        // its account), whether or not its rate card prices the service.
        const contract = context.contractOf(service, facts.periodEnd);
        if (contract === undefined) continue;
        const share = outOfContractShare(contract, facts);
        if (share === 0) continue;
        // No last contracted rate known: nothing is above it, and the finding still stands.
        const rate = context.contractedRate(service, facts.periodEnd);
        // A plan's rate prices the lines naming the plan, not features ordered on top of it.
        const planLines =
          rate?.source === 'plan rate' ? planLinesOf(facts, charges, service.plan) : undefined;
        // As for rate-mismatch, a discount on the service is part of its price.
        const billed = recurringOf(
          facts,
          charges,
          undefined,
          true,
          undefined,
          true,
          refunds,
          planLines,
        );
        if (billed.amount <= 0) continue;
        const contracted =
          rate === undefined
            ? billed.amount
            : rate.unitCents * billed.units * billedPeriodMonths(facts);
        const billedOut = Math.round(billed.amount * share);
        // A bill running past the end: its days after it at the price billed after it when known
        // (see boundary-prices), never more than the whole bill above the rate.
        const holdover =
          rate === undefined || share >= 1 || rate.unitCents <= 0
            ? undefined
            : priceBeyond(context, facts, charges, rate, 'after', refunds);
        const afterCost =
          holdover === undefined || rate === undefined
            ? undefined
            : (holdover * contracted) / rate.unitCents;
        const over = Math.max(
          0,
          Math.min(
            excessBeyond(billed.amount, contracted, share, afterCost),
            billed.amount - contracted,
          ),
        );
        const tally = tallies.on(facts, contract.id, '');
        tally.impact += over;
        tally.billed += billedOut;
        if (share < 1) straddling.add(tally);
        if (over > 0) {
          const from = tally.refs.length;
          recurringOf(facts, charges, tally.refs, false, undefined, false, undefined, planLines);
          const lines = claims.get(tally) ?? [];
          claims.set(tally, lines);
          pushAll(lines, claimsOn(facts, tally.refs.slice(from), over));
        } else {
          const refs = atRate.get(tally) ?? [];
          atRate.set(tally, refs);
          recurringOf(facts, charges, refs, false, undefined, false, undefined, planLines);
        }
        const key = `${facts.accountKey}|${contract.id}`;
        services.set(key, (services.get(key) ?? new Set()).add(service.id));
        if (rate === undefined) unrated.set(key, (unrated.get(key) ?? new Set()).add(service.id));
      }
    }
    return tallies.list().map((tally) => {
      if (tally.impact === 0) pushAll(tally.refs, atRate.get(tally) ?? []);
      const contract = context.contractById.get(tally.subjectKey);
      const key = `${tally.first.accountKey}|${tally.subjectKey}`;
      const count = services.get(key)?.size ?? 0;
      const unratedCount = unrated.get(key)?.size ?? 0;
      const plural = count === 1 ? '' : 's';
      const months =
        contract === undefined ? 0 : monthsOutOfContract(contract.endDate, tally.last.month);
      const ended = `Contract ${contract?.name ?? tally.subjectKey} ended ${contract?.endDate ?? ''}, ${months} month${months === 1 ? '' : 's'} out of contract by ${tally.last.month}`;
      const counted = `${count} service${plural}`;
      const shared = straddling.has(tally)
        ? ' (a bill running past the end counted for its days after it)'
        : '';
      // Services with no rate on the card: nothing to compare with, and the finding still stands.
      const some = unratedCount > 0 && unratedCount < count;
      const held = some
        ? `${counted} (${unratedCount} with no contracted rate on the card)`
        : counted;
      const message =
        tally.impact > 0
          ? `${ended}; ${held} billed ${money(tally.impact)} above their last contracted rates on ${tallySpan(tally)}${shared}.`
          : unratedCount === count
            ? `${ended}; ${counted} billed ${money(tally.billed)} on ${tallySpan(tally)}${shared} with no contracted rate on the card to compare with, and no price protection: renegotiate.`
            : `${ended}; ${held} billed ${money(tally.billed)} on ${tallySpan(tally)}${shared}, not above the last contracted rates but with no price protection: renegotiate.`;
      const draft = tallyDraft(this, tally, tally.impact, message);
      const lines = claims.get(tally);
      return tally.impact > 0 && lines !== undefined
        ? { ...draft, evidence: { ...draft.evidence, claims: packClaims(tally.refs, lines) } }
        : draft;
    });
  },
};

/** `over` cents spread over a bill's lines by their amounts (credits carry none). */
function claimsOn(facts: InvoiceFacts, refs: readonly ChargeRef[], over: number): number[] {
  const amounts = refs.map((ref) =>
    Math.max(0, blockAt(facts.blocks, ref.blockIndex)?.amount[ref.row] ?? 0),
  );
  if (amounts.reduce((sum, amount) => sum + amount, 0) === 0) return amounts;
  // No line carries more than was billed on it.
  return splitLargestRemainder(cents(over), amounts).map((claim, i) =>
    Math.min(Number(claim), amounts[i] ?? 0),
  );
}
