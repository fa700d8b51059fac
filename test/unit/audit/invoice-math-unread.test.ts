/**
 * A bill imported without rows that could not be read: the carrier itemised them, so invoice-math
 * claims only what those rows do not explain, and nothing when some of them have no amount that
 * could be read (the difference may be theirs).
 */
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../shared/audit/run';
import { ALL_RULES } from '../../../shared/audit/rules';
import type { UnreadRows } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

function invoiceMath(statedTotal: number, unread?: UnreadRows) {
  const invoice = makeInvoice({
    statedTotal: cents(statedTotal),
    ...(unread === undefined ? {} : { unread }),
  });
  const snapshot = snapshotOf({
    bills: [billed(invoice, [line('recurring', 800_00), line('surcharge', 16_00)])],
  });
  const rules = ALL_RULES.filter((rule) => rule.id === 'invoice-math');
  return runAudit(snapshot, rules).findings.map(({ severity, impact, message }) => ({
    severity,
    impact,
    message,
  }));
}

const unread = (rows: number, amount: number, unpriced = 0): UnreadRows => ({
  rows,
  amount: cents(amount),
  unpriced,
});

describe('invoice-math on a bill imported without rows it could not read', () => {
  it('claims no money the rows not read explain', () => {
    expect(invoiceMath(870_00, unread(4, 54_00))).toEqual([
      {
        severity: 'warning',
        impact: 0,
        message:
          'Invoice N-2026-05 states a total of $870.00 but its lines add up to $816.00: $54.00 more than itemised, of which $54.00 is in 4 rows of the bill not read (rows the carrier itemised and TEM Desk could not read): nothing else is unexplained, so no money is claimed. Correct those rows and import the bill again to complete its charges.',
      },
    ]);
  });

  it('claims only the remainder the rows not read leave unexplained', () => {
    expect(invoiceMath(880_00, unread(4, 54_00))).toEqual([
      {
        severity: 'error',
        impact: 10_00,
        message:
          'Invoice N-2026-05 states a total of $880.00 but its lines add up to $816.00: $64.00 more than itemised, of which $54.00 is in 4 rows of the bill not read (rows the carrier itemised and TEM Desk could not read); the other $10.00 is in no row of the bill.',
      },
    ]);
  });

  it('claims nothing when the rows not read make more than the bill asks', () => {
    const [finding] = invoiceMath(860_00, unread(1, 54_00));
    expect(finding?.impact).toBe(0);
    expect(finding?.message).toBe(
      'Invoice N-2026-05 states a total of $860.00 but its lines add up to $816.00, and the 1 row of the bill not read (a row the carrier itemised and TEM Desk could not read) adds up to $54.00; with them the lines add up to $10.00 more than the bill asks — no money at stake, as the bill asks for less than its lines.',
    );
  });

  it('claims nothing when a row not read has no amount that could be read', () => {
    expect(invoiceMath(870_00, unread(2, 12_00, 1))).toEqual([
      {
        severity: 'warning',
        impact: 0,
        message:
          'Invoice N-2026-05 states a total of $870.00 but its lines add up to $816.00: $54.00 more than itemised, and there are 2 rows of the bill not read (1 of them with no amount that could be read). The difference may be in those rows, so no money is claimed. Correct those rows and import the bill again to complete its charges.',
      },
    ]);
  });

  it('still claims the whole difference of a bill whose every row was read', () => {
    expect(invoiceMath(870_00)).toEqual([
      {
        severity: 'error',
        impact: 54_00,
        message:
          'Invoice N-2026-05 states a total of $870.00 but its lines add up to $816.00: $54.00 more than itemised.',
      },
    ]);
  });
});
