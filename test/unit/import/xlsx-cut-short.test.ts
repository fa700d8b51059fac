/**
 * A worksheet whose XML is cut short between two tags, or whose tags do not nest, is damaged:
 * it is refused with a sentence, never read up to its last complete cell (the rows after the cut
 * were lost without a word, and the invoice imported short).
 */
import { describe, expect, it } from 'vitest';
import { scanXml } from '../../../shared/import/xlsx/xml';
import { buildXlsx, STYLE, type TestCell } from '../../helpers/xlsx-build';
import { readBill } from '../../helpers/read-bill';

const HEADER = ['Carrier', 'Account Number', 'Invoice Number', 'Invoice Date', 'Service ID'];
const charge = (service: string): TestCell[] => [
  'Lumen',
  '5-KE4X-001',
  '754240482',
  { n: 46296, style: STYLE.date },
  service,
  { n: 45, style: STYLE.currency },
  'MRC',
];

/** A three-charge bill whose sheet part is changed by `damage`. */
function damagedBill(damage: (xml: string) => string): Uint8Array {
  return buildXlsx({
    sheets: [
      {
        name: 'Bill',
        rows: [
          [...HEADER, 'Amount', 'Category'],
          charge('555-010-0001'),
          charge('555-010-0002'),
          charge('555-010-0003'),
        ],
      },
    ],
    patch: { 'xl/worksheets/sheet1.xml': damage },
  });
}

function outcomeOf(bytes: Uint8Array): string {
  const outcome = readBill([{ name: 'bill.xlsx', bytes }]);
  if (outcome.kind === 'unreadable') return outcome.message;
  if (outcome.kind === 'draft') return `draft of ${outcome.draft.lines.length} lines`;
  return outcome.kind;
}

describe('a worksheet cut short or badly nested', () => {
  it('reads the whole sheet as written', () => {
    expect(outcomeOf(damagedBill((xml) => xml))).toBe('draft of 3 lines');
  });

  it.each([
    [
      'after the last cell of its last row',
      (xml: string) => xml.slice(0, xml.lastIndexOf('</c>') + 4),
      '<row>',
    ],
    [
      'after its third row',
      (xml: string) => xml.slice(0, nthIndex(xml, '</row>', 3) + 6),
      '<sheetData>',
    ],
    [
      'after its last row',
      (xml: string) => xml.slice(0, xml.lastIndexOf('</row>') + 6),
      '<sheetData>',
    ],
  ])('refuses a sheet cut %s, naming the cut', (_where, cut, element) => {
    expect(outcomeOf(damagedBill(cut))).toBe(
      `"bill.xlsx", sheet Bill: it ends inside its ${element} element, which is never closed (the file is cut short). Save it again from Excel, or export the sheet as CSV.`,
    );
  });

  it('refuses a row left open, whose cells would be read into the next row', () => {
    expect(outcomeOf(damagedBill((xml) => xml.replace('</row>', '')))).toBe(
      '"bill.xlsx", sheet Bill: it has an end tag </sheetData> where its <row> element should close (the file is damaged). Save it again from Excel, or export the sheet as CSV.',
    );
  });

  it('refuses an end tag with nothing to close', () => {
    const handler = { open() {}, close() {}, text() {} };
    expect(scanXml('<sst><si><t>a</t></si></si></sst>', handler)).toBe(
      'it has an end tag </si> where its <sst> element should close (the file is damaged)',
    );
    expect(scanXml('<x/></x>', handler)).toBe(
      'it has an end tag </x> with no element open (the file is damaged)',
    );
  });

  it('matches prefixed tags by their local name, as Excel and .NET writers differ', () => {
    const handler = { open() {}, close() {}, text() {} };
    expect(scanXml('<x:sst><x:si><t>a</t></x:si></x:sst>', handler)).toBeNull();
  });
});

function nthIndex(text: string, search: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i += 1) at = text.indexOf(search, at + 1);
  return at;
}
