/**
 * One row per line per cycle (Verizon's line summary, AT&T Premier's billing summary): a row that
 * names its wireless number is that line's charges, even when a name on it reads like a total
 * label (a company called `Total-Tel USA`, a user `Total - Spare`). Only rows naming no line are
 * totals by such a label.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFile, readDraft, totalOf } from '../fixtures';

const PREMIER_HEADER =
  '"Foundation account","Account number","Billing account name","Wireless number","User name","Market cycle end date","Invoice date","Total current charges","Total monthly charges","Total activity since last bill","Total taxes","Total company fees and surcharges","Total FAN level charges","Total adjustments"';

function premierRow(name: string, wireless: string, user: string) {
  return `"F770","287099000777","${name}","${wireless}","${user}","12/27/2025","1/3/2026","$58.42","$45.00","$5.00","$5.12","$3.30","$0.00","$0.00"`;
}

describe('a line whose names read like a total label', () => {
  it.each([
    ['its billing account name', 'Total-Tel USA', 'Ana Ruiz'],
    ['its user name', 'ACME OPS', 'Total - Spare'],
  ])('in an AT&T Premier summary is imported, %s notwithstanding', (_where, name, user) => {
    const text = [
      PREMIER_HEADER,
      premierRow(name, '555-030-0101', user),
      premierRow(name, '555-030-0102', 'Ben Okafor'),
      '',
    ].join('\r\n');
    const draft = readDraft([{ name: 'premier.csv', bytes: new TextEncoder().encode(text) }]);
    expect(draft.skipped).toEqual([]);
    expect(totalOf(draft.lines)).toBe(2 * 5842);
  });

  it.each([
    ['User Name', 'Ann Lee', 'Total - Spare'],
    ['Cost Center', '0045250140:0000603900', 'TOTAL-OPS'],
  ])('in a Verizon line summary is imported, its %s notwithstanding', (_column, from, to) => {
    const text = new TextDecoder().decode(fixtureFile('verizon-wireless-summary.txt').bytes);
    const summary = {
      name: 'verizon-wireless-summary.txt',
      bytes: new TextEncoder().encode(text.replace(`\t${from}\t`, `\t${to}\t`)),
    };
    const draft = readDraft([fixtureFile('verizon-account-summary.txt'), summary]);
    expect(draft.skipped).toEqual([]);
    expect(totalOf(draft.lines)).toBe(14526);
  });
});

describe('a Verizon account summary billed to a name that reads like a total label', () => {
  it('is read: its stated total and late fee are kept', () => {
    const text = new TextDecoder().decode(fixtureFile('verizon-account-summary.txt').bytes);
    const account = {
      name: 'verizon-account-summary.txt',
      bytes: new TextEncoder().encode(text.replace('ACME CORP', 'Total-Tel USA')),
    };
    const draft = readDraft([account, fixtureFile('verizon-wireless-summary.txt')]);
    expect(draft.skipped).toEqual([]);
    expect(draft.invoices[0]?.statedTotal).toBe(14526);
    expect(draft.lines.filter((line) => line.category === 'late-fee')).toHaveLength(1);
  });
});
