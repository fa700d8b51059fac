import { contractCovers } from '../context';
import { Tallies, money, recurringOf, tallyDraft, tallySpan } from '../findings';
import type { AuditRule } from '../rule';

/**
 * Recurring charges billed after the contract ended (expired, or month-to-month after the term),
 * above the last contracted rate. One finding per contract and account.
 */
export const outOfContractRule: AuditRule = {
  id: 'out-of-contract',
  title: 'Billed after the contract ended',
  description:
    'Services billed after their contract ended (month-to-month or expired rates). Impact: billed − last contracted rate, summed over services and invoices.',
  severity: 'warning',
  settings: [],
  check(context) {
    const tallies = new Tallies();
    const services = new Map<string, Set<string>>();
    for (const facts of context.invoices) {
      for (const charges of facts.services) {
        const service = charges.service;
        if (service === undefined) continue;
        const rate = context.contractedRate(service);
        const contract = rate?.contract;
        if (rate === undefined || contract === undefined) continue;
        if (contractCovers(contract, facts.periodStart)) continue;
        const billed = recurringOf(facts, charges);
        const over = billed.amount - rate.unitCents * billed.units;
        if (over <= 0) continue;
        const tally = tallies.on(facts, contract.id, '');
        tally.impact += over;
        tally.billed += billed.amount;
        recurringOf(facts, charges, tally.refs);
        const key = `${facts.accountKey}|${contract.id}`;
        services.set(key, (services.get(key) ?? new Set()).add(service.id));
      }
    }
    return tallies.list().map((tally) => {
      const contract = context.contractById.get(tally.subjectKey);
      const count = services.get(`${tally.first.accountKey}|${tally.subjectKey}`)?.size ?? 0;
      const message = `Contract ${contract?.name ?? tally.subjectKey} ended ${contract?.endDate ?? ''}; ${count} service${count === 1 ? '' : 's'} billed ${money(tally.impact)} above their last contracted rates on ${tallySpan(tally)}.`;
      return tallyDraft(this, tally, tally.impact, message);
    });
  },
};
