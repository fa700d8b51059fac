/**
 * A Verizon "Account & Wireless Summary" of October 2026 as its Raw Data Download writes it (tab
 * delimited, CRLF, the header of test/fixtures/carriers/): one line per row, each billed $44.30
 * on its account and invoice.
 */
import { readFileSync } from 'node:fs';

/** One line of the summary: its account, invoice and wireless number. */
export interface SummaryLine {
  account: string;
  invoice: string;
  line: string;
}

/** The text of the summary file holding `lines`. */
export function verizonSummaryText(lines: readonly SummaryLine[]): string {
  const [header = ''] = readFileSync(
    new URL('../fixtures/carriers/verizon-wireless-summary-trimmed.synthetic.txt', import.meta.url),
    'latin1',
  ).split('\r\n');
  const rows = lines.map(({ account, invoice, line }) =>
    [
      ...['', 'Oct 16, 2026', account, '11/08/26', invoice, 'Sep 17 -Oct 16 ', line, 'Ann Lee'],
      ...['N/A', 'ALEE', 'Business Unlimited', '0.00', '40.00', '0.00', '0.00', '1.20', '3.10'],
      ...['0.00', '44.30'],
    ].join('\t'),
  );
  return [header, ...rows, ''].join('\r\n');
}

/** The two lines of the leading-zeros tests: 5550100001 on `first`, 5550100002 on 0067890. */
export function accountZerosLines(first = '0012345'): SummaryLine[] {
  return [
    { account: first, invoice: '8800000101', line: '5550100001' },
    { account: '0067890', invoice: '8800000102', line: '5550100002' },
  ];
}
