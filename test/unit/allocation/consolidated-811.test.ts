/**
 * A consolidated EDI X12 811 (the master account in the header, REF*12; each sub-account's lines
 * in its own HL loop, REF*11): a tax or fee in a sub-account's loop but under no service is that
 * sub-account's account-level charge, spread over that sub-account's services only; one after
 * `TDS` (the invoice's) over every service of the bill.
 */
import { describe, expect, it } from 'vitest';
import { invoiceFromDraft } from '../../../shared/billing/invoice-from-draft';
import { packChargeLines } from '../../../shared/storage/charge-blocks';
import type { Segment } from '../../helpers/x12';
import { interchange, x12File } from '../../helpers/x12';
import { readDraft } from '../import/fixtures';
import { account, allocate, company, service } from './helpers';

/** HL `id` for sub-account `account` (REF*11) with its own `tax`, and one circuit billing `price`. */
const subAccountLoop = (
  id: number,
  subAccount: string,
  tax: string,
  circuit: string,
  price: string,
): Segment[] => [
  ['HL', String(id), '1', '2'],
  ['REF', '11', subAccount],
  ['TXI', 'ST', tax],
  ['HL', String(id + 1), String(id), '8'],
  ['SI', 'TI', 'CI', circuit],
  ['IT1', '1', '1', 'MO', price, '', 'SV', 'MRC'],
  ['PID', 'F', '', '', '', `Circuit ${circuit}`],
];

const consolidated: Segment[] = [
  ['BIG', '20261005', 'MASTER-2610'],
  ['REF', '12', '88-MASTER'],
  ['N1', 'SE', 'Lumen'],
  ['DTM', '186', '20261001'],
  ['DTM', '187', '20261031'],
  ['HL', '1', '', '1'],
  ...subAccountLoop(2, '88-4471', '12.00', '12.HCGS.123456..LEC', '1500.00'),
  ...subAccountLoop(4, '8-8-5590', '20.00', '44.L1XX.220011..CTLC', '500.00'),
  ['TDS', '203400'],
  ['TXI', 'FT', '2.00'],
];

function allocated() {
  const draft = readDraft([x12File('master.811', interchange([consolidated]))]);
  const [drafted] = draft.invoices;
  if (drafted === undefined) throw new Error('not read');
  const invoice = invoiceFromDraft(
    drafted,
    { id: 'inv-1', carrierId: 'vz', importBatchId: 'test' },
    draft.lines,
  );
  const circuit = (text: string) => draft.lines.find((line) => line.serviceIdRaw === text);
  const ds3 = circuit('12.HCGS.123456..LEC');
  const ethernet = circuit('44.L1XX.220011..CTLC');
  return {
    draft,
    result: allocate(
      company({
        invoices: [invoice],
        blocks: packChargeLines(invoice.id, draft.lines, 3),
        accounts: [
          account('master', { accountNumber: '88-MASTER' }),
          account('acct-4471', { accountNumber: '88-4471' }),
          account('acct-5590', { accountNumber: '88-5590' }),
        ],
        services: [
          service('ds3', {
            accountId: 'acct-4471',
            serviceIdRaw: ds3?.serviceIdRaw ?? '',
            serviceKey: ds3?.serviceKey ?? null,
            costCenterId: 'a',
          }),
          service('eth', {
            accountId: 'acct-5590',
            serviceIdRaw: ethernet?.serviceIdRaw ?? '',
            serviceKey: ethernet?.serviceKey ?? null,
            costCenterId: 'b',
          }),
        ],
      }),
    ),
  };
}

describe('a consolidated 811 in the chargeback', () => {
  it('reads each sub-account’s tax as an account-level line of that sub-account', () => {
    const { draft } = allocated();
    expect(
      draft.lines
        .filter((line) => line.serviceIdRaw === '')
        .map((line) => [line.amount, line.accountNumber]),
    ).toEqual([
      [1200, '88-4471'],
      [2000, '8-8-5590'],
      [200, undefined],
    ]);
  });

  it('spreads a sub-account’s tax over its own services, the invoice’s over all of them', () => {
    const { result } = allocated();
    expect(result.exceptions).toEqual([]);
    expect(
      result.rows
        .filter((row) => row.serviceId === null)
        .map((row) => [row.amount, row.costCenterId, row.origin]),
    ).toEqual([
      [1200, 'a', 'account-pro-rata'],
      [2000, 'b', 'account-pro-rata'],
      // $2.00 over $1,500.00 (a) and $500.00 (b).
      [150, 'a', 'account-pro-rata'],
      [50, 'b', 'account-pro-rata'],
    ]);
    expect(result.totals).toMatchObject({ invoices: 203400, allocated: 203400, unallocated: 0 });
  });
});
