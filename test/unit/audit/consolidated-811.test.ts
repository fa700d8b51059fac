/**
 * A consolidated EDI X12 811: the master account in the header (REF*12), each service under its
 * sub-account's HL loop (REF*11). Each line is billed on its sub-account, so wrong-account judges
 * it there, not on the master account that pays, and not-billed expects a sub-account's services
 * on the bills that name it.
 */
import { describe, expect, it } from 'vitest';
import { invoiceFromDraft } from '../../../shared/billing/invoice-from-draft';
import type { Service } from '../../../shared/model';
import { packChargeLines } from '../../../shared/storage/charge-blocks';
import type { Segment } from '../../helpers/x12';
import { interchange, x12File } from '../../helpers/x12';
import { readDraft } from '../import/fixtures';
import { checkCase } from './cases';
import { CARRIER, makeAccount, makeService, snapshotOf } from './helpers';

/** HL `id` for sub-account `account` (REF*11), with one circuit level below it billing `price`. */
const subAccountLoop = (id: number, account: string, circuit: string, price: string): Segment[] => [
  ['HL', String(id), '1', '2'],
  ['REF', '11', account],
  ['HL', String(id + 1), String(id), '8'],
  ['SI', 'TI', 'CI', circuit],
  ['IT1', '1', '1', 'MO', price, '', 'SV', 'MRC'],
  ['PID', 'F', '', '', '', `Circuit ${circuit}`],
];

const consolidated: Segment[] = [
  ['BIG', '20260501', 'MASTER-2605'],
  ['REF', '12', '88-MASTER'],
  ['N1', 'SE', 'Lumen'],
  ['DTM', '186', '20260501'],
  ['DTM', '187', '20260531'],
  ['HL', '1', '', '1'],
  ...subAccountLoop(2, '88-4471', '12.HCGS.123456..LEC', '1450.00'),
  ...subAccountLoop(4, '8-8-5590', '44.L1XX.220011..CTLC', '900.00'),
  ['TDS', '235000'],
];

function audited(circuitAccount: string, more: Service[] = []) {
  const draft = readDraft([x12File('master.811', interchange([consolidated]))]);
  const [drafted] = draft.invoices;
  if (drafted === undefined) throw new Error('not read');
  const invoice = invoiceFromDraft(
    drafted,
    { id: 'inv-1', carrierId: CARRIER, importBatchId: 'test' },
    draft.lines,
  );
  const [ds3, ethernet] = draft.lines;
  return {
    draft,
    snapshot: snapshotOf({
      bills: [{ invoice, blocks: packChargeLines(invoice.id, draft.lines, 3) }],
      accounts: [
        makeAccount({ id: 'acct-m', accountNumber: '88-MASTER' }),
        makeAccount({ id: 'acct-4471', accountNumber: '88-4471' }),
        makeAccount({ id: 'acct-5590', accountNumber: '88-5590' }),
        makeAccount({ id: 'acct-other', accountNumber: '88-9999' }),
      ],
      services: [
        makeService({
          id: 'svc-ds3',
          accountId: 'acct-4471',
          serviceIdRaw: ds3?.serviceIdRaw ?? '',
          serviceKey: ds3?.serviceKey ?? null,
        }),
        makeService({
          id: 'svc-eth',
          accountId: circuitAccount,
          serviceIdRaw: ethernet?.serviceIdRaw ?? '',
          serviceKey: ethernet?.serviceKey ?? null,
        }),
        ...more,
      ],
    }),
  };
}

describe('a consolidated 811 (master account, services under sub-accounts)', () => {
  it('each line carries the sub-account it is billed on', () => {
    const { draft } = audited('acct-5590');
    expect(draft.invoices[0]?.accountNumber).toBe('88-MASTER');
    expect(draft.lines.map((line) => [line.serviceIdRaw, line.accountNumber])).toEqual([
      ['12.HCGS.123456..LEC', '88-4471'],
      ['44.L1XX.220011..CTLC', '8-8-5590'],
    ]);
  });

  it('a service on its sub-account or the master account is on the right account; one on another account is not', () => {
    checkCase({
      name: 'on its sub-account',
      rule: 'wrong-account',
      snapshot: audited('acct-5590').snapshot,
      expected: [],
    });
    // The master account pays for it: a service the inventory keeps there is on its account too.
    checkCase({
      name: 'on the master account',
      rule: 'wrong-account',
      snapshot: audited('acct-m').snapshot,
      expected: [],
    });
    checkCase({
      name: 'listed under another sub-account',
      rule: 'wrong-account',
      snapshot: audited('acct-4471').snapshot,
      expected: [
        {
          id: `wrong-account|${CARRIER}|8-8-5590|44L1XX220011CTLC|2026-05`,
          impact: 0,
          message:
            '44.L1XX.220011..CTLC belongs to account 88-4471 in the inventory but is billed on 8-8-5590: $900.00 on invoice MASTER-2605 (2026-05).',
        },
      ],
    });
  });

  it('a service the 811 leaves out of its sub-account is not billed; one of a sub-account it does not name is not judged', () => {
    const circuit = (id: string, accountId: string, number: string) =>
      makeService({ id, accountId, serviceIdRaw: number, serviceKey: number.replace(/\W/g, '') });
    checkCase({
      name: 'left out of 8-8-5590',
      rule: 'not-billed',
      snapshot: audited('acct-5590', [
        circuit('svc-gone', 'acct-5590', '44.L1XX.330022..CTLC'),
        // The master account's other sub-accounts are billed elsewhere as far as this bill says.
        circuit('svc-other', 'acct-other', '44.L1XX.440033..CTLC'),
      ]).snapshot,
      expected: [
        {
          id: `not-billed|${CARRIER}|88-5590|44L1XX330022CTLC|2026-05`,
          impact: 0,
          message:
            "44.L1XX.330022..CTLC (Business Unlimited) is active in the inventory but on no invoice of account 88-5590 (billed on account 88-MASTER's invoices) on 2026-05.",
        },
      ],
    });
  });
});
