/**
 * How the CLI's refusals read: a sentence about "the bills" agrees with them.
 */
import { describe, expect, it } from 'vitest';
import { refuseUnjoinable } from '../../electron/cli/workspace-stored';
import type { BillPlan } from '../../shared/ledger/bills';

describe('refusing a bill the backup cannot join', () => {
  it('says "The bills have a problem", not "has"', () => {
    const plan = {
      needsStored: [
        {
          drafted: { invoiceNumber: '631619286', accountNumber: '5-KE4XC1AP', sourceFile: 'b.csv' },
          stored: { parts: [{ sourceFile: 'a.csv' }] },
        },
      ],
    } as unknown as BillPlan;
    expect(() => {
      refuseUnjoinable(plan);
    }).toThrow(/^The bills have a problem:\n {2}- Invoice 631619286/);
  });
});
