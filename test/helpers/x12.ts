/**
 * Writing synthetic EDI X12 811 interchanges for tests: segments as arrays, delimiters and line
 * breaks chosen per test, control numbers and counts filled in (or broken on purpose).
 */
import { strToU8 } from 'fflate';

/** A segment: its name, then its elements (`['IT1', '1', '1', 'MO', '850.00']`). */
export type Segment = readonly string[];

/** How to write an interchange. */
export interface X12Style {
  element?: string;
  subElement?: string;
  /** Segment terminator, e.g. `~`, or `\n` for one segment per line. */
  terminator?: string;
  /** Written after every terminator (`\r\n` for `~\r\n`). */
  lineBreak?: string;
  bom?: boolean;
}

/** The body of a small, valid Lumen 811 invoice: one circuit, one phone line, a tax and a total. */
export function lumenInvoice(
  overrides: { invoice?: string; total?: string; charges?: Segment[] } = {},
): Segment[] {
  return [
    ['BIG', '20260901', overrides.invoice ?? 'LUM-1'],
    ['REF', '12', '5-KE4X-001'],
    ['N1', 'SE', 'Lumen'],
    ['ITD', '05', '3', '', '', '', '20260925'],
    ['DTM', '186', '20260801'],
    ['DTM', '187', '20260831'],
    ['HL', '1', '', '1'],
    ['HL', '2', '1', '8'],
    ['SI', 'TI', 'CI', 'BBEC.556677..LUMN'],
    ...(overrides.charges ?? [
      ['IT1', '1', '1', 'MO', '850.00', '', 'SV', 'MRC'],
      ['PID', 'F', '', '', '', 'Ethernet 100M port'],
      ['TXI', 'ST', '41.85'],
    ]),
    ['TDS', overrides.total ?? '89185'],
  ];
}

/** An interchange (ISA, GS, one ST … SE per body, GE, IEA) with correct counts. */
export function interchange(bodies: readonly Segment[][]): Segment[] {
  const segments: Segment[] = [
    [
      'ISA',
      '00',
      '',
      '00',
      '',
      'ZZ',
      'SYNTHETIC-TEST',
      'ZZ',
      'TEMDESK',
      '260901',
      '0800',
      'U',
      '00401',
      '000000101',
      '0',
      'T',
      '>',
    ],
    ['GS', 'CI', 'SYNTHETIC-TEST', 'TEMDESK', '20260901', '0800', '101', 'X', '004010'],
  ];
  bodies.forEach((body, index) => {
    const control = String(index + 1).padStart(4, '0');
    segments.push(['ST', '811', control], ...body, ['SE', String(body.length + 2), control]);
  });
  segments.push(['GE', String(bodies.length), '101'], ['IEA', '1', '000000101']);
  return segments;
}

/** The text of segments written in a style (`*`, `>` and `~` by default). */
export function x12Text(segments: readonly Segment[], style: X12Style = {}): string {
  const element = style.element ?? '*';
  const terminator = style.terminator ?? '~';
  const lineBreak = style.lineBreak ?? '';
  return segments
    .map((segment) => {
      const written =
        segment[0] === 'ISA' && segment.length === 17
          ? [...segment.slice(0, -1), style.subElement ?? segment[16] ?? '>']
          : segment;
      return `${written.join(element)}${terminator}${lineBreak}`;
    })
    .join('');
}

/** An uploaded file holding the segments. */
export function x12File(
  name: string,
  segments: readonly Segment[],
  style: X12Style = {},
): { name: string; bytes: Uint8Array } {
  const text = strToU8(x12Text(segments, style));
  if (!style.bom) return { name, bytes: text };
  const bytes = new Uint8Array(text.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(text, 3);
  return { name, bytes };
}
