/**
 * Plan allowances through XLSX: the app's workbook writes them on its Rates sheet (numbers as
 * numbers, `unlimited` as text, blank when not known), and a rates sheet reads back through the
 * same door as a CSV (column mapping, then the rates reader).
 */
import { PINNED_TODAY } from '../../helpers/clock';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../shared/export/xlsx';
import type { ContractRate } from '../../../shared/model';
import { cents } from '../../../shared/money/cents';
import { readContractRatesCsv, readContractsCsv } from '../../../shared/contracts/csv';
import { readSetupFiles } from '../../../shared/ledger/setup-files';
import {
  contractsWorkbook,
  readRatesWorkbook,
  ratesSheetValues,
} from '../../helpers/rates-workbook';
import { makeContract } from '../audit/helpers';

const rateCard: ContractRate[] = [
  {
    planOrServiceType: 'Flex 2GB',
    monthlyRateCents: cents(20_00),
    dataAllowanceGb: 2.5,
    voiceMinutesAllowance: 1000,
    messagesAllowance: 'unlimited',
  },
  { planOrServiceType: 'MPLS', monthlyRateCents: cents(900_00) },
];

describe('rate allowances in XLSX', () => {
  it('are on the Rates sheet of the contracts workbook', () => {
    expect(ratesSheetValues([makeContract({ id: 'ctr-1', rateCard })])).toEqual([
      [
        'Contract ID',
        'Plan Or Service Type',
        'Service ID',
        'Monthly Rate',
        'Month-to-Month Rate',
        'Data Allowance GB',
        'Voice Minutes Allowance',
        'Messages Allowance',
      ],
      ['ctr-1', 'Flex 2GB', null, 20, null, 2.5, 1000, 'unlimited'],
      // Blank (not known) cells at a row's end are not stored at all.
      ['ctr-1', 'MPLS', null, 900],
    ]);
  });

  it('read back from a rates sheet unchanged', () => {
    const bytes = writeXlsx({
      sheets: [
        {
          name: 'Rates',
          columns: [
            { header: 'Contract ID', kind: 'text' },
            { header: 'Plan', kind: 'text' },
            { header: 'Monthly Rate', kind: 'money' },
            { header: 'Data Allowance GB', kind: 'number', total: false },
            { header: 'Voice Minutes Allowance', kind: 'number', total: false },
            { header: 'Messages Allowance', kind: 'number', total: false },
          ],
          rows: [
            ['ctr-1', 'Flex 2GB', 20_00, 2.5, 1000, 'unlimited'],
            ['ctr-1', 'MPLS', 900_00, null, null, null],
          ],
        },
      ],
    });
    const { rows, errors } = readRatesWorkbook(bytes);
    expect(errors).toEqual([]);
    expect(
      rows.map(({ line: _line, contractId: _id, absentColumns: _absent, ...rate }) => rate),
    ).toEqual(rateCard);
  });

  describe('the contracts workbook the app exports reads back whole, its Rates sheet too', () => {
    const bytes = contractsWorkbook([
      makeContract({ id: 'ctr-1', carrierId: 'carrier-1', rateCard }),
    ]);
    const rates = (read: ReturnType<typeof readContractRatesCsv>) =>
      read.rows.map(({ line: _line, contractId: _id, absentColumns: _absent, ...rate }) => rate);

    it('by the contracts and rates readers (the command line)', () => {
      expect(readContractsCsv(bytes).rows.map((row) => row.id)).toEqual(['ctr-1']);
      const read = readContractRatesCsv(bytes);
      expect(read.errors).toEqual([]);
      expect(rates(read)).toEqual(rateCard);
    });

    it('picked as a rates file (Contracts → Import)', () => {
      expect(rates(readRatesWorkbook(bytes))).toEqual(rateCard);
    });

    it('dropped on Set up from files: a contracts file and a rates file', () => {
      const files = readSetupFiles('contracts.xlsx', bytes, PINNED_TODAY);
      expect(files.map((file) => [file.name, file.kind, file.drafts.length])).toEqual([
        ['contracts.xlsx, sheet Contracts', 'contracts', 1],
        ['contracts.xlsx, sheet Rates', 'rates', 2],
      ]);
    });
  });
});
