/**
 * Our own CSV exports read back unchanged: a cell the writer guarded (`'=HYPERLINK(…)`) is
 * imported as the text that was exported, in the app and in the CLI (both read through
 * `readTabularFile` and the contract readers).
 */
import { PINNED_TODAY } from '../../helpers/clock';
import { describe, expect, it } from 'vitest';
import { readContractRatesCsv, readContractsCsv } from '../../../shared/contracts/csv';
import { contractRatesToCsv, contractsToCsv } from '../../../shared/contracts/csv-export';
import { inventoryCsv } from '../../../shared/inventory/export';
import { guessInventoryMapping, readInventoryRows } from '../../../shared/inventory/import';
import { readSiteRows, sitesCsv } from '../../../shared/inventory/sites-file';
import { readTabularFile } from '../../../shared/inventory/table-file';
import { cents } from '../../../shared/money/cents';
import { makeService, makeSite } from '../../helpers/inventory';
import { makeContract } from '../contracts/helpers';

const HYPERLINK = '=HYPERLINK("http://evil.example","Click")';
const CMD = "+cmd|' /C calc'!A0";
const AT_SUM = '@SUM(1+1)';
const MINUS = '-2+3';
const APOSTROPHE = "'=written with an apostrophe";

const bytes = (text: string) => new TextEncoder().encode(text);

function table(name: string, text: string) {
  const read = readTabularFile(name, bytes(text));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

describe('guarded cells read back as the text exported', () => {
  it('inventory', () => {
    const csv = inventoryCsv({
      services: [
        makeService({ description: HYPERLINK, plan: CMD, userName: AT_SUM, department: MINUS }),
        makeService({ id: 's2', serviceIdRaw: '555-010-0002', description: APOSTROPHE }),
      ],
      sites: [makeSite()],
      costCenters: [],
      accounts: [{ id: 'account-1', carrierId: 'carrier-1', accountNumber: 'A-1', status: 'open' }],
      carriers: [{ id: 'carrier-1', name: 'Lumen' }],
      contracts: [],
    });
    expect(csv).toContain(`'${CMD}`);
    const read = table('inventory.csv', csv);
    const { drafts, errors } = readInventoryRows(
      read,
      guessInventoryMapping(read.header),
      PINNED_TODAY,
    );
    expect(errors).toEqual([]);
    expect(drafts.map((d) => [d.description, d.plan, d.userName, d.department])).toEqual([
      [HYPERLINK, CMD, AT_SUM, MINUS],
      [APOSTROPHE, 'Business Unlimited', '', ''],
    ]);
  });

  it('sites', () => {
    // A date in the row: a lone row of text only is read as a second header row (the sniffer's
    // two-header-rows rule), a separate problem of the reader.
    const site = makeSite({
      name: HYPERLINK,
      street: CMD,
      city: AT_SUM,
      openedOn: '2024-01-02' as never,
    });
    const csv = sitesCsv([site], []);
    const { drafts, errors } = readSiteRows(table('sites.csv', csv));
    expect(errors).toEqual([]);
    expect(drafts.map((d) => [d.name, d.street, d.city])).toEqual([[HYPERLINK, CMD, AT_SUM]]);
  });

  it('contracts', () => {
    const contract = makeContract({ name: HYPERLINK, accountIds: ['a1'] });
    const csv = contractsToCsv(
      [contract],
      new Map([[contract.carrierId, { name: CMD }]]),
      new Map([['a1', { accountNumber: MINUS }]]),
    );
    const read = readContractsCsv(bytes(csv));
    expect(read.errors).toEqual([]);
    expect(read.rows.map((row) => [row.name, row.carrierName, row.accountNumbers])).toEqual([
      [HYPERLINK, CMD, [MINUS]],
    ]);
  });

  it('rates', () => {
    const csv = contractRatesToCsv([
      {
        id: 'C-1',
        rateCard: [{ planOrServiceType: AT_SUM, monthlyRateCents: cents(45_00) }],
      },
    ]);
    const read = readContractRatesCsv(bytes(csv));
    expect(read.errors).toEqual([]);
    expect(read.rows.map((row) => [row.planOrServiceType, row.monthlyRateCents])).toEqual([
      [AT_SUM, 45_00],
    ]);
  });
});
