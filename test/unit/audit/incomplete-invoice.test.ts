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
