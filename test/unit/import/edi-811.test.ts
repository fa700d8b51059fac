import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BillDraft } from '../../../shared/import/draft';
import { looksLikeX12, x12Delimiters } from '../../../shared/import/edi/x12-segments';
import type { Segment, X12Style } from '../../helpers/x12';
import { readBill } from '../../helpers/read-bill';
import { interchange, lumenInvoice, x12File, x12Text } from '../../helpers/x12';
import { readDraft, totalOf } from './fixtures';

function ediFixture(name: string): { name: string; bytes: Uint8Array } {
  return {
    name,
    bytes: new Uint8Array(readFileSync(new URL(`../../fixtures/edi/${name}`, import.meta.url))),
  };
}

/** The draft of one interchange written in a style. */
function draftOf(segments: readonly Segment[], style: X12Style = {}): BillDraft {
  return readDraft([x12File('bill.811', segments, style)]);
}

function messages(draft: BillDraft): string[] {
  return draft.errors.map((error) => error.message);
}

describe('EDI X12 811: delimiters and envelope', () => {
  it.each([
    ['lumen-2026-09.811', '~ terminators on one line'],
    ['lumen-2026-09-bom-crlf.edi', 'a BOM, | and : separators, ~ then CRLF'],
    ['lumen-2026-09-newlines.x12', 'one segment per line, no ~'],
  ])('%s (%s) reads to the same invoice, lines and usage', (name) => {
    const draft = readDraft([ediFixture(name)]);
    expect(draft.profileId).toBe('edi-x12-811');
    expect(draft.errors).toEqual([]);
    expect(draft.warnings ?? []).toEqual([]);
    expect(draft.invoices).toHaveLength(1);
    expect(draft.invoices[0]).toMatchObject({
      carrierName: 'Lumen',
      accountNumber: '5-KE4X-001',
      invoiceNumber: 'LUM-2609-001',
      invoiceDate: '2026-09-01',
      dueDate: '2026-09-25',
      periodStart: '2026-08-01',
      periodEnd: '2026-08-31',
      statedTotal: 111842,
    });
    expect(totalOf(draft.lines)).toBe(111842);
    expect(
      draft.lines.map((line) => [line.serviceIdRaw, line.description, line.category, line.amount]),
    ).toEqual([
      ['BBEC.556677..LUMN', 'Ethernet 100M port', 'recurring', 85000],
      ['BBEC.556677..LUMN', 'Installation', 'one-time', 12500],
      ['BBEC.556677..LUMN', 'State sales tax (NY)', 'tax', 4185],
      ['5550100002', 'Business line', 'recurring', 4500],
      ['5550100002', 'Long distance minutes', 'usage', 1250],
      ['5550100002', 'Federal Universal Service Fund', 'surcharge', 399],
      ['5550100002', 'County tax', 'tax', 210],
      ['555-010-0003', 'Business line (from Aug 15)', 'recurring', 2250],
      ['555-010-0003', 'Data usage', 'usage', 2048],
      ['', 'Federal excise tax', 'tax', 500],
      ['', 'Loyalty credit', 'credit', -1000],
    ]);
    // SLN*…*I: included in the line above, listed as not charged again.
    expect(draft.skipped).toHaveLength(1);
    expect(draft.skipped[0]?.reason).toMatch(/included in the line above/);
    expect(draft.lines[3]?.serviceKey).toBe('+15550100002');
    expect(draft.lines[0]?.extras).toEqual({ 'Sub-account': '5-KE4X-001-02', Unit: 'MO' });
    expect(draft.lines[7]).toMatchObject({ periodStart: '2026-08-15', periodEnd: '2026-08-31' });
    expect(draft.lines[4]?.quantity).toBe(312.5);
    expect(draft.usage.map((u) => [u.serviceIdRaw, u.month, u.minutes, u.dataKb])).toEqual([
      ['5550100002', '2026-08', 312.5, null],
      ['555-010-0003', '2026-08', null, 2048],
    ]);
  });

  it('recognises EDI by its content, not its name, and not a CSV whose first column is ISA', () => {
    expect(looksLikeX12('ISA*00*')).toBe(true);
    expect(looksLikeX12('\r\n\r\nISA^00^')).toBe(true);
    expect(looksLikeX12('ISA,Account,Amount\nX,1,2\n')).toBe(false);
    expect(looksLikeX12('ISA|Account|Amount\nX|1|2\n')).toBe(false);
    expect(looksLikeX12('ISA*00*damaged~')).toBe(true);
    expect(looksLikeX12(x12Text(interchange([lumenInvoice()]), { element: '|' }))).toBe(true);
    expect(looksLikeX12(x12Text(interchange([lumenInvoice()]), { element: ',' }))).toBe(true);
    expect(looksLikeX12('ISA Account')).toBe(false);
    expect(looksLikeX12('ISAAC')).toBe(false);
    expect(looksLikeX12('Carrier,ISA')).toBe(false);
    const renamed = { ...ediFixture('lumen-2026-09.811'), name: 'september.txt' };
    expect(readDraft([renamed]).invoices[0]?.invoiceNumber).toBe('LUM-2609-001');
  });

  it.each([
    ['non-padded ISA, * > ~', { element: '*', subElement: '>', terminator: '~' }],
    [
      '^ separators, \\ sub-elements, ! terminator',
      { element: '^', subElement: '\\', terminator: '!' },
    ],
    [
      'tildes as elements? no: | and ~ with CRLF',
      { element: '|', subElement: ':', terminator: '~', lineBreak: '\r\n' },
    ],
    ['CR-only lines', { element: '*', subElement: '>', terminator: '\r' }],
  ])('finds the delimiters from the ISA: %s', (_label, style: X12Style) => {
    const text = x12Text(interchange([lumenInvoice()]), style);
    const found = x12Delimiters(text);
    if (typeof found === 'string') throw new Error(found);
    expect(found.delimiters.element).toBe(style.element);
    expect(found.delimiters.subElement).toBe(style.subElement);
    const draft = draftOf(interchange([lumenInvoice()]), style);
    expect(draft.errors).toEqual([]);
    expect(draft.invoices[0]?.statedTotal).toBe(89185);
    expect(totalOf(draft.lines)).toBe(89185);
  });

  it('reads a fixed-width, space-padded ISA as carriers that pad send it', () => {
    const padded =
      'ISA*00*          *00*          *ZZ*SYNTHETIC-TEST *ZZ*TEMDESK        *260901*0800*U*00401*000000101*0*T*>~';
    expect(padded.length).toBe(106);
    const rest = x12Text(interchange([lumenInvoice()]).slice(1));
    const draft = readDraft([
      { name: 'padded.edi', bytes: new TextEncoder().encode(padded + rest) },
    ]);
    expect(draft.errors).toEqual([]);
    expect(draft.invoices).toHaveLength(1);
  });

  it('reports SE, GE and IEA counts and control numbers that do not match, naming the segment', () => {
    const segments = interchange([lumenInvoice()]).map((segment): Segment => {
      if (segment[0] === 'SE') return ['SE', '99', '0002'];
      if (segment[0] === 'GE') return ['GE', '3', '101'];
      if (segment[0] === 'IEA') return ['IEA', '1', '999999999'];
      return segment;
    });
    const draft = draftOf(segments);
    const se = segments.findIndex((segment) => segment[0] === 'SE') + 1;
    expect(messages(draft)).toEqual([
      `Segment ${se} (SE), element 1 (SE01): transaction 0001 says it holds 99 segments but holds ${se - 2}: segments may be missing or the file was edited. Check its invoices against the carrier's bill.`,
      `Segment ${se} (SE), element 2 (SE02): the control number "0002" of transaction 0001's end does not match the one at its start ("0001"): parts of two transactions may be mixed up. Check its invoices against the carrier's bill.`,
      `Segment ${se + 1} (GE), element 1 (GE01): functional group 101 says it holds 3 transactions but holds 1: transactions may be missing or the file was edited. Check its invoices against the carrier's bill.`,
      `Segment ${se + 2} (IEA), element 2 (IEA02): the control number "999999999" of interchange 000000101's end does not match the one at its start ("000000101"): parts of two envelopes may be mixed up. Check its invoices against the carrier's bill.`,
    ]);
    expect(draft.errors[0]).toMatchObject({ row: se, column: 'SE01', value: '99' });
    // The invoice itself is read: the problem is shown, not hidden by dropping it.
    expect(draft.invoices).toHaveLength(1);
  });

  it('a file cut inside a transaction imports nothing of that transaction and says so', () => {
    const whole = interchange([lumenInvoice({ invoice: 'A' }), lumenInvoice({ invoice: 'B' })]);
    const cut = whole.slice(0, whole.length - 8);
    const draft = draftOf(cut);
    expect(draft.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['A']);
    expect(messages(draft)).toEqual([
      `Segment ${cut.length} (${cut.at(-1)?.[0] ?? ''}): transaction 0002 (from segment 18) has no end (SE): the file was cut or damaged, so nothing of that transaction is imported.`,
    ]);
  });
});

