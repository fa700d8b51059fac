import { it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

function run(months: [string, number, number][]) {
  const bills = months.map(([m, rec, credit]) => {
    const inv = makeInvoice({ month: m, invoiceNumber: `N-${m}` });
    const ls = [line('recurring', rec)];
    if (credit !== 0) ls.push(line('credit', credit, { description: 'Corporate discount 20%' }));
    return billed(inv, ls);
  });
  const snapshot = snapshotOf({ services: [makeService({ contractId: undefined })], bills, contracts: [] });
  return runAudit(snapshot, ALL_RULES).findings.filter((f) => f.ruleId === 'spike').map((f) => [f.impact, f.message]);
}

it('recurring monthly discount every month, then +25% net', () => {
  console.log('with recurring discount', run([
    ['2026-01', 1000_00, -200_00], ['2026-02', 1000_00, -200_00], ['2026-03', 1000_00, -200_00], ['2026-04', 1300_00, -200_00],
  ]));
  console.log('same nets, no credit lines', run([
    ['2026-01', 800_00, 0], ['2026-02', 800_00, 0], ['2026-03', 800_00, 0], ['2026-04', 1100_00, 0],
  ]));
});
