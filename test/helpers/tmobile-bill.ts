/**
 * One T-Mobile for Business bill as its two exports, in the real layouts (`-$329.45`, `$.15`,
 * `"Jul 12, 2023 - Aug 11, 2023"`): the Summary report (per line, the PDF's category totals) and
 * the Detail report (per line, each charge item). The two agree: $90.75 and -$279.33 a line,
 * -$188.58 the bill.
 */
import type { UploadedFile } from '../../shared/import/archive';
import { textBytes } from './drafts';

export const TMOBILE_ACCOUNT = '511874540';
export const TMOBILE_INVOICE = '9876543210';
export const TMOBILE_CYCLE = '"Jul 12, 2023 - Aug 11, 2023"';
/** The bill's sum, in cents, in both exports. */
export const TMOBILE_TOTAL = -188_58;

const SUMMARY_HEADER =
  'Account Number,Invoice Number,Bill Cycle Date,Wireless Number,Plan,User Name,Plans,Usage charges,Equipment,Services,One-time charges,Taxes & Fees,Total';

/** Summary rows: wireless number, user, then the six charge columns and the total. */
export const TMOBILE_SUMMARY_ROWS: readonly (readonly string[])[] = [
  ['(555) 010-4001', 'Ana Ruiz', '$45.00', '$.15', '$29.17', '$10.00', '$0.00', '$6.43', '$90.75'],
  [
    '(555) 010-4002',
    'Ben Cho',
    '$45.00',
    '$0.00',
    '$0.00',
    '$0.00',
    '-$329.45',
    '$5.12',
    '-$279.33',
  ],
];

/**
 * The Summary export; `invoiceNumber: false` leaves out the `Invoice Number` column (the PDF's
 * own columns plus account and cycle only).
 */
export function tmobileSummaryFile(
  name = 'T-Mobile Summary.csv',
  rows: readonly (readonly string[])[] = TMOBILE_SUMMARY_ROWS,
  options: { invoiceNumber?: boolean } = {},
): UploadedFile {
  const withNumber = options.invoiceNumber ?? true;
  const header = withNumber ? SUMMARY_HEADER : SUMMARY_HEADER.replace('Invoice Number,', '');
  const lines = rows.map(([number = '', user = '', ...charges]) =>
    [
      TMOBILE_ACCOUNT,
      ...(withNumber ? [TMOBILE_INVOICE] : []),
      TMOBILE_CYCLE,
      number,
      'Business Unlimited',
      user,
      ...charges,
    ].join(','),
  );
  return { name, bytes: textBytes([header, ...lines].join('\r\n')) };
}

const DETAIL_HEADER =
  'Account Number,Wireless Number,User Name,Connection Type,Item Category,Item Description,Charges,Data,Minutes,Messages,Bill Cycle Date,Invoice Number';

/** Detail rows: wireless number, user, category, description, charge, data, minutes, messages. */
const DETAIL_ROWS: readonly (readonly string[])[] = [
  ['(555) 010-4001', 'Ana Ruiz', 'Plans', 'Business Unlimited', '$45.00', '0.7309 GB', '120', '45'],
  ['(555) 010-4001', 'Ana Ruiz', 'Usage', 'International text', '$.15', '', '', ''],
  [
    '(555) 010-4001',
    'Ana Ruiz',
    'Equipment',
    'iPhone 14 installment 8 of 24',
    '$29.17',
    '',
    '',
    '',
  ],
  ['(555) 010-4001', 'Ana Ruiz', 'Services', 'Scam Shield Premium', '$10.00', '', '', ''],
  [
    '(555) 010-4001',
    'Ana Ruiz',
    'Taxes & Fees',
    'Federal Universal Service Fund',
    '$3.21',
    '',
    '',
    '',
  ],
  [
    '(555) 010-4001',
    'Ana Ruiz',
    'Taxes & Fees',
    'Regulatory Programs & Telco Recovery Fee',
    '$3.22',
    '',
    '',
    '',
  ],
  ['(555) 010-4002', 'Ben Cho', 'Plans', 'Business Unlimited', '$45.00', '512 MB', '30', '10'],
  ['(555) 010-4002', 'Ben Cho', 'One-time charges', 'Device return credit', '-$329.45', '', '', ''],
  ['(555) 010-4002', 'Ben Cho', 'Taxes & Fees', 'State 911', '$5.12', '', '', ''],
];

/** The Detail export of the same bill: nine charge items, usage on each line's plan row. */
export function tmobileDetailFile(name = 'T-Mobile Detail.csv'): UploadedFile {
  const lines = DETAIL_ROWS.map(
    ([number = '', user = '', category = '', description = '', charge = '', ...usage]) =>
      [
        TMOBILE_ACCOUNT,
        number,
        user,
        'Voice',
        category,
        description,
        charge,
        ...usage,
        TMOBILE_CYCLE,
        TMOBILE_INVOICE,
      ].join(','),
  );
  return { name, bytes: textBytes([DETAIL_HEADER, ...lines].join('\r\n')) };
}