describe('EDI X12 811: invoices and charges', () => {
  it("reads a sub-line's relationship (SLN03) whatever its case: an included one is never charged twice", () => {
    const draft = draftOf(
      interchange([
        lumenInvoice({
          total: '85399',
          charges: [
            ['IT1', '1', '1', 'MO', '850.00', '', 'SV', 'MRC'],
            ['SLN', '1', '', 'i', '1', 'MO', '600.00', '', '', 'SV', 'MRC'],
            ['SLN', '2', '', 'o', '1', 'MO', '100.00', '', '', 'SV', 'MRC'],
            ['SLN', '3', '', ' a ', '1', 'EA', '3.99', '', '', 'SV', 'SUR'],
          ],
        }),
      ]),
    );
    expect(draft.errors).toEqual([]);
    expect(draft.lines.map((line) => line.amount)).toEqual([85000, 399]);
    expect(draft.skipped.map((skipped) => skipped.reason)).toEqual([
      expect.stringContaining('(SLN03 "I") is included in the line above it'),
      expect.stringContaining('(SLN03 "O") is information about the line above it'),
    ]);
    expect(totalOf(draft.lines)).toBe(85399);
  });

  it('reads two transactions as two invoices, and the invoice-math warning for a TDS that differs', () => {
    const two = readDraft([ediFixture('two-invoices.811')]);
    expect(
      two.invoices.map((invoice) => [
        invoice.carrierName,
        invoice.invoiceNumber,
        invoice.statedTotal,
        invoice.dueDate,
      ]),
    ).toEqual([
      ['Lumen', 'LUM-2609-001', 111842, '2026-09-25'],
      ['Comcast Business', 'CMC-88120', 17836, '2026-09-25'],
    ]);
    const comcast = two.lines.filter((line) => line.invoiceKey === two.invoices[1]?.key);
    expect(comcast.map((line) => [line.category, line.amount])).toEqual([
      ['recurring', 18995],
      ['credit', -2000],
      ['tax', 841],
    ]);
    expect(two.invoices[1]?.accountNumber).toBe('8155-4400-1234');
    expect(two.warnings ?? []).toEqual([]);

    const mismatch = readDraft([ediFixture('total-mismatch.811')]);
    expect(mismatch.invoices[0]?.statedTotal).toBe(116592);
    expect(totalOf(mismatch.lines)).toBe(114092);
    expect(mismatch.warnings?.map((warning) => [warning.row, warning.message])).toEqual([
      [
        40,
        'Invoice LUM-2610-001: the bill states a total of $1,165.92 but its lines add up to $1,140.92 (a difference of $25.00).',
      ],
    ]);
  });

  it('an IT1 in a lower HL level bills the service named by its parent; IT1 amounts are quantity × price, rounded', () => {
    const draft = draftOf(
      interchange([
        lumenInvoice({
          total: '1746',
          charges: [
            ['HL', '3', '2', '9'],
            ['IT1', '1', '333', 'MJ', '0.0525', '', 'SV', 'USG'],
            ['PID', 'F', '', '', '', 'Toll calls'],
          ],
        }),
      ]),
    );
    expect(draft.errors).toEqual([]);
    expect(draft.lines).toMatchObject([
      { serviceIdRaw: 'BBEC.556677..LUMN', amount: 1748, quantity: 333, category: 'usage' },
    ]);
    // 333 × 0.0525 = 17.4825 → $17.48; the stated $17.46 does not reconcile and is not "fixed".
    expect(draft.invoices[0]?.statedTotal).toBe(1746);
    expect(draft.warnings).toHaveLength(1);
  });

  it.each([
    [
      ['IT1', '1', '1', 'MO', 'x', '', 'SV', 'MRC'],
      'element 4 (IT104): expected a unit price like 12.50, found "x"; this charge is not imported.',
    ],
    [
      ['IT1', '1', 'two', 'MO', '5.00'],
      'element 2 (IT102): expected a quantity like 12.50, found "two"; this charge is not imported.',
    ],
    [
      ['IT1', '1', '1', 'MO'],
      'element 4 (IT104): the unit price is missing; this charge is not imported.',
    ],
    [
      ['IT1', '1', '1', 'EA', '9.00', '', 'SV', '1FB'],
      'element 6 (IT106): cannot tell what kind of charge "1FB" is',
    ],
    [
      ['TXI', 'ST', '4,10'],
      'element 2 (TXI02): expected an amount like 12.50, found "4,10"; this charge is not imported.',
    ],
    [
      ['SAC', 'A', '', '', '', '12.50'],
      'element 5 (SAC05): expected an amount in cents with two implied decimals (12550 for $125.50), found "12.50"; this charge is not imported.',
    ],
    [
      ['SLN', '1', '', 'A', '1', 'EA', '1e3', '', '', 'SV', 'FEE'],
      'element 6 (SLN06): expected a unit price like 12.50, found "1e3"',
    ],
    [
      ['SLN', '1', '', '', '1', 'MO', '600.00', '', '', 'SV', 'MRC'],
      "element 3 (SLN03): the sub-line's relationship to the line above it (SLN03) must be A (added to it), I (included in it) or O (information only); it is empty, so whether it is charged is not known; this charge is not imported.",
    ],
    [
      ['SLN', '1', '', 'X', '1', 'MO', '600.00', '', '', 'SV', 'MRC'],
      `element 3 (SLN03): the sub-line's relationship to the line above it (SLN03) must be A (added to it), I (included in it) or O (information only); found "X"`,
    ],
  ])('a bad charge segment %j is an error naming segment and element', (charge, expected) => {
    const segments = interchange([lumenInvoice({ charges: [charge] })]);
    const draft = draftOf(segments);
    const at = segments.findIndex((segment) => segment === charge) + 1;
    expect(messages(draft)).toHaveLength(1);
    expect(messages(draft)[0]).toContain(`Segment ${at} (${charge[0]}), ${expected}`);
    expect(draft.errors[0]?.row).toBe(at);
    expect(draft.lines).toEqual([]);
    expect(draft.invoices).toHaveLength(1);
  });

  it.each([
    [
      [['BIG', '20261301', 'LUM-1']],
      'transaction 0001 is not imported: the date of invoice LUM-1 (BIG01) cannot be read.',
    ],
    [
      [['BIG', '20260901', '']],
      'transaction 0001 is not imported: its invoice number (BIG02) is missing.',
    ],
    [[], 'transaction 0001 is not imported: it has no invoice beginning (BIG).'],
  ])('an invoice whose beginning cannot be read is not imported: %j', (big, expected) => {
    const body = lumenInvoice().filter((segment) => segment[0] !== 'BIG');
    const draft = draftOf(interchange([[...big, ...body]]));
    expect(draft.invoices).toEqual([]);
    expect(draft.lines).toEqual([]);
    expect(messages(draft).at(-1)).toBe(`Segment 3 (ST): ${expected}`);
    expect(draft.errors.at(-1)?.amount).toBe('891.85');
  });

  it('an invoice with no carrier or account is not imported; REF*11 is read when REF*12 is absent', () => {
    const noCarrier = draftOf(interchange([lumenInvoice().filter((s) => s[0] !== 'N1')]));
    expect(messages(noCarrier)).toEqual([
      'Segment 3 (ST): transaction 0001 is not imported: invoice LUM-1 names no carrier (N1*SE).',
    ]);
    const ref11 = lumenInvoice().map((s): Segment =>
      s[0] === 'REF' ? ['REF', '11', 'ACCT-11'] : s,
    );
    expect(draftOf(interchange([ref11])).invoices[0]?.accountNumber).toBe('ACCT-11');
    const none = draftOf(interchange([lumenInvoice().filter((s) => s[0] !== 'REF')]));
    expect(messages(none)[0]).toContain('names no account number (REF*12 or REF*11)');
  });

  it('an HL pointing at an unknown parent, a duplicate invoice in one file, a segment with a bad name', () => {
    const orphan = lumenInvoice().map((s): Segment =>
      s[0] === 'HL' && s[1] === '2' ? ['HL', '2', '7', '8'] : s,
    );
    const draft = draftOf(
      interchange([orphan, lumenInvoice(), [['B@D', 'x'], ...lumenInvoice({ invoice: 'LUM-2' })]]),
    );
    const texts = messages(draft);
    expect(texts).toContain(
      'Segment 34: "B@D" is not a segment name (two or three letters or digits): the segment is damaged and is not read.',
    );
    expect(texts).toContain(
      'Segment 11 (HL), element 2 (HL02): the parent level "7" is not an earlier HL of this invoice; the level is read as a top level (its charges are not tied to a service named above it).',
    );
    expect(texts).toContain(
      'Segment 18 (ST): transaction 0002 is not imported: invoice LUM-1 was already read from transaction 0001 (segment 3) of this file, with other content.',
    );
    expect(draft.invoices.map((invoice) => invoice.invoiceNumber)).toEqual(['LUM-1', 'LUM-2']);
  });

  it('warns about characters already unreadable in the file (a bad conversion upstream)', () => {
    const damaged = lumenInvoice().map((s): Segment =>
      s[0] === 'N1' ? ['N1', 'SE', 'Lum\uFFFDn'] : s,
    );
    const draft = draftOf(interchange([damaged]));
    expect(draft.invoices[0]?.carrierName).toBe('Lum\uFFFDn');
    expect(draft.warnings?.map((warning) => warning.message)).toEqual([
      expect.stringContaining('The file already holds 1 unreadable character(s)'),
    ]);
  });

  it('reads 811 files inside a ZIP, named after the archive', () => {
    const zip = zipSync({
      '2026-09/two-invoices.811': ediFixture('two-invoices.811').bytes,
      '2026-10/lumen.edi': ediFixture('total-mismatch.811').bytes,
    });
    const draft = readDraft([{ name: 'lumen-edi.zip', bytes: zip }]);
    expect(draft.invoices.map((invoice) => [invoice.invoiceNumber, invoice.sourceFile])).toEqual([
      ['LUM-2609-001', 'lumen-edi.zip › two-invoices.811'],
      ['CMC-88120', 'lumen-edi.zip › two-invoices.811'],
      ['LUM-2610-001', 'lumen-edi.zip › lumen.edi'],
    ]);
    expect(draft.warnings).toHaveLength(1);
  });

  it.each([
    ['the original first', 'a.811', 'b-corrected.edi'],
    ['the correction first', 'b-corrected.edi', 'a.811'],
  ])(
    'a corrected invoice (another total) is never taken as a copy, whichever file comes first: %s',
    (_order, firstName, secondName) => {
      const original = interchange([lumenInvoice()]);
      const corrected = interchange([
        lumenInvoice({
          total: '84185',
          charges: [
            ['IT1', '1', '1', 'MO', '800.00', '', 'SV', 'MRC'],
            ['PID', 'F', '', '', '', 'Ethernet 100M port'],
            ['TXI', 'ST', '41.85'],
          ],
        }),
      ]);
      const files = { 'a.811': original, 'b-corrected.edi': corrected };
      const outcome = readBill([
        x12File(firstName, files[firstName as keyof typeof files]),
        x12File(secondName, files[secondName as keyof typeof files]),
      ]);
      if (outcome.kind !== 'draft') throw new Error(outcome.kind);
      const totals = { 'a.811': '$891.85', 'b-corrected.edi': '$841.85' };
      expect(outcome.draft.copies ?? []).toEqual([]);
      expect(outcome.draft.errors.map((error) => [error.sourceFile, error.message])).toEqual([
        [
          secondName,
          `Invoice LUM-1 (account 5-KE4X-001) is also in ${firstName}, with another total: ${totals[firstName as keyof typeof totals]} there, ${totals[secondName as keyof typeof totals]} here. A corrected or reissued bill? Neither is taken over the other: this file's rows of the invoice are not imported; import the right version on its own.`,
        ],
      ]);
    },
  );

  it('the same invoice in two files is a copy, counted once', () => {
    const segments = interchange([lumenInvoice()]);
    const draft = readDraft([x12File('a.811', segments), x12File('b.edi', segments)]);
    expect(draft.invoices).toHaveLength(1);
    expect(draft.copies).toMatchObject([{ sourceFile: 'b.edi', sameAs: 'a.811' }]);
    expect(totalOf(draft.lines)).toBe(89185);
  });
});

