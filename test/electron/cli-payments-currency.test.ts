/**
 * `payments --workspace` refusing a Canadian invoice the backup holds without its CAD total says
 * what to do from the command line: the app's "Import the bill again (Replace)" cannot be done by
 * giving the bill with --bills (the backup's invoice stays, the bill counted as a copy).
 */
import { describe, expect, it } from 'vitest';
import { CliError } from '../../electron/cli/inputs';
import { payOrRefuse } from '../../electron/cli/payments-command';
import type { IsoDate } from '../../shared/dates/iso-date';
import { buildPaymentFile, INVOICE_PAYMENT_PRESET } from '../../shared/export/payment-file';
import { cents } from '../../shared/money/cents';
import { approvedInvoice, NO_ALLOCATION } from '../unit/export/payment-fixtures';

/** A Bell bill stored before its CAD total was kept, stating another total than its lines. */
const OLD_BELL = approvedInvoice('BELL-0', {
  statedTotal: cents(148_42),
  linesTotal: cents(146_24),
  exchange: { currency: 'CAD', usdPerUnit: '0.7312', originalAmount: '200.00' },
});

function refusal(): unknown {
  try {
    payOrRefuse(() =>
      buildPaymentFile({
        invoices: [OLD_BELL],
        allocation: NO_ALLOCATION,
        names: { carriers: [], costCenters: [] },
        preset: INVOICE_PAYMENT_PRESET,
        format: 'csv',
        batch: 'PAY-1',
        from: '2026-01-01' as IsoDate,
        to: '2026-12-31' as IsoDate,
        includeExported: false,
      }),
    );
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('payments refusing an invoice it cannot pay in its currency', () => {
  it('says the problem and the command line’s way out: the app’s Replace, then a new backup', () => {
    const error = refusal();
    expect(error).toBeInstanceOf(CliError);
    const message = (error as Error).message;
    expect(message).toContain(
      'Invoice BELL-0 is in CAD and was imported before TEM Desk kept its total in CAD: only its US dollar amount is known.',
    );
    expect(message).toContain('download a new backup for --workspace');
    expect(message).toContain(
      'a bill given with --bills does not replace an invoice of the backup',
    );
  });
});
