/**
 * An account number a spreadsheet saved as a number has lost its leading zeros (`0012345` typed
 * into a General cell is stored as 12345); the carrier's bills keep them. The two are one account:
 * the number written so first, else the only account that is the same number but for leading
 * zeros. The bills' number is the account's (an account known only from set-up files takes it);
 * every door says so. Two accounts that differ only by zeros are never merged into a third.
 */
import { describe, expect, it } from 'vitest';
import { differOnlyInLeadingZeros, unpaddedAccountKey } from '../../../shared/ids/account-numbers';
import { storedInvoiceKey } from '../../../shared/ids/keys';
import type { BillDraft } from '../../../shared/import/draft';
import { planBills } from '../../../shared/ledger/bills';
import { planContracts } from '../../../shared/ledger/contracts';
import { planInventory } from '../../../shared/ledger/inventory';
import { OrgResolver, sequentialIds } from '../../../shared/ledger/org';
import type { Account, Carrier } from '../../../shared/model';
import { makeDraft, makeDraftInvoice, makeDraftLine } from '../../helpers/drafts';
import { makeContractDraft, makeInventoryDraft } from './helpers';

const VERIZON: Carrier = { id: 'carrier-vz', name: 'Verizon Wireless' };

function account(id: string, accountNumber: string): Account {
  return { id, carrierId: VERIZON.id, accountNumber, status: 'open' };
}

/** A resolver over Verizon Wireless with these accounts, `billed` ones named by stored invoices. */
function resolver(accounts: Account[], billed: string[] = []): OrgResolver {
  return new OrgResolver(
    [VERIZON],
    accounts,
    sequentialIds(),
    billed.map((accountNumber) => ({ carrierId: VERIZON.id, accountNumber })),
  );
}

/** A Verizon bill of one invoice on `accountNumber`, one line. */
function billOn(accountNumber: string): BillDraft {
  const invoice = makeDraftInvoice({
    carrierName: 'Verizon Wireless',
    accountNumber,
    invoiceNumber: '8800000101',
  });
  return makeDraft([invoice], [makeDraftLine(invoice, 'recurring', 40_00)]);
}

const LEDGER = { costCenters: [], sites: [], services: [], contracts: [] };
const OPTIONS = {
  newId: sequentialIds(),
  unknownCostCenters: 'create',
  unknownContracts: 'refuse',
} as const;