/** A Lumen invoice with `taxes` written in its header, before the first HL. */
function withHeaderTaxes(
  taxes: Segment[],
  overrides: Parameters<typeof lumenInvoice>[0] = {},
): Segment[] {
  const body = lumenInvoice(overrides);
  const firstHl = body.findIndex((segment) => segment[0] === 'HL');
  return [...body.slice(0, firstHl), ...taxes, ...body.slice(firstHl)];
}

function taxLines(draft: BillDraft): [string, string, number][] {
  return draft.lines
    .filter((line) => line.category === 'tax')
    .map((line) => [line.serviceIdRaw, line.description, line.amount]);
}

describe('EDI X12 811: header taxes (TXI before the first HL)', () => {
  /** A $900.00 circuit with `lineTaxes` below it, `headerTaxes` in the header, TDS `total`. */
  const billed = (headerTaxes: Segment[], lineTaxes: Segment[], total: string) =>
    draftOf(
      interchange([
        withHeaderTaxes(headerTaxes, {
          total,
          charges: [
            ['IT1', '1', '1', 'MO', '900.00', '', 'SV', 'MRC'],
            ['PID', 'F', '', '', '', 'Ethernet 1G'],
            ...lineTaxes,
          ],
        }),
      ]),
    );

  it('a header TXI*TX restating the line taxes is a summary: the lines equal TDS', () => {
    const draft = billed(
      [['TXI', 'TX', '45.00']],
      [['TXI', 'ST', '45.00', '', 'SP', 'CO']],
      '94500',
    );
    expect(draft.errors).toEqual([]);
    expect(draft.warnings ?? []).toEqual([]);
    expect(taxLines(draft)).toEqual([['BBEC.556677..LUMN', 'State sales tax (CO)', 4500]]);
    expect(totalOf(draft.lines)).toBe(94500);
    expect(draft.skipped.map((skip) => [skip.row, skip.reason])).toEqual([
      [
        10,
        "Not charged again: this header tax (TXI*TX, $45.00) restates the $45.00 of taxes itemised on the invoice's lines.",
      ],
    ]);
  });

  it('a header tax of a type that equals the itemised taxes of that type is a summary', () => {
    const draft = billed(
      [['TXI', 'ST', '45.00']],
      [['TXI', 'ST', '45.00', '', 'SP', 'CO']],
      '94500',
    );
    expect(taxLines(draft)).toEqual([['BBEC.556677..LUMN', 'State sales tax (CO)', 4500]]);
    expect(totalOf(draft.lines)).toBe(94500);
  });

  it('a header TXI*TX with no tax itemised anywhere else is the tax', () => {
    const draft = billed([['TXI', 'TX', '45.00']], [], '94500');
    expect(taxLines(draft)).toEqual([['', 'All taxes', 4500]]);
    expect(totalOf(draft.lines)).toBe(94500);
    expect(draft.skipped).toEqual([]);
  });

  it('header taxes of several types: each not itemised elsewhere is charged, TX over them is a summary', () => {
    const headerTaxes: Segment[] = [
      ['TXI', 'ST', '30.00'],
      ['TXI', 'CT', '10.00'],
      ['TXI', 'TX', '55.00'],
    ];
    const draft = billed(headerTaxes, [['TXI', 'FT', '15.00']], '95500');
    expect(taxLines(draft)).toEqual([
      ['', 'State sales tax', 3000],
      ['', 'County tax', 1000],
      ['BBEC.556677..LUMN', 'Federal excise tax', 1500],
    ]);
    expect(totalOf(draft.lines)).toBe(95500);
    expect(draft.skipped).toHaveLength(1);
  });

  it('a header tax partly itemised: the part no line itemises is charged at account level', () => {
    const draft = billed([['TXI', 'TX', '45.00']], [['TXI', 'ST', '30.00']], '94500');
    expect(taxLines(draft)).toEqual([
      ['', 'All taxes, not itemised on the lines', 1500],
      ['BBEC.556677..LUMN', 'State sales tax', 3000],
    ]);
    expect(draft.lines[0]?.extras).toEqual({
      'Header tax': '45.00',
      'Itemised on the lines': '30.00',
    });
    expect(totalOf(draft.lines)).toBe(94500);
  });

  it('a header tax over line taxes that come to $0.00 (exempt, or a tax and its reversal) is charged', () => {
    const exempt = billed(
      [['TXI', 'TX', '45.00']],
      [['TXI', 'ST', '0.00', '', 'SP', 'CO']],
      '94500',
    );
    expect(totalOf(exempt.lines)).toBe(94500);
    const reversed = billed(
      [['TXI', 'TX', '45.00']],
      [
        ['TXI', 'ST', '10.00'],
        ['TXI', 'ST', '-10.00'],
      ],
      '94500',
    );
    expect(totalOf(reversed.lines)).toBe(94500);
    expect(taxLines(reversed).find(([id]) => id === '')).toEqual([
      '',
      'All taxes, not itemised on the lines',
      4500,
    ]);
  });

  it('a header tax over line taxes that net to a credit: the lines and the rest make the header', () => {
    const draft = billed([['TXI', 'TX', '45.00']], [['TXI', 'ST', '-10.00']], '94500');
    expect(totalOf(draft.lines)).toBe(94500);
  });

  it('a header tax of $0.00 over itemised taxes charges nothing and takes nothing away', () => {
    const draft = billed([['TXI', 'TX', '0.00']], [['TXI', 'ST', '45.00']], '94500');
    expect(taxLines(draft)).toEqual([['BBEC.556677..LUMN', 'State sales tax', 4500]]);
    expect(totalOf(draft.lines)).toBe(94500);
  });

  it('a header tax smaller than the itemised ones is a summary; the stated total judges', () => {
    const draft = billed([['TXI', 'TX', '40.00']], [['TXI', 'ST', '45.00']], '94500');
    expect(taxLines(draft)).toEqual([['BBEC.556677..LUMN', 'State sales tax', 4500]]);
    expect(draft.skipped[0]?.reason).toBe(
      "Not charged again: this header tax (TXI*TX, $40.00) is less than the $45.00 of taxes itemised on the invoice's lines; the itemised taxes are imported.",
    );
    expect(totalOf(draft.lines)).toBe(94500);
  });

  it('a header state tax of another jurisdiction than the itemised one is charged', () => {
    const draft = billed(
      [['TXI', 'ST', '10.00', '', 'SP', 'MN']],
      [['TXI', 'ST', '45.00', '', 'SP', 'CO']],
      '95500',
    );
    expect(taxLines(draft)).toEqual([
      ['', 'State sales tax (MN)', 1000],
      ['BBEC.556677..LUMN', 'State sales tax (CO)', 4500],
    ]);
    expect(totalOf(draft.lines)).toBe(95500);
  });
});

