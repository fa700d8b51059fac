/**
 * Re-sent bills and charges billed twice: a copy is found once and counted once; a bill that only
 * looks like a copy is a bill of its own; a charge already credited on its bill is not billed twice.
 */
import { describe, expect, it } from 'vitest';
import { countOnce } from '../../../shared/audit/claims';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import { isoDate } from '../../../shared/dates';
import type { Invoice } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import type { PackableLine } from '../../../shared/storage/charge-blocks';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

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

function audit(bills: ReturnType<typeof billed>[], ruleIds: readonly string[]) {
  const { findings } = runAudit(
    snapshotOf({ bills, services: [], today: isoDate(2026, 11, 20) }),
    ALL_RULES.filter((rule) => ruleIds.includes(rule.id)),
  );
  return {
    found: findings.map((f) => [f.ruleId, f.subject.invoiceNumber, f.impact]),
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
});
