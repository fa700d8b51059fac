import { chargeCopiesOf, type ChargeLine } from '../charge-copies';
import { Tallies, addRef, money, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/**
 * The same service, description, amount and period billed more than once — on one invoice, or on
 * invoices of the carrier covering the same period (another account). Which line is the copy,
 * and which credits refund one, is read once per run by {@link chargeCopiesOf}, so the checks of
 * a service's price never read a refund as another line's reversal.
 */
export const duplicateChargeRule: AuditRule = {
  id: 'duplicate-charge',
  title: 'Charge billed twice',
  description:
    'The same service + charge description + amount + period billed twice (same or different invoice or account). Impact: the extra copies.',
  severity: 'error',
  settings: [],
  check(context) {
    const tallies = new Tallies();
    for (const extra of chargeCopiesOf(context).billed) addExtra(tallies, extra);
    return tallies
      .list()
      .filter((tally) => tally.impact > 0)
      .map((tally) => {
        const lines = tally.refs.length;
        const message = `${tally.serviceIdRaw}: ${lines} charge line${lines === 1 ? '' : 's'} billed a second time on ${tallySpan(tally)} — ${money(tally.impact)} extra.`;
        return tallyDraft(this, tally, tally.impact, message);
      });
  },
};

/** Adds an extra copy to its service's tally on its invoice. */
function addExtra(tallies: Tallies, extra: ChargeLine): void {
  const charges = extra.facts.serviceCharges.get(extra.block.serviceKey[extra.row] ?? '');
  const tally = tallies.on(
    extra.facts,
    charges?.serviceKey ?? '',
    charges?.serviceIdRaw ?? '',
    charges?.service,
  );
  tally.impact += extra.block.amount[extra.row] ?? 0;
  addRef(tally.refs, extra.facts, extra.position, extra.row);
}