describe('EDI X12 811: a level naming several identifiers', () => {
  /** A Lumen invoice whose one service level is named by `names` (SI and REF*CN segments). */
  const namedBy = (names: Segment[]) =>
    draftOf(
      interchange([
        lumenInvoice({ total: '145000' }).flatMap((segment): Segment[] => {
          if (segment[0] === 'SI') return names;
          if (segment[0] === 'IT1') return [['IT1', '1', '1', 'MO', '1450.00', '', 'SV', 'MRC']];
          return segment[0] === 'TXI' ? [] : [segment];
        }),
      ]),
    );

  it.each([
    ['TN then CI in one SI', [['SI', 'TI', 'TN', '6125550100', 'CI', '12.HCGS.123456..LEC']]],
    ['CI then TN in one SI', [['SI', 'TI', 'CI', '12.HCGS.123456..LEC', 'TN', '6125550100']]],
    [
      'an SI with the TN, then REF*CN',
      [
        ['SI', 'TI', 'TN', '6125550100'],
        ['REF', 'CN', '12.HCGS.123456..LEC'],
      ],
    ],
  ])('the circuit ID is the service, the phone number beside it a detail: %s', (_label, names) => {
    const draft = namedBy(names);
    expect(draft.errors).toEqual([]);
    expect(draft.lines).toHaveLength(1);
    expect(draft.lines[0]).toMatchObject({
      serviceIdRaw: '12.HCGS.123456..LEC',
      amount: 145000,
      extras: { 'Also identified as': '6125550100', Unit: 'MO' },
    });
  });

  it('a level naming only phone numbers bills the first; two circuits bill the first', () => {
    const phones = namedBy([['SI', 'TI', 'TN', '6125550142', 'TN', '6125550143']]);
    expect(phones.lines[0]?.serviceIdRaw).toBe('6125550142');
    expect(phones.lines[0]?.extras?.['Also identified as']).toBe('6125550143');
    const circuits = namedBy([['SI', 'TI', 'CI', 'A.1', 'TN', '6125550100', 'CI', 'B.2']]);
    expect(circuits.lines[0]?.serviceIdRaw).toBe('A.1');
    expect(circuits.lines[0]?.extras?.['Also identified as']).toBe('6125550100, B.2');
  });
});

