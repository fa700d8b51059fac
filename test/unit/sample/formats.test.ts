import { describe, expect, it } from 'vitest';
import {
  ATT_HEADER,
  TEM_CSV_HEADER,
  TMOBILE_HEADER,
  VERIZON_ACCOUNT_FILE,
  VERIZON_ACCOUNT_HEADER,
  VERIZON_LINE_FILE,
  VERIZON_LINE_HEADER,
} from '../../fixtures/generate/sample-company';
import { csvRows, defaultSample, fileText, filesOf, only, zipMembers } from './sample-files';

const company = defaultSample();
const MONTH_DAY_YEAR = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}$/;

describe('Verizon raw data download', () => {
  const zips = filesOf(company, 'verizon');

  it('is one ZIP per month with both text files', () => {
    expect(zips.map((file) => file.month)).toEqual(company.months);
    for (const zip of zips) {
      expect(zip.name).toMatch(/\.zip$/);
      expect(Object.keys(zipMembers(zip)).sort()).toEqual(
        [VERIZON_LINE_FILE, VERIZON_ACCOUNT_FILE].sort(),
      );
    }
  });

  it('writes the exact headers, with the comma drift between the two files', () => {
    const members = zipMembers(only(zips[0]));
    const lineHeader = (members[VERIZON_LINE_FILE] ?? '').split('\r\n')[0] ?? '';
    const accountHeader = (members[VERIZON_ACCOUNT_FILE] ?? '').split('\r\n')[0] ?? '';
    expect(lineHeader).toBe(VERIZON_LINE_HEADER.join('\t'));
    expect(
      lineHeader.startsWith(
        'ECPD Profile ID\tBill Cycle Date\tAccount Number\tDate Due\tInvoice Number\tBill Period\tWireless Number',
      ),
    ).toBe(true);
    expect(lineHeader).toContain('\tTaxes, Governmental Surcharges and Fees\t');
    expect(accountHeader).toBe(VERIZON_ACCOUNT_HEADER.join('\t'));
    expect(accountHeader).toContain('\tTaxes, Governmental Surcharges, and Fees\t');
    expect(accountHeader).toContain(
      '\tTotal Current Charges\tTotal Amount Due\tRemittance Address',
    );
  });

  it('is ASCII, tab-delimited and CRLF, with a blank first column and Verizon dates', () => {
    for (const zip of zips) {
      for (const text of Object.values(zipMembers(zip))) {
        expect(/[^\x20-\x7e\t\r\n]/.test(text)).toBe(false);
        expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
        expect(text.endsWith('\r\n')).toBe(true);
        const lines = text.split('\r\n').slice(1, -1);
        const width = (text.split('\r\n')[0] ?? '').split('\t').length;
        for (const line of lines) {
          const cells = line.split('\t');
          expect(cells).toHaveLength(width);
          expect(cells[0]).toBe('');
          expect(cells[1]).toMatch(MONTH_DAY_YEAR);
          expect(cells[3]).toMatch(/^\d\d\/\d\d\/\d\d$/);
          expect(cells[5]).toMatch(/^[A-Z][a-z]{2} \d{1,2} -[A-Z][a-z]{2} \d{1,2} $/);
        }
      }
    }
  });

  it('has one account-level N/A row per account and cycle', () => {
    const text = zipMembers(only(zips[5]))[VERIZON_LINE_FILE] ?? '';
    const naRows = text.split('\r\n').filter((line) => line.split('\t')[6] === 'N/A');
    expect(naRows).toHaveLength(2);
    expect(text).toMatch(/\t\d{10}:\d{10}\t/);
  });
});

