/**
 * Re-sent bills and charges billed twice: a copy is found once and counted once; a bill that only
 * looks like a copy is a bill of its own; a charge already credited on its bill is not billed twice.
 */
import { describe, expect, it } from 'vitest';
import { countOnce } from '../../../shared/audit/claims';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { Account, Contract, Invoice, Service } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import {
  billed,
  line,
  makeAccount,
  makeContract,
  makeInvoice,
  makeService,
  snapshotOf,
} from './helpers';

const DIA = { serviceIdRaw: 'DHEC.554433..WIN', description: '100M DIA' };
const MPLS = { serviceIdRaw: 'BBEC.556677..LUMN', description: 'MPLS 200M' };
const USF = { serviceIdRaw: '', description: 'Federal USF' };
const CIRCUITS = [line('recurring', 800_00, DIA), line('recurring', 1200_00, MPLS)];

/** A September bill of account A-1, dated `day`; `stated` false leaves its period unstated. */
function september(
  invoiceNumber: string,
  day: number,
  lines: readonly PackableLine[],
  overrides: Partial<Invoice> & { stated?: boolean } = {},
) {
  const { stated = true, ...rest } = overrides;
  const invoice = makeInvoice({
    invoiceNumber,
    invoiceDate: isoDate(2026, 9, day),
    month: '2026-09',
    ...rest,
  });
  if (!stated) {
    delete invoice.periodStart;
    delete invoice.periodEnd;
  }
  return billed(invoice, lines);
}

function audit(
  bills: ReturnType<typeof billed>[],
  ruleIds: readonly string[],
  inventory: { services?: Service[]; contracts?: Contract[]; accounts?: Account[] } = {},
) {
  const { findings } = runAudit(
    snapshotOf({ bills, services: [], ...inventory, today: isoDate(2026, 11, 20) }),
    ALL_RULES.filter((rule) => ruleIds.includes(rule.id)),
  );
  return {
    found: findings.map((f) => [f.ruleId, f.subject.invoiceNumber, f.impact]),
    ids: findings.map((f) => f.id),
    messages: findings.map((f) => f.message),
    net: countOnce(findings.map((f) => ({ ...f, status: 'open' as const }))).net,
  };
}

describe('a bill re-sent under a new number', () => {
  it('is checked for arithmetic once: the copy’s $10 gap is not reported again', () => {
    const lines = [...CIRCUITS, line('surcharge', 90_00, USF)];
    const total = { statedTotal: cents(2100_00) };
    const { found, net } = audit(
      [september('L-0901', 1, lines, total), september('L-0901R', 5, lines, total)],
      ['duplicate-invoice', 'invoice-math'],
    );
    expect(found).toEqual([
      ['duplicate-invoice', 'L-0901R', 2100_00],
      ['invoice-math', 'L-0901', 10_00],
    ]);
    expect(net).toBe(2110_00);
  });

  it('is found when neither bill states its period: the billing month is the period', () => {
    const { found } = audit(
      [
        september('L-0901', 1, CIRCUITS, { stated: false }),
        september('L-0901R', 5, CIRCUITS, { stated: false }),
      ],
      ['duplicate-invoice', 'duplicate-charge'],
    );
    expect(found).toEqual([['duplicate-invoice', 'L-0901R', 2000_00]]);
  });

  it('says which month it compared when no period is stated', () => {
    const { messages } = audit(
      [
        september('L-0901', 1, CIRCUITS, { stated: false }),
        september('L-0901R', 5, CIRCUITS, { stated: false }),
      ],
      ['duplicate-invoice'],
    );
    expect(messages).toEqual([
      'Invoice L-0901R ($2,000.00) repeats invoice L-0901: same account, billing month 2026-09 (no period stated), total and charges.',
    ]);
  });

  it('is not a bill of the same period and total that charges for other services', () => {
    const dia = makeService({ id: 'svc-dia', ...DIA, serviceKey: '+1554433', plan: undefined });
    const mpls = makeService({ id: 'svc-mpls', ...MPLS, serviceKey: '+1556677', plan: undefined });
    const contract = makeContract({
      rateCard: [
        { serviceId: 'svc-dia', monthlyRateCents: cents(800_00) },
        { serviceId: 'svc-mpls', monthlyRateCents: cents(1200_00) },
      ],
    });
    const { found } = audit(
      [
        september('L-A', 1, [line('recurring', 1250_00, DIA)]),
        september('L-B', 1, [line('recurring', 1250_00, MPLS)]),
      ],
      ['duplicate-invoice', 'not-billed', 'rate-mismatch'],
      { services: [dia, mpls], contracts: [contract] },
    );
    // Both bills are bills: each circuit is billed, each above its rate.
    expect(found).toEqual([
      ['rate-mismatch', 'L-A', 450_00],
      ['rate-mismatch', 'L-B', 50_00],
    ]);
  });
});