describe('EDI X12 811: the same transaction twice in one file', () => {
  it('an exact repeat is a copy: counted once, listed as a copy, no error', () => {
    const segments = interchange([lumenInvoice(), lumenInvoice()]);
    const draft = draftOf(segments);
    expect(draft.errors).toEqual([]);
    expect(draft.invoices).toHaveLength(1);
    expect(totalOf(draft.lines)).toBe(89185);
    expect(draft.warnings ?? []).toEqual([]);
    expect(draft.copies).toEqual([
      {
        invoiceKey: draft.invoices[0]?.key,
        carrierName: 'Lumen',
        accountNumber: '5-KE4X-001',
        invoiceNumber: 'LUM-1',
        kind: 'bill',
        sourceFile: 'bill.811',
        sameAs: 'bill.811 (transaction 0001)',
      },
    ]);
    expect(draft.skipped.map((skip) => [skip.row, skip.reason])).toEqual([
      [
        18,
        'Not imported: transaction 0002 repeats transaction 0001 (segment 3) of this file segment for segment, invoice LUM-1 (account 5-KE4X-001); it is a copy, counted once.',
      ],
    ]);
  });

  it('a repeat of the invoice number with other content stays an error, whatever differs', () => {
    const corrected = lumenInvoice({ total: '89186' });
    const draft = draftOf(interchange([lumenInvoice(), corrected]));
    expect(draft.copies ?? []).toEqual([]);
    expect(draft.invoices).toHaveLength(1);
    expect(totalOf(draft.lines)).toBe(89185);
    expect(messages(draft)).toEqual([
      'Segment 18 (ST): transaction 0002 is not imported: invoice LUM-1 was already read from transaction 0001 (segment 3) of this file, with other content.',
    ]);
  });
});