describe('AT&T Premier billing summary', () => {
  const files = filesOf(company, 'att');

  it('quotes every field, uses MM/dd/yyyy dates and AT&T amounts', () => {
    expect(files).toHaveLength(12);
    for (const file of files) {
      const text = fileText(file);
      const [header = '', ...lines] = text.split('\r\n').filter((line) => line !== '');
      expect(header).toBe(ATT_HEADER.map((name) => `"${name}"`).join(','));
      expect(header).toContain('"DEPARTMENT NAME"');
      expect(header).toContain('"VIS CODE"');
      for (const line of lines) expect(line).toMatch(/^"[^"]*"(,"[^"]*")*$/);
      for (const row of csvRows(text)) {
        expect(row['Invoice date']).toMatch(/^\d\d\/\d\d\/\d{4}$/);
        expect(row['Market cycle end date']).toMatch(/^\d\d\/\d\d\/\d{4}$/);
        for (const column of [
          'Total current charges',
          'Total monthly charges',
          'Total taxes',
          'Total adjustments',
        ]) {
          expect(row[column]).toMatch(/^(\$\d{1,3}(,\d{3})*\.\d\d|\(\$\d{1,3}(,\d{3})*\.\d\d\))$/);
        }
      }
    }
    const all = files.map(fileText).join('');
    expect(all).toContain('"($10.00)"');
    expect(all).toContain('"($948.03)"');
    expect(all).toMatch(/"\d{1,3},\d{3}"/);
  });
});

describe('T-Mobile detail', () => {
  it('writes one row per charge item, usage figures on each line’s usage row, cycle ranges', () => {
    const files = filesOf(company, 'tmobile');
    expect(files.length).toBe(11);
    for (const file of files) {
      const text = fileText(file);
      expect(text.split('\n')[0]).toBe(TMOBILE_HEADER.join(','));
      for (const row of csvRows(text)) {
        expect(row['Bill Cycle Date']).toMatch(
          /^[A-Z][a-z]{2} \d{1,2}, \d{4} - [A-Z][a-z]{2} \d{1,2}, \d{4}$/,
        );
        expect(row.Charges).toMatch(/^-?\$(\d{1,3}(,\d{3})*)?\.\d\d$/);
        if (row['Item Category'] === 'Usage charges') {
          expect(row.Data).toMatch(/^\d+\.\d{4} GB$/);
          expect(row.Minutes).toMatch(/^\d+$/);
          expect(row.Messages).toMatch(/^\d+$/);
        } else {
          expect([row.Data, row.Minutes, row.Messages]).toEqual(['', '', '']);
        }
      }
      expect(text).toMatch(/,-\$\d+\.\d\d,/);
      expect(text).toContain('"');
    }
    expect(files.map(fileText).join('')).toMatch(/,\$\.\d\d,/);
  });
});

describe('TEM Desk charge-line CSV (Lumen, Comcast, RingCentral)', () => {
  const files = ['lumen', 'comcast', 'ringcentral'].flatMap((carrier) => filesOf(company, carrier));
  const categories = new Set([
    'Recurring',
    'Usage',
    'Tax',
    'Surcharge',
    'One-Time',
    'Credit',
    'Late Fee',
    'Equipment',
    'Third-Party',
  ]);

  it('has the TEM Desk columns, ISO dates and known categories', () => {
    for (const file of files) {
      const text = fileText(file);
      expect(text.split('\r\n')[0]).toBe(TEM_CSV_HEADER.join(','));
      expect(TEM_CSV_HEADER.join(',')).toBe(
        'Carrier,Account Number,Invoice Number,Invoice Date,Due Date,Period Start,Period End,Service ID,Description,Category,Quantity,Amount,Invoice Total',
      );
      for (const row of csvRows(text)) {
        for (const column of ['Invoice Date', 'Due Date', 'Period Start', 'Period End'])
          expect(row[column]).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(categories.has(row.Category ?? '')).toBe(true);
        expect(row.Amount).toMatch(/^-?\d+\.\d\d$/);
        expect(row.Quantity).toMatch(/^\d+$/);
      }
    }
  });

  it('uses real fee names', () => {
    const all = files.map(fileText).join('');
    for (const fee of [
      'Federal Universal Service Fund',
      'State 911',
      'State & Local Sales Tax',
      'Late Payment Charge',
    ]) {
      expect(all).toContain(fee);
    }
  });
});