describe('a charge billed twice', () => {
  it('on two accounts’ bills of one month, neither stating its period', () => {
    const other = september('X-0901', 3, [line('recurring', 800_00, DIA)], {
      stated: false,
      accountNumber: 'A-9',
    });
    const { found } = audit(
      [september('L-0901', 1, CIRCUITS, { stated: false }), other],
      ['duplicate-charge'],
    );
    expect(found).toEqual([['duplicate-charge', 'X-0901', 800_00]]);
  });

  it('on two accounts: the copy on the service’s own account is the original, in either order', () => {
    // The inventory puts the circuit on A-9, whose bill comes later and may be read last.
    const dia = makeService({ id: 'svc-dia', ...DIA, serviceKey: '+1554433', accountId: 'acct-9' });
    const accounts = [makeAccount(), makeAccount({ id: 'acct-9', accountNumber: 'A-9' })];
    const own = september('X-0901', 3, [line('recurring', 800_00, DIA)], { accountNumber: 'A-9' });
    const wrong = september('L-0901', 1, CIRCUITS);
    const inventory = { services: [dia], accounts };
    const read = audit([own, wrong], ['duplicate-charge'], inventory);
    const reversed = audit([wrong, own], ['duplicate-charge'], inventory);
    expect(read.found).toEqual([['duplicate-charge', 'L-0901', 800_00]]);
    expect(reversed.found).toEqual(read.found);
    expect(reversed.ids).toEqual(['duplicate-charge|lumen|A-1|+1554433|2026-09']);
    expect(read.ids).toEqual(reversed.ids);
  });

  it('on two accounts the inventory does not settle: the later invoice’s, in either order', () => {
    const later = september('X-0901', 3, [line('recurring', 800_00, DIA)], {
      accountNumber: 'A-9',
    });
    const sameDay = september('K-0901', 1, [line('recurring', 800_00, DIA)], {
      accountNumber: 'A-9',
    });
    const first = september('L-0901', 1, CIRCUITS);
    expect(audit([later, first], ['duplicate-charge']).found).toEqual([
      ['duplicate-charge', 'X-0901', 800_00],
    ]);
    // Same date: the invoice number decides, not the file read first.
    for (const bills of [
      [first, sameDay],
      [sameDay, first],
    ]) {
      expect(audit(bills, ['duplicate-charge']).found).toEqual([
        ['duplicate-charge', 'L-0901', 800_00],
      ]);
    }
  });

  it('is not billed twice when the same bill credits the copy back', () => {
    const credit = line('credit', -800_00, { ...DIA, description: 'Credit - billed in error' });
    const { found } = audit(
      [september('L-0901', 1, [...CIRCUITS, line('recurring', 800_00, DIA), credit])],
      ['duplicate-charge'],
    );
    expect(found).toEqual([]);
  });

  it('is still billed twice beside a discount or a credit of another amount', () => {
    const lines = [
      ...CIRCUITS,
      line('recurring', 800_00, DIA),
      line('credit', -800_00, { ...DIA, description: 'Promotional discount' }),
      line('credit', -100_00, { ...DIA, description: 'Outage credit' }),
    ];
    const { found } = audit([september('L-0901', 1, lines)], ['duplicate-charge']);
    expect(found).toEqual([['duplicate-charge', 'L-0901', 800_00]]);
  });

  it('once per credit: two copies and one credit leave one copy billed twice', () => {
    const credit = line('credit', -800_00, { ...DIA, description: 'Credit - billed in error' });
    const twice = line('recurring', 800_00, DIA);
    const { found } = audit(
      [september('L-0901', 1, [...CIRCUITS, twice, twice, credit])],
      ['duplicate-charge'],
    );
    expect(found).toEqual([['duplicate-charge', 'L-0901', 800_00]]);
  });
});
