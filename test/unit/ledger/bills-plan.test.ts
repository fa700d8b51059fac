import { describe, expect, it } from 'vitest';
import { DraftBuilder } from '../../../shared/import/draft-builder';
import type { DraftInvoice } from '../../../shared/import/draft';
import {
  focusOnNewFiles,
  linesByInvoice,
  planBills,
  relationToStored,
  usageRecordsOf,
  type StoredInvoice,
} from '../../../shared/ledger/bills';
import type { DraftUsage } from '../../../shared/import/draft';
import { isoMonth } from '../../../shared/dates';
import { packRecords, unpackRecords } from '../../../shared/storage/packed-records';
import { OrgResolver, sequentialIds } from '../../../shared/ledger/org';
import { storedInvoiceKey } from '../../../shared/ids/keys';
import { cents, type Cents } from '../../../shared/money/cents';
import { packChargeLines, unpackChargeBlock } from '../../../shared/storage/charge-blocks';
import { makeDraft, makeDraftInvoice, makeDraftLine } from '../../helpers/drafts';

function stored(parts: StoredInvoice['parts']): StoredInvoice {
  return {
    id: 'invoice-9',
    carrierId: 'carrier-1',
    accountNumber: '5-ACME-001',
    invoiceNumber: 'INV-1001',
    importBatchId: 'batch-1',
    parts,
  };
}

const LINES = { kind: 'wireless-summary', sourceFile: '09/Account & Wireless Summary.txt' };
const TOTAL = { kind: 'account-summary', sourceFile: '09/AccountSummary.txt' };

function drafted(parts: DraftInvoice['parts']): DraftInvoice {
  return makeDraftInvoice({ parts, sourceFile: parts?.[0]?.sourceFile ?? 'x' });
}

describe('a drafted invoice against the stored one with its key', () => {
  it.each([
    ['the companion read alone', [TOTAL], [LINES], 'needs-stored'],
    ['the companion read with the stored file', [TOTAL, LINES], [LINES], 'joined'],
    ['a second file of a stored kind', [{ ...LINES, sourceFile: 'copy/A.txt' }], [LINES], 'copy'],
    ['the same parts again', [LINES, TOTAL], [LINES, TOTAL], 'copy'],
    [
      'another copy of one part, with a new part',
      [TOTAL, { ...LINES, sourceFile: 'b.txt' }],
      [LINES],
      'copy',
    ],
  ] as const)('%s is %s', (_name, draftParts, storedParts, relation) => {
    const parts = storedParts.map((part) => ({ ...part, importBatchId: 'batch-1' }));
    expect(relationToStored(drafted([...draftParts]), stored(parts))).toBe(relation);
  });

  it('an invoice stored before parts existed is whole: any new file for it is a copy', () => {
    expect(relationToStored(drafted([TOTAL]), stored(undefined))).toBe('copy');
  });
});

describe('the bill plan', () => {
  const org = () =>
    new OrgResolver(
      [{ id: 'carrier-1', name: 'Lumen' }],
      [{ id: 'account-1', carrierId: 'carrier-1', accountNumber: '5-ACME-001', status: 'open' }],
      sequentialIds(),
    );

  it('adds new invoices, completes joined ones, and refuses copies unless replacing', () => {
    const joined = drafted([TOTAL, LINES]);
    const copy = makeDraftInvoice({ invoiceNumber: 'INV-2', sourceFile: 'b.csv' });
    const fresh = makeDraftInvoice({ invoiceNumber: 'INV-3', accountNumber: '5 acme 001' });
    const draft = makeDraft([joined, copy, fresh], [makeDraftLine(fresh, 'recurring', 10_00)]);
    const storedByKey = new Map([
      [
        storedInvoiceKey('carrier-1', '5-ACME-001', 'INV-1001'),
        stored([{ ...LINES, importBatchId: 'b1' }]),
      ],
      [
        storedInvoiceKey('carrier-1', '5-ACME-001', 'INV-2'),
        { ...stored(undefined), id: 'invoice-2', invoiceNumber: 'INV-2' },
      ],
    ]);
    const plan = planBills([draft], org(), (key) => storedByKey.get(key));
    expect(plan.invoices.map((p) => [p.drafted.invoiceNumber, p.action])).toEqual([
      ['INV-1001', 'complete'],
      ['INV-3', 'add'],
    ]);
    // The account is the stored one, in its display form.
    expect(plan.invoices[1]?.drafted.accountNumber).toBe('5-ACME-001');
    expect(plan.clashes.map((c) => c.stored.id)).toEqual(['invoice-2']);
    const replacing = planBills([draft], org(), (key) => storedByKey.get(key), { replace: true });
    expect(replacing.invoices.map((p) => p.action)).toEqual(['complete', 'replace', 'add']);
  });
});

