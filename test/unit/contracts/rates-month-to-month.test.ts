/**
 * The rate card's month-to-month rate (what the carrier charges once the contract ends; the
 * forecast uses it) through the rates file: an optional Month-to-Month Rate column in CSV and XLSX,
 * written on export and read back; a bad cell is an error naming its row and column.
 */
import { describe, expect, it } from 'vitest';
import { contractRatesToCsv, readContractRatesCsv } from '../../../shared/contracts/csv';
import { writeXlsx } from '../../../shared/export/xlsx';
import { planContracts } from '../../../shared/ledger/contracts';
import type { ContractRate } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { readRatesWorkbook, ratesSheetValues } from '../../helpers/rates-workbook';
import { makeContract } from '../audit/helpers';
import { makeContractDraft, makeDoor, makeRateDraft } from '../ledger/helpers';

const utf8 = (text: string) => new TextEncoder().encode(text);

const rateCard: ContractRate[] = [
  {
    planOrServiceType: 'Ethernet 100M',
    monthlyRateCents: cents(850_00),
    monthToMonthRateCents: cents(1_062_50),
  },
  { planOrServiceType: 'MPLS', monthlyRateCents: cents(900_00) },
];

describe('the month-to-month rate in the rates file', () => {
  it('is written after Monthly Rate (blank when not known) and read back unchanged', () => {
    const text = contractRatesToCsv([makeContract({ id: 'ctr-1', rateCard })]);
    expect(text.split('\r\n').slice(0, 3)).toEqual([
      'Contract ID,Plan Or Service Type,Service ID,Monthly Rate,Month-to-Month Rate,Data Allowance GB,Voice Minutes Allowance,Messages Allowance',
      'ctr-1,Ethernet 100M,,850.00,1062.50,,,',
      'ctr-1,MPLS,,900.00,,,,',
    ]);
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(errors).toEqual([]);
    expect(
      rows.map(({ line: _line, contractId: _id, absentColumns: _absent, ...rate }) => rate),
    ).toEqual(rateCard);
  });

  it.each([
    ['MTM Rate', '$1,062.50', 1_062_50],
    ['Out of Contract Rate', '1062.5', 1_062_50],
    ['Month to Month Rate', '0', 0],
    ['Holdover Rate', '', undefined],
    ['Month-to-Month Rate', '-', undefined],
    ['Month-to-Month Rate', 'N/A', undefined],
  ])('reads a %j column holding %j', (header, cell, expected) => {
    const text = `Contract ID,Plan,Monthly Rate,${header}\nctr-1,Ethernet 100M,850.00,"${cell}"\n`;
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(errors).toEqual([]);
    expect(rows[0]?.monthToMonthRateCents).toBe(expected);
  });

  it('a bad month-to-month rate is an error naming the row and column; the row is left out, the others read', () => {
    const text = [
      'Contract ID,Plan,Monthly Rate,Month-to-Month Rate',
      'ctr-1,Ethernet 100M,850.00,about 1000',
      'ctr-1,MPLS,900.00,-5.00',
      'ctr-1,Voice,45.00,55.00',
    ].join('\n');
    const { rows, errors } = readContractRatesCsv(utf8(text));
    expect(errors).toEqual([
      {
        row: 2,
        column: 'Month-to-Month Rate',
        value: 'about 1000',
        message:
          'Row 2, column "Month-to-Month Rate": expected an amount like 55.00 but found "about 1000"; this is the monthly rate charged after the contract ends (leave it blank when not known).',
      },
      {
        row: 3,
        column: 'Month-to-Month Rate',
        value: '-5.00',
        message:
          'Row 3, column "Month-to-Month Rate": expected an amount of zero or more but found "-5.00"; this is the monthly rate charged after the contract ends (leave it blank when not known).',
      },
    ]);
    expect(rows.map((rate) => [rate.planOrServiceType, rate.monthToMonthRateCents])).toEqual([
      ['Voice', 55_00],
    ]);
  });

  it('is a money column of the Rates sheet, and a rates workbook reads back with it', () => {
    expect(ratesSheetValues([makeContract({ id: 'ctr-1', rateCard })])?.slice(1)).toEqual([
      ['ctr-1', 'Ethernet 100M', null, 850, 1062.5],
      ['ctr-1', 'MPLS', null, 900],
    ]);

    const sheet = writeXlsx({
      sheets: [
        {
          name: 'Rates',
          columns: [
            { header: 'Contract ID', kind: 'text' },
            { header: 'Plan', kind: 'text' },
            { header: 'Monthly Rate', kind: 'money' },
            { header: 'MTM Rate', kind: 'money', total: false },
          ],
          rows: [
            ['ctr-1', 'Ethernet 100M', 850_00, 1_062_50],
            ['ctr-1', 'MPLS', 900_00, null],
          ],
        },
      ],
    });
    const { rows, errors } = readRatesWorkbook(sheet);
    expect(errors).toEqual([]);
    expect(
      rows.map(({ line: _line, contractId: _id, absentColumns: _absent, ...rate }) => rate),
    ).toEqual(rateCard);
  });

  it('reaches the stored rate card when the rates file is imported', () => {
    const result = planContracts(
      [makeContractDraft()],
      [makeRateDraft({ monthToMonthRateCents: cents(55_00) }), makeRateDraft({ line: 3 })],
      { contracts: [], services: [] },
      makeDoor().org,
    );
    expect(result.refusals).toEqual([]);
    expect(result.contracts[0]?.rateCard).toEqual([
      {
        planOrServiceType: 'Business Unlimited',
        monthlyRateCents: 40_00,
        monthToMonthRateCents: 55_00,
      },
      { planOrServiceType: 'Business Unlimited', monthlyRateCents: 40_00 },
    ]);
  });
});
