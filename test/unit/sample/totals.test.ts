import { describe, expect, it } from 'vitest';
import {
  csvRows,
  defaultSample,
  fileText,
  filesOf,
  money,
  tsvRows,
  zipMembers,
} from './sample-files';

const company = defaultSample();
const byInvoice = new Map(
  company.expectedTotals.map((t) => [`${t.carrier}|${t.invoiceNumber}`, t]),
);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('sample company expected totals reconcile with the files', () => {
  it('lists every invoice once, with unique invoice numbers per carrier', () => {
    expect(byInvoice.size).toBe(company.expectedTotals.length);
    // 8 accounts × 12 months, minus the missing T-Mobile month.
    expect(company.expectedTotals).toHaveLength(8 * 12 - 1);
    expect(company.chargeLineCount).toBe(sum(company.expectedTotals.map((t) => t.chargeLines)));
  });

  it('Verizon: lines add up to AccountSummary Total Current Charges, and the balance carries over', () => {
    for (const zip of filesOf(company, 'verizon')) {
      const members = zipMembers(zip);
      const lines = tsvRows(members['Account & Wireless Summary.txt'] ?? '');
      for (const account of tsvRows(members['AccountSummary.txt'] ?? '')) {
        const invoice = account['Invoice Number'] ?? '';
        const rows = lines.filter((row) => row['Invoice Number'] === invoice);
        const lineTotal = sum(rows.map((row) => money(row['Total Charges'])));
        const current = money(account['Total Current Charges']);
        expect(lineTotal).toBe(current);
        expect(byInvoice.get(`verizon|${invoice}`)?.totalCents).toBe(current);
        expect(byInvoice.get(`verizon|${invoice}`)?.statedTotalCents).toBe(current);
        const forward =
          money(account['Previous Balance']) + money(account.Payments) + money(account.Adjustments);
        expect(money(account['Balance Forward'])).toBe(forward);
        expect(money(account['Total Amount Due'])).toBe(forward + current);
        for (const row of rows) {
          const parts = [
            'Account Charges and Credits',
            'Monthly Charges',
            'Usage and Purchase Charges',
            'Equipment Charges',
            'Total Surcharges and Other Charges and Credits',
            'Taxes, Governmental Surcharges and Fees',
            'Third Party Charges',
          ];
          expect(sum(parts.map((column) => money(row[column])))).toBe(money(row['Total Charges']));
        }
      }
    }
  });

  it('AT&T and T-Mobile: rows add up to each invoice total, and each AT&T row to its parts', () => {
    for (const file of filesOf(company, 'att')) {
      const rows = csvRows(fileText(file));
      const account = rows[0]?.['Account number'] ?? '';
      const [mm, dd, yyyy] = (rows[0]?.['Invoice date'] ?? '').split('/');
      const expected = byInvoice.get(`att|${account}-${yyyy}${mm}${dd}`);
      expect(sum(rows.map((row) => money(row['Total current charges'])))).toBe(
        expected?.totalCents,
      );
      for (const row of rows) {
        const parts = [
          'Total monthly charges',
          'Total activity since last bill',
          'Total taxes',
          'Total company fees and surcharges',
          'Total FAN level charges',
          'Total adjustments',
        ];
        expect(sum(parts.map((column) => money(row[column])))).toBe(
          money(row['Total current charges']),
        );
      }
    }
    for (const file of filesOf(company, 'tmobile')) {
      const rows = csvRows(fileText(file));
      const expected = byInvoice.get(`tmobile|${rows[0]?.['Invoice Number'] ?? ''}`);
      // The detail export: one row per charge item; its Charges add up to the invoice.
      expect(sum(rows.map((row) => money(row.Charges)))).toBe(expected?.totalCents);
      expect(expected?.statedTotalCents).toBeNull();
    }
  });

  it('TEM Desk CSV: Invoice Total is the sum of the lines on every invoice but the planted one', () => {
    const mismatched: string[] = [];
    for (const file of ['lumen', 'comcast', 'ringcentral'].flatMap((c) => filesOf(company, c))) {
      const rows = csvRows(fileText(file));
      for (const invoice of new Set(rows.map((row) => row['Invoice Number'] ?? ''))) {
        const lines = rows.filter((row) => row['Invoice Number'] === invoice);
        const total = sum(lines.map((row) => money(row.Amount)));
        const stated = new Set(lines.map((row) => money(row['Invoice Total'])));
        expect(stated.size).toBe(1);
        const expected = byInvoice.get(`${file.carrier}|${invoice}`);
        expect(expected?.totalCents).toBe(total);
        expect(expected?.statedTotalCents).toBe([...stated][0]);
        expect(expected?.chargeLines).toBe(lines.length);
        if (!stated.has(total)) mismatched.push(invoice);
      }
    }
    const planted = company.plantedErrors
      .filter((e) => e.ruleId === 'invoice-math')
      .map((e) => e.invoiceNumber);
    expect(mismatched).toEqual(planted);
  });

  it('gives the due date each file states (none in the AT&T and T-Mobile layouts)', () => {
    // Verizon prints M/D/YY.
    const usDate = (text: string) => {
      const [mm = '', dd = '', yy = ''] = text.split('/');
      return `20${yy}-${mm.padStart(2, '0')}-${dd.padStart(2, '0')}`;
    };
    let checked = 0;
    for (const zip of filesOf(company, 'verizon')) {
      for (const row of tsvRows(zipMembers(zip)['Account & Wireless Summary.txt'] ?? '')) {
        const expected = byInvoice.get(`verizon|${row['Invoice Number'] ?? ''}`);
        expect(expected?.dueDate).toBe(usDate(row['Date Due'] ?? ''));
        checked++;
      }
    }
    for (const file of ['lumen', 'comcast', 'ringcentral'].flatMap((c) => filesOf(company, c))) {
      for (const row of csvRows(fileText(file))) {
        const expected = byInvoice.get(`${file.carrier}|${row['Invoice Number'] ?? ''}`);
        expect(expected?.dueDate).toBe(row['Due Date']);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    for (const total of company.expectedTotals) {
      if (total.carrier === 'att' || total.carrier === 'tmobile') expect(total.dueDate).toBeNull();
      else expect((total.dueDate ?? '') > total.invoiceDate).toBe(true);
    }
  });
});
