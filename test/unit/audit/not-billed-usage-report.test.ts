/**
 * A usage report (a Teams PSTN export: one invoice a month of the calls made) lists the seats
 * that called, not every seat the account pays for: a seat with no calls that month is no gap in
 * the inventory. A bill that charges recurring plans still shows a service it leaves out.
 */
import { expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { billed, line, makeInvoice, makeService, snapshotOf } from './helpers';

const rules = ALL_RULES.filter((rule) => rule.id === 'not-billed');
const seats = [
  makeService({ id: 'seat-a', type: 'ucaas-seat', serviceIdRaw: '555-010-0001' }),
  makeService({
    id: 'seat-b',
    type: 'ucaas-seat',
    serviceIdRaw: '555-010-0002',
    serviceKey: '+15550100002',
  }),
];

function notBilled(category: 'usage' | 'recurring') {
  const november = makeInvoice({ month: '2026-11' });
  const snapshot = snapshotOf({
    services: seats,
    bills: [billed(november, [line(category, 1_35)])],
  });
  return runAudit(snapshot, rules).findings.map((finding) => finding.subject.serviceIdRaw);
}

it('a seat with no calls in a month of usage report is not called not billed', () => {
  expect(notBilled('usage')).toEqual([]);
});

it('a bill of recurring charges that leaves a service out still says so', () => {
  expect(notBilled('recurring')).toEqual(['555-010-0002']);
});