describe('account numbers that differ only in leading zeros', () => {
  it.each([
    ['0012345', '12345', true],
    // Dashes are no spreadsheet's number: written so, a number keeps its zeros.
    ['00-123-45', '12345', false],
    ['00 123 45', '12345', true],
    ['0012345', '012345', true],
    ['0012345', '0012345', false],
    ['001-2345', '0012345', false],
    ['12345', '123450', false],
    ['0A12345', 'A12345', false],
    ['5-KE4X-001', '5KE4X001', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(differOnlyInLeadingZeros(a, b)).toBe(expected);
  });

  it('keys a number of digits without its zeros, and no number with letters or dashes', () => {
    expect(unpaddedAccountKey('0012345')).toBe('12345');
    expect(unpaddedAccountKey('000')).toBe('0');
    expect(unpaddedAccountKey('842012345-00001')).toBeNull();
    expect(unpaddedAccountKey('5-KE4X-001')).toBeNull();
  });
});

describe('the resolver', () => {
  it('takes the number written so first, else the only account the same but for zeros', () => {
    const org = resolver([account('a-padded', '0012345'), account('a-plain', '12345')]);
    expect(org.account(VERIZON.id, '0012345').id).toBe('a-padded');
    expect(org.account(VERIZON.id, '12345').id).toBe('a-plain');
    // 012345 could be either: neither is taken, another account is planned.
    expect(org.account(VERIZON.id, '012345').id).toBe('account-1');
    expect(org.createdAccounts.map((created) => created.accountNumber)).toEqual(['012345']);
  });

  it('takes a set-up file’s 12345 as the stored 0012345, keeping its number', () => {
    const org = resolver([account('a-1', '0012345')]);
    expect(org.account(VERIZON.id, '12345')).toEqual(account('a-1', '0012345'));
    expect(org.createdAccounts).toEqual([]);
    expect(org.renumberedAccounts).toEqual([]);
  });

  it('gives an account known only from set-up files the zeros a bill writes', () => {
    const org = resolver([account('a-1', '12345')]);
    expect(org.billedAccount(VERIZON.id, '0012345')).toEqual(account('a-1', '0012345'));
    expect(org.renumberedAccounts).toEqual([
      { before: account('a-1', '12345'), after: account('a-1', '0012345') },
    ]);
    expect(org.accounts()).toEqual([account('a-1', '0012345')]);
    // Later mentions, either way, are that account.
    expect(org.account(VERIZON.id, '12345').accountNumber).toBe('0012345');
    expect(org.billedAccount(VERIZON.id, '0012345').id).toBe('a-1');
    expect(org.billedOtherwise).toEqual([
      { written: '0012345', account: account('a-1', '0012345'), before: '12345' },
    ]);
  });

  it('keeps the number of an account billed already, filing the bill under it', () => {
    const org = resolver([account('a-1', '12345')], ['12345']);
    expect(org.billedAccount(VERIZON.id, '0012345')).toEqual(account('a-1', '12345'));
    expect(org.renumberedAccounts).toEqual([]);
    expect(org.billedOtherwise).toEqual([{ written: '0012345', account: account('a-1', '12345') }]);
  });

  it('never takes away zeros a bill does not write', () => {
    const org = resolver([account('a-1', '0012345')]);
    expect(org.billedAccount(VERIZON.id, '12345')).toEqual(account('a-1', '0012345'));
    expect(org.renumberedAccounts).toEqual([]);
  });

  it('keeps numbers with letters or punctuation as they are: no spreadsheet cut them', () => {
    const org = resolver([account('a-1', 'A12345')]);
    expect(org.account(VERIZON.id, '0A12345').id).not.toBe('a-1');
  });

  it('renumbers an account a set-up file created in the same run, where it was named', () => {
    const org = resolver([]);
    const created = org.account(VERIZON.id, '12345', {
      file: 'the inventory',
      row: 4,
      column: 'Account Number',
    });
    const billed = org.billedAccount(VERIZON.id, '0012345');
    expect(billed).toEqual({ ...created, accountNumber: '0012345' });
    expect(org.createdAccounts).toEqual([billed]);
    expect(org.renumberedAccounts).toEqual([]);
    expect(org.billedOtherwise).toEqual([
      {
        written: '0012345',
        account: billed,
        before: '12345',
        mention: { file: 'the inventory', row: 4, column: 'Account Number' },
      },
    ]);
  });
});

describe('the plans', () => {
  it('store a bill of 0012345 under the inventory’s 12345, renumbered, found again when re-read', () => {
    const org = resolver([account('a-1', '12345')]);
    const plan = planBills([billOn('0012345')], org, () => undefined);
    expect(
      plan.invoices.map((planned) => [planned.accountId, planned.drafted.accountNumber]),
    ).toEqual([['a-1', '0012345']]);
    // The stored invoice is looked up under the account's number, whatever the file wrote.
    const asked: string[] = [];
    const billed = resolver([account('a-1', '0012345')], ['0012345']);
    planBills([billOn('12345')], billed, (key) => {
      asked.push(key);
      return undefined;
    });
    expect(asked).toEqual([storedInvoiceKey(VERIZON.id, '0012345', '8800000101')]);
  });

  it('note an inventory row whose account lost its zeros, once per account', () => {
    const org = resolver([account('a-1', '0012345')]);
    const plan = planInventory(
      [
        makeInventoryDraft({ row: 4, accountNumber: '12345' }),
        makeInventoryDraft({ row: 5, accountNumber: '12345', serviceIdRaw: '555-010-0002' }),
        makeInventoryDraft({ row: 6, accountNumber: '0012345', serviceIdRaw: '555-010-0003' }),
      ],
      LEDGER,
      org,
      OPTIONS,
    );
    expect(plan.services.map((service) => service.accountId)).toEqual(['a-1', 'a-1', 'a-1']);
    expect(plan.newAccounts).toEqual([]);
    expect(plan.notes).toEqual([
      {
        row: 4,
        column: 'Account Number',
        value: '12345',
        message:
          'Row 4 (and 1 other row): account 12345 is taken as Verizon Wireless account 0012345, already known: the same number without its leading zeros, which a spreadsheet drops when it saves an account number as a number (format the column as Text to keep them).',
      },
    ]);
  });

  it('note a contracts row naming an account with its zeros lost', () => {
    const org = resolver([account('a-1', '0012345')]);
    const plan = planContracts(
      [makeContractDraft({ line: 3, accountNumbers: ['12345'] })],
      [],
      { contracts: [], services: [] },
      org,
    );
    expect(plan.contracts.map((contract) => contract.accountIds)).toEqual([['a-1']]);
    expect(plan.notes.map((note) => [note.row, note.column, note.message])).toEqual([
      [
        3,
        'Accounts',
        'Row 3: account 12345 is taken as Verizon Wireless account 0012345, already known: the same number without its leading zeros, which a spreadsheet drops when it saves an account number as a number (format the column as Text to keep them).',
      ],
    ]);
  });

  it('say nothing of an account written as it is known', () => {
    const org = resolver([account('a-1', '0012345')]);
    const plan = planInventory(
      [makeInventoryDraft({ accountNumber: '001-2345' })],
      LEDGER,
      org,
      OPTIONS,
    );
    expect(plan.notes).toEqual([]);
  });
});
