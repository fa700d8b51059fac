/**
 * Bills of one layout are read together, and the question about their dates names the files
 * whose dates can be read two ways, not the months beside them written unmistakably.
 */
import { expect, it } from 'vitest';
import { readBill } from '../../helpers/read-bill';

const HEADER =
  'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount';
const file = (name: string, number: string, date: string) => ({
  name,
  bytes: new TextEncoder().encode(
    `${HEADER}\nComcast,CB-100,${number},${date},5551234567,Internet,MRC,199.95\n`,
  ),
});

it('names only the file whose dates are in doubt', () => {
  const outcome = readBill([
    file('comcast_2026-08.csv', 'CB-0826', '2026-08-20'),
    file('comcast_2026-09.csv', 'CB-0926', '2026-09-20'),
    file('comcast_2026-10.csv', 'CB-1026', '10/05/2026'),
  ]);
  expect(outcome).toMatchObject({ kind: 'needs-date-order', fileName: 'comcast_2026-10.csv' });
});

it('names every file when only their dates together leave the order open', () => {
  const outcome = readBill([
    file('a.csv', 'CB-1', '01/02/2026'),
    file('b.csv', 'CB-2', '03/04/2026'),
  ]);
  expect(outcome).toMatchObject({ kind: 'needs-date-order', fileName: 'a.csv, b.csv' });
});
