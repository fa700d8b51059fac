/**
 * out-of-contract's money is on the lines billed above their last contracted rate: a service
 * still billed at its rate claims none of it, so another finding holding that line (a closed
 * store's) takes nothing of it away (catalogue: "Money at stake", each dollar once).
 */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/dates';
import { ALL_RULES } from '../../../shared/audit/rules';
import { runAudit } from '../../../shared/audit/run';
import { billed, line, makeContract, makeInvoice, makeService, snapshotOf } from './helpers';

const may = makeInvoice({ month: '2026-05' });
const atRate = { serviceIdRaw: '555-010-0002' };

describe('out-of-contract claims', () => {
  const snapshot = snapshotOf({
    bills: [billed(may, [line('recurring', 60_00), line('recurring', 45_00, atRate)])],
    contracts: [makeContract({ endDate: isoDate(2026, 3, 31), status: 'expired' })],
    services: [
      makeService(),
      makeService({ id: 'svc-2', serviceIdRaw: '555-010-0002', serviceKey: '+15550100002' }),
    ],
  });
  const only = ALL_RULES.filter((rule) => rule.id === 'out-of-contract');

  it('puts its impact on the line above the rate alone', () => {
    const [finding] = runAudit(snapshot, only).findings;
    expect(finding?.impact).toBe(15_00);
    const lines = finding?.evidence?.claims?.lines ?? [];
    // (invoice, block, row, cents): one line, the $60.00 one, carrying the $15.00.
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe(15_00);
    expect(finding?.evidence?.chargeRefs).toHaveLength(1);
  });

  it('names every line billed when none is above the rate (no money to place)', () => {
    const even = snapshotOf({
      bills: [billed(may, [line('recurring', 45_00), line('recurring', 45_00, atRate)])],
      contracts: [makeContract({ endDate: isoDate(2026, 3, 31), status: 'expired' })],
      services: [
        makeService(),
        makeService({ id: 'svc-2', serviceIdRaw: '555-010-0002', serviceKey: '+15550100002' }),
      ],
    });
    const [finding] = runAudit(even, only).findings;
    expect(finding?.impact).toBe(0);
    expect(finding?.evidence?.chargeRefs).toHaveLength(2);
  });
});
