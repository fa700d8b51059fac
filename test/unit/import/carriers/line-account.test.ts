/**
 * A charge line's own billing account (AT&T BANs under a FAN invoice) survives storage: packed
 * into charge blocks and back, and accepted by the backup schema; blocks of invoices whose lines
 * are all on the invoice's account carry no such column.
 */
import { describe, expect, it } from 'vitest';
import { chargeBlockSchema } from '../../../../shared/backup/schemas/billing';
import type { ChargeLine } from '../../../../shared/model';
import { cents } from '../../../../shared/money/cents';
import {
  lineAccountOf,
  packChargeLines,
  unpackChargeBlock,
} from '../../../../shared/storage/charge-blocks';

function line(serviceIdRaw: string, accountNumber?: string): Omit<ChargeLine, 'invoiceId'> {
  return {
    serviceIdRaw,
    serviceKey: serviceIdRaw === '' ? null : `+1${serviceIdRaw}`,
    description: 'Monthly Charges',
    category: 'recurring',
    quantity: null,
    amount: cents(65_00),
    sourceRow: 2,
    ...(accountNumber === undefined ? {} : { accountNumber }),
  };
}

describe("a charge line's own billing account", () => {
  it('is packed and unpacked with its line, blank lines keeping the invoice account', () => {
    const [block] = packChargeLines('inv-1', [
      line('5550100001', '287000111'),
      line(''),
      line('5550100002', '287000222'),
    ]);
    expect(block?.accountNumber).toEqual(['287000111', '', '287000222']);
    expect(block === undefined ? [] : unpackChargeBlock(block).map((l) => l.accountNumber)).toEqual(
      ['287000111', undefined, '287000222'],
    );
    expect(block === undefined ? undefined : lineAccountOf(block, 1)).toBeUndefined();
  });

  it('adds no column when every line is on the invoice account', () => {
    const [block] = packChargeLines('inv-2', [line('5550100001'), line('')]);
    expect(block).toBeDefined();
    expect(block?.accountNumber).toBeUndefined();
  });

  it('is accepted in a backup, and must hold one entry per line', () => {
    const [block] = packChargeLines('inv-3', [line('5550100001', '287000111'), line('')]);
    expect(chargeBlockSchema.safeParse(block).success).toBe(true);
    const short = { ...block, accountNumber: ['287000111'] };
    expect(chargeBlockSchema.safeParse(short).success).toBe(false);
  });
});
