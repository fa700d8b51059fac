/**
 * A contracts or rates file whose first row holds only text (a rate of `TBD`, a term of
 * `thirty-six`) above rows of numbers: that row is read and refused on its row and column, never
 * dropped as a second header row without a word (a dropped rate leaves its plan unchecked).
 */
import { expect, it } from 'vitest';
import { readContractRatesCsv, readContractsCsv } from '../../../shared/contracts/csv';
import { utf8 } from './helpers';

it('refuses a first rate row of text, naming its row and column', () => {
  const { errors } = readContractRatesCsv(
    utf8(
      [
        'Contract ID,Plan Or Service Type,Service ID,Monthly Rate',
        'VZW-2024,Business Unlimited,,TBD',
        'LUMEN-MSA,,DHEC.554433..WIN,800.00',
        'LUMEN-MSA,,BBEC.556677..LUMN,1200.00',
      ].join('\r\n'),
    ),
  );
  expect(errors.map((error) => [error.row, error.column])).toEqual([[2, 'Monthly Rate']]);
});

it('refuses a first contract row of text, naming its row', () => {
  const { rows, errors } = readContractsCsv(
    utf8(
      [
        'Contract ID,Carrier,Name,Accounts,Start Date,Term Months,End Date,Auto Renew,Renewal Term Months,Notice Days,MARC,Status',
        'ZAYO-1,Zayo,Zayo Fiber,ZA-1,TBD,thirty-six,,Y,,,,Pending',
        'LUM-1,Lumen,Lumen MPLS,100-200,2024-01-15,36,,Yes,12,60,0,Active',
        'LUM-2,Lumen,Lumen DIA,100-300,2024-02-01,24,,No,,30,0,Active',
      ].join('\r\n'),
    ),
  );
  expect(errors.map((error) => error.row)).toContain(2);
  expect(rows.map((row) => row.id)).not.toContain('ZAYO-1');
});

it('refuses a rate or MARC in fractions of a cent, instead of rounding it', () => {
  const { errors } = readContractRatesCsv(
    utf8(
      [
        'Contract ID,Plan Or Service Type,Service ID,Monthly Rate',
        'VZW-2024,Business Unlimited,,45.005',
      ].join('\r\n'),
    ),
  );
  expect(errors.map((error) => [error.row, error.column])).toEqual([[2, 'Monthly Rate']]);
  expect(errors[0]?.message).toContain('which has a fraction of a cent');
});
