/**
 * The remit-to (payment address) a bill states is read onto the invoice, for the payment file;
 * bills that state none leave it absent.
 */
import { describe, expect, it } from 'vitest';
import { invoiceFromDraft } from '../../../shared/billing/invoice-from-draft';
import { guessMapping } from '../../../shared/import/mapping';
import { readDraft } from './fixtures';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Category,Amount,Invoice Total,Remit To';

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
});
