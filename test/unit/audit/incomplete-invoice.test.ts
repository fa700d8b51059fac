/**
 * An invoice whose charges are still to come (Verizon's AccountSummary read without its Account &
 * Wireless Summary) is incomplete, not wrong: no invoice-math error for lines adding up to $0.00.
 * Reading it says which file completes it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingCompanionOf } from '../../../shared/import/draft';
import { cents } from '../../../shared/money/cents';
import { readBill } from '../../helpers/read-bill';
import { checkCase } from './cases';
import { billed, line, makeInvoice, snapshotOf } from './helpers';

const parts = (...kinds: string[]) =>
  kinds.map((kind) => ({ kind, sourceFile: `${kind}.txt`, importBatchId: 'batch-1' }));

describe('an invoice waiting for its companion file', () => {
  it('names the file its charges are in, until that part is there', () => {
    expect(missingCompanionOf({ parts: parts('account-summary') })).toBe(
      '“Account & Wireless Summary”',
    );
    expect(missingCompanionOf({ parts: parts('account-summary', 'wireless-summary') })).toBe(null);
    expect(missingCompanionOf({ parts: parts('wireless-summary') })).toBe(null);
    expect(missingCompanionOf({})).toBe(null);
  });

  it('raises no invoice-math error while it waits; once complete, its sums are checked', () => {
    const waiting = makeInvoice({ statedTotal: cents(1348_06), parts: parts('account-summary') });
    checkCase({
      name: 'waiting',
      rule: 'invoice-math',
      snapshot: snapshotOf({ bills: [billed(waiting, [])] }),
      expected: [],
    });
    const complete = {
      ...waiting,
      parts: parts('account-summary', 'wireless-summary'),
    };
    checkCase({
      name: 'complete',
      rule: 'invoice-math',
      snapshot: snapshotOf({ bills: [billed(complete, [line('recurring', 1300_00)])] }),
      expected: [
        {
          id: 'invoice-math|lumen|A-1|N-2026-05|2026-05',
          impact: 48_06,
          message:
            'Invoice N-2026-05 states a total of $1,348.06 but its lines add up to $1,300.00: $48.06 more than itemised.',
        },
      ],
    });
  });

  it('is no inventory gap: not-billed waits for the file that names its services', () => {
    const waiting = makeInvoice({ statedTotal: cents(45_00), parts: parts('account-summary') });
    checkCase({
      name: 'waiting',
      rule: 'not-billed',
      snapshot: snapshotOf({ bills: [billed(waiting, [])] }),
      expected: [],
    });
    // Complete with the service absent from its lines, the gap is real.
    const complete = { ...waiting, parts: parts('account-summary', 'wireless-summary') };
    checkCase({
      name: 'complete',
      rule: 'not-billed',
      snapshot: snapshotOf({
        bills: [billed(complete, [line('recurring', 45_00, { serviceIdRaw: '555-010-0002' })])],
      }),
      expected: [
        {
          id: 'not-billed|lumen|A-1|+15550100001|2026-05',
          impact: 0,
          message:
            '555-010-0001 (Business Unlimited) is active in the inventory but on no invoice of account A-1 on 2026-05.',
        },
      ],
    });
  });

  it('neither spikes nor lowers the average the next full bill is judged by', () => {
    const month = (m: string, amount: number) =>
      billed(makeInvoice({ month: m }), [line('recurring', amount)]);
    const waitingApril = makeInvoice({
      month: '2026-04',
      statedTotal: cents(1000_00),
      parts: parts('account-summary'),
    });
    checkCase({
      name: 'a month waiting between two full ones',
      rule: 'spike',
      snapshot: snapshotOf({
        bills: [
          month('2026-02', 1000_00),
          month('2026-03', 1000_00),
          billed(waitingApril, []),
          month('2026-05', 1000_00),
        ],
      }),
      expected: [],
    });
    // Complete, April is a month of the average like the others: at $100.00, May is above it.
    checkCase({
      name: 'the same months complete',
      rule: 'spike',
      snapshot: snapshotOf({
        bills: [
          month('2026-02', 1000_00),
          month('2026-03', 1000_00),
          billed({ ...waitingApril, parts: parts('account-summary', 'wireless-summary') }, [
            line('recurring', 100_00),
          ]),
          month('2026-05', 1000_00),
        ],
      }),
      expected: [
        {
          id: 'spike|lumen|A-1|N-2026-05|2026-05',
          impact: 300_00,
          message:
            'Invoice N-2026-05 totals $1,000.00, $300.00 above the average of $700.00 over the previous 3 invoices.',
        },
      ],
    });
  });

  it('says, when only the AccountSummary is read, which file completes the invoice', () => {
    const bytes = readFileSync(
      new URL('../../fixtures/files/verizon-account-summary.txt', import.meta.url),
    );
    const outcome = readBill([{ name: 'AccountSummary.txt', bytes: new Uint8Array(bytes) }]);
    if (outcome.kind !== 'draft') throw new Error(outcome.kind);
    const messages = (outcome.draft.warnings ?? []).map((warning) => warning.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message).toMatch(
        /only its stated total \(\$[\d,.]+\) was read; its charges are in the “Account & Wireless Summary” file of the same download/,
      );
      expect(message).not.toContain('its lines add up to');
    }
  });
});
