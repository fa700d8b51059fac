/**
 * Bills whose carrier name and account number are written another way in every file (as carriers'
 * portals and colleagues' spreadsheets do) are one carrier and one account, in both doors; the same
 * invoice number written another way is the same invoice, so a second copy is never counted twice.
 */
import { PINNED_TODAY } from '../helpers/clock';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../electron/cli/workspace';
import { TemDeskDatabase } from '../../renderer/db/database';
import { commitImport } from '../../renderer/db/import-commit';
import { readBills } from '../../shared/import/read-bill';
import { uploadsFor } from '../helpers/doors';
import { spellingOf } from '../helpers/spelling';

const RUNS = 15;

interface BillFile {
  carrier: string;
  account: string;
  invoice: string;
}

const bill = (invoice: string) =>
  fc.record({
    carrier: spellingOf('Verizon Wireless'),
    account: spellingOf('5-KE4X-001'),
    invoice: spellingOf(invoice),
  });

/** Two monthly bills, and a copy of the second with its numbers written another way. */
const files = fc.tuple(bill('INV-1001'), bill('INV-1002'), bill('INV-1002'));

const encoder = new TextEncoder();

function charges(file: BillFile, month: string): Uint8Array {
  return encoder.encode(
    [
      'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount',
      `${file.carrier},${file.account},${file.invoice},2026-${month}-01,555-010-0001,Line,Recurring,45.00`,
      `${file.carrier},${file.account},${file.invoice},2026-${month}-01,,State 911,Tax,1.25`,
    ].join('\n'),
  );
}

function upload([first, second, copy]: [BillFile, BillFile, BillFile]) {
  return [
    { name: 'bill-09.csv', bytes: charges(first, '09') },
    { name: 'bill-10.csv', bytes: charges(second, '10') },
    { name: 'bill-10-again.csv', bytes: charges(copy, '10') },
  ];
}

let counter = 0;

describe('bills: any spelling of a carrier, account or invoice number is one record', () => {
  it('through the app: one carrier, one account, two invoices, the copy refused', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (input) => {
        const db = new TemDeskDatabase(`spellings-bills-${++counter}`);
        await db.open();
        try {
          const picked = upload(input);
          const drafts = readBills(picked).flatMap((o) => (o.kind === 'draft' ? [o.draft] : []));
          expect(drafts.flatMap((d) => d.copies ?? []).map((c) => c.sourceFile)).toEqual([
            'bill-10-again.csv',
          ]);
          const uploads = uploadsFor(picked, drafts);
          expect((await commitImport(db, { uploads, drafts })).ok).toBe(true);
          expect(await db.carriers.count()).toBe(1);
          expect(await db.accounts.count()).toBe(1);
          const invoices = await db.invoices.toArray();
          expect(invoices).toHaveLength(2);
          expect(new Set(invoices.map((i) => i.accountNumber)).size).toBe(1);
        } finally {
          db.close();
          await db.delete();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('through the CLI: one carrier, one account, two invoices, the copy reported once', () => {
    fc.assert(
      fc.property(files, (input) => {
        const workspace = buildWorkspace({
          today: PINNED_TODAY,
          sites: { name: 'sites.csv', bytes: encoder.encode('Site Code,Site Name\nS1,Store') },
          inventory: {
            name: 'inventory.csv',
            bytes: encoder.encode(
              'Site Code,Site Name,Carrier,Account Number,Service Type,Service ID\nS1,Store,Verizon Wireless,5-KE4X-001,mobile,555-010-0001',
            ),
          },
          contracts: null,
          rates: null,
          bills: {
            files: upload(input).map((file) => ({
              path: file.name,
              name: file.name,
              bytes: file.bytes,
              hash: createHash('sha256').update(file.bytes).digest('hex'),
            })),
          },
        });
        expect(workspace.carriers).toHaveLength(1);
        expect(workspace.accounts).toHaveLength(1);
        expect(workspace.invoices).toHaveLength(2);
        expect(workspace.repeatedInvoices.map((r) => r.repeatFiles)).toEqual([
          ['bill-10-again.csv'],
        ]);
      }),
      { numRuns: RUNS },
    );
  });
});