describe('grouping the lines once', () => {
  it('a second plan of the same drafts reuses the first one’s groups; lines added since count', () => {
    const org = () => new OrgResolver([], [], sequentialIds());
    const invoice = makeDraftInvoice();
    const draft = makeDraft([invoice], [makeDraftLine(invoice, 'recurring', 10_00)]);
    const first = planBills([draft], org(), () => undefined);
    const second = planBills([draft], org(), () => undefined);
    expect(second.invoices[0]?.lines).toBe(first.invoices[0]?.lines);
    expect(linesByInvoice(draft.lines).get(invoice.key)).toBe(first.invoices[0]?.lines);
    draft.lines.push(makeDraftLine(invoice, 'usage', 2_00));
    const third = planBills([draft], org(), () => undefined);
    expect(third.invoices[0]?.lines.map((line) => line.amount)).toEqual([10_00, 2_00]);
  });
});

describe('copies while reading', () => {
  /** Invoice 7 of Lumen account 1, stating `statedTotal`, without its file. */
  const invoiceSeven = (statedTotal: Cents | null) => ({
    carrierName: 'Lumen',
    accountNumber: '1',
    invoiceNumber: '7',
    invoiceDate: makeDraftInvoice().invoiceDate,
    statedTotal,
  });

  it('a second file of one kind of several for an invoice is a copy: recorded once, its rows skipped', () => {
    const builder = new DraftBuilder();
    const invoice = invoiceSeven(cents(5_00));
    const part = (file: string, kind: string, row: number) =>
      builder.invoicePart({ ...invoice, sourceFile: file }, kind, row);
    expect(part('a.txt', 'account-summary', 2)).not.toBeNull();
    expect(part('a.txt', 'account-summary', 3)).not.toBeNull();
    expect(part('b.txt', 'account-summary', 2)).toBeNull();
    expect(part('b.txt', 'account-summary', 3)).toBeNull();
    expect(part('c.txt', 'wireless-summary', 2)).not.toBeNull();
    expect(builder.copies).toEqual([
      expect.objectContaining({ sourceFile: 'b.txt', sameAs: 'a.txt', kind: 'account-summary' }),
    ]);
    expect(builder.skipped.map((row) => [row.sourceFile, row.row])).toEqual([
      ['b.txt', 2],
      ['b.txt', 3],
    ]);
    expect(builder.errors).toEqual([]);
  });

  it('a second whole-bill file is read, then judged by its lines when the draft is done', () => {
    const builder = new DraftBuilder();
    const invoice = invoiceSeven(null);
    const read = (file: string, row: number, amount: number) => {
      const found = builder.invoiceOfFilePart({ ...invoice, sourceFile: file }, row);
      if (found === null) throw new Error('not read');
      builder.line(
        found,
        { sourceFile: file, sourceRow: row },
        '555-010-0001',
        'MRC',
        'recurring',
        cents(amount),
      );
    };
    read('a.txt', 2, 5_00);
    read('b.txt', 2, 5_00);
    expect(builder.copies).toEqual([]);
    const draft = builder.finish('temdesk-charges', 'TEM Desk charge lines', 'MDY');
    expect(draft.lines.map((line) => [line.sourceFile, line.amount])).toEqual([['a.txt', 5_00]]);
    expect(draft.copies).toEqual([
      expect.objectContaining({ sourceFile: 'b.txt', sameAs: 'a.txt', kind: 'bill' }),
    ]);
    expect(draft.skipped.map((row) => [row.sourceFile, row.row])).toEqual([['b.txt', 2]]);
  });

  it('focusing on new files keeps the invoices they bring, with the stored file’s lines', () => {
    const joined = drafted([TOTAL, LINES]);
    const other = makeDraftInvoice({ invoiceNumber: 'OLD', sourceFile: LINES.sourceFile });
    const draft = makeDraft(
      [joined, other],
      [
        makeDraftLine(joined, 'recurring', 10_00, { sourceFile: LINES.sourceFile }),
        makeDraftLine(other, 'recurring', 20_00, { sourceFile: LINES.sourceFile }),
      ],
    );
    draft.errors.push({ sourceFile: LINES.sourceFile, row: 9, message: 'old problem' });
    const focused = focusOnNewFiles(draft, new Set([LINES.sourceFile]));
    expect(focused.invoices.map((i) => i.invoiceNumber)).toEqual(['INV-1001']);
    expect(focused.lines.map((l) => l.amount)).toEqual([10_00]);
    expect(focused.errors).toEqual([]);
  });
});

