/**
 * The remit-to (payment address) a bill states is read onto the invoice, for the payment file;
 * bills that state none leave it absent. CSV by its Remit To column, EDI 811 by its remit-to party
 * (N1*RE / N1*RI and the address segments after it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invoiceFromDraft } from '../../../shared/billing/invoice-from-draft';
import { guessMapping } from '../../../shared/import/mapping';
import type { Segment } from '../../helpers/x12';
import { interchange, lumenInvoice, x12File } from '../../helpers/x12';
import { readDraft } from './fixtures';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Category,Amount,Invoice Total,Remit To';

/** The remit-to of a small Lumen 811 whose header ends with `extra` segments. */
function ediRemitTo(extra: Segment[]): string | undefined {
  const [big, ...rest] = lumenInvoice();
  if (big === undefined) throw new Error('no BIG');
  const firstHl = rest.findIndex((segment) => segment[0] === 'HL');
  const body = [big, ...rest.slice(0, firstHl), ...extra, ...rest.slice(firstHl)];
  const draft = readDraft([x12File('lumen.811', interchange([body]))]);
  expect(draft.errors).toEqual([]);
  return draft.invoices[0]?.remitTo;
}

function csv(rows: string[]): { name: string; bytes: Uint8Array } {
  return {
    name: 'lumen-2024-03.csv',
    bytes: new TextEncoder().encode([HEADER, ...rows].join('\n')),
  };
}

describe('remit-to', () => {
  it('a TEM Desk charge file with a Remit To column gives each invoice its address', () => {
    const draft = readDraft([
      csv([
        'Lumen,LMN-100,INV-1,2024-03-01,2024-03-25,MRC,850.00,850.00,"PO Box 910182, Denver CO 80291"',
        'Lumen,LMN-200,INV-2,2024-03-01,2024-03-25,MRC,100.00,100.00,',
      ]),
    ]);
    expect(draft.errors).toEqual([]);
    expect(draft.invoices.map((i) => i.remitTo)).toEqual([
      'PO Box 910182, Denver CO 80291',
      undefined,
    ]);
  });

  it('the mapping wizard recognises a remittance column', () => {
    const mapping = guessMapping(['Acct', 'Bill Date', 'Charge', 'Remittance Address']);
    expect(mapping.columns['Remittance Address']).toBe('remitTo');
  });

  it('the stored invoice keeps it', () => {
    const draft = readDraft([
      csv(['Lumen,LMN-100,INV-1,2024-03-01,2024-03-25,MRC,850.00,850.00,PO Box 910182']),
    ]);
    const [drafted] = draft.invoices;
    if (drafted === undefined) throw new Error('no invoice');
    const invoice = invoiceFromDraft(
      drafted,
      { id: 'i', carrierId: 'lumen', importBatchId: 'b' },
      [],
    );
    expect(invoice.remitTo).toBe('PO Box 910182');
  });

  it.each<[string, Segment[], string | undefined]>([
    ['no remit-to party', [], undefined],
    [
      'N1*RE with a name only',
      [['N1', 'RE', 'Lumen Remittance Center']],
      'Lumen Remittance Center',
    ],
    [
      'N1*RE with N2, N3 (two lines) and N4',
      [
        ['N1', 'RE', 'Lumen'],
        ['N2', 'Remittance Center'],
        ['N3', 'PO Box 910182', 'Dept 42'],
        ['N4', 'Denver', 'CO', '80291'],
      ],
      'Lumen, Remittance Center, PO Box 910182, Dept 42, Denver, CO 80291',
    ],
    [
      'N1*RI, its loop ended by the next N1 (whose N3 is not the remit-to’s)',
      [
        ['N1', 'RI', ' Lumen Remittance '],
        ['N4', 'Denver', '', ''],
        ['N1', 'BT', 'Acme Corp'],
        ['N3', '1 Main St'],
      ],
      'Lumen Remittance, Denver',
    ],
    [
      'the first remit-to party when there are two',
      [
        ['N1', 'RE', 'First'],
        ['N1', 'RE', 'Second'],
      ],
      'First',
    ],
  ])('EDI 811: %s', (_label, extra, expected) => {
    expect(ediRemitTo(extra)).toBe(expected);
  });

  it('EDI 811: the fixture’s N1*RE reaches the stored invoice', () => {
    const draft = readDraft([
      { name: 'lumen-2026-09.811', bytes: ediFixtureBytes('lumen-2026-09.811') },
    ]);
    const [drafted] = draft.invoices;
    if (drafted === undefined) throw new Error('no invoice');
    expect(drafted.remitTo).toBe('Lumen Remittance Center');
    const invoice = invoiceFromDraft(
      drafted,
      { id: 'i', carrierId: 'lumen', importBatchId: 'b' },
      [],
    );
    expect(invoice.remitTo).toBe('Lumen Remittance Center');
  });
});

function ediFixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/edi/${name}`, import.meta.url)));
}
