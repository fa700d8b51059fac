/**
 * A large TEM Desk charge-line bill written both ways, for the XLSX benchmarks: as an Excel-style
 * workbook (shared strings, currency and date styles, a title block) and as the CSV a portal
 * would export of the same rows. Deterministic: row `i` is the same in every run.
 */
import { CHARGES_HEADER } from '../../electron/cli/audit-command';
import { buildXlsx, STYLE, type TestCell } from '../helpers/xlsx-build';

/** The CLI's charges.csv columns are TEM Desk's charge-line format; the first nine suffice. */
const HEADER = CHARGES_HEADER.slice(0, 9);
const DESCRIPTIONS = ['Ethernet 100M', 'Voice line', 'Federal Universal Service Fund', 'State 911'];
const CATEGORIES = ['Recurring', 'Recurring', 'Surcharge', 'Tax'];
/** 2026-10-01 in Excel's 1900 date system. */
const OCT_1 = 46296;

/** The workbook and the CSV of `rows` charge lines over ten invoices. */
export function chargeLineVolume(rows: number): { xlsx: Uint8Array; csv: string } {
  const cells: TestCell[][] = [['Lumen — charges for October 2026'], [], [...HEADER]];
  const csv: string[] = [HEADER.join(',')];
  for (let i = 0; i < rows; i += 1) {
    const invoice = String(754_240_480 + (i % 10));
    const service = `BBEC.${String(100_000 + (i % 5_000))}..LUMN`;
    const kind = i % 4;
    const cents = 1_000 + ((i * 7_919) % 150_000);
    cells.push([
      'Lumen',
      '5-KE4X-001',
      invoice,
      { n: OCT_1, style: STYLE.date },
      service,
      DESCRIPTIONS[kind] ?? '',
      CATEGORIES[kind] ?? '',
      1,
      { n: cents / 100, style: STYLE.currency },
    ]);
    csv.push(
      `Lumen,5-KE4X-001,${invoice},2026-10-01,${service},${DESCRIPTIONS[kind] ?? ''},${CATEGORIES[kind] ?? ''},1,${(cents / 100).toFixed(2)}`,
    );
  }
  return { xlsx: buildXlsx({ sheets: [{ name: 'Detail', rows: cells }] }), csv: csv.join('\r\n') };
}