describe('stored lines keep their file', () => {
  it('packs each line’s file once per block and unpacks it', () => {
    const invoice = makeDraftInvoice();
    const lines = [
      makeDraftLine(invoice, 'recurring', 10_00, { sourceFile: 'A.txt', sourceRow: 2 }),
      makeDraftLine(invoice, 'late-fee', 5_00, { sourceFile: 'B.txt', sourceRow: 2 }),
      makeDraftLine(invoice, 'tax', 1_00, { sourceFile: 'A.txt', sourceRow: 3 }),
    ];
    const [block] = packChargeLines('invoice-1', lines);
    expect(block?.files).toEqual(['A.txt', 'B.txt']);
    if (block === undefined) throw new Error('no block');
    expect(unpackChargeBlock(block).map((l) => `${l.sourceFile}:${l.sourceRow}`)).toEqual([
      'A.txt:2',
      'B.txt:2',
      'A.txt:3',
    ]);
  });
});

describe('usage records to store', () => {
  const usage: DraftUsage[] = [
    {
      invoiceKey: 'k',
      serviceIdRaw: '(555) 010-0001',
      serviceKey: '5550100001',
      month: isoMonth(2026, 10),
      minutes: 120.5,
      messages: null,
      dataKb: 2048,
      roamingMinutes: 3,
      sourceFile: 'usage.csv',
      sourceRow: 2,
    },
    {
      invoiceKey: 'k',
      serviceIdRaw: '(555) 010-0002',
      serviceKey: '5550100002',
      month: isoMonth(2026, 10),
      minutes: null,
      messages: 14,
      dataKb: null,
      roamingDataKb: 512,
      sourceFile: 'usage.csv',
      sourceRow: 3,
    },
  ];

  it('are one shape, with the invoice after the month, and pack exactly', () => {
    const records = usageRecordsOf(usage, 'invoice-1');
    for (const record of records)
      expect(Object.keys(record)).toEqual([
        'serviceKey',
        'serviceIdRaw',
        'month',
        'invoiceId',
        'minutes',
        'messages',
        'dataKb',
        'roamingMinutes',
        'roamingDataKb',
        'usageCharges',
      ]);
    expect(records[0]).toMatchObject({ roamingMinutes: 3, roamingDataKb: 0, usageCharges: 0 });
    expect(records[1]).toMatchObject({ minutes: null, messages: 14, roamingMinutes: 0 });
    expect(records[1]?.invoiceId).toBe('invoice-1');
    // The store keeps them as columns only when every record has the same keys in one order.
    const packed = packRecords(records);
    expect(packed).not.toBeNull();
    if (packed) expect(unpackRecords(packed)).toEqual(records);
  });
});
