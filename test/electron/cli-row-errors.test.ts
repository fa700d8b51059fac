/**
 * The CLI never publishes figures that silently miss a charge: a bill row it cannot read stops
 * the run with nothing written (exit 1), unless `--allow-row-errors`, which lists the rows left
 * out with their amounts. Outputs appear whole or not at all; PDFs are skipped and listed as needing entry in the app.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs } from '../../electron/cli/args';
import { writeOutputs } from '../../electron/cli/outputs';
import {
  auditWorkspace,
  makeCliWorkspace,
  outputFiles,
  outputRows,
} from '../helpers/cli-workspace';

const HEADER = 'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Category,Amount';
const GOOD = 'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,850.00';
const BAD = 'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0002,MRC,"1,85O.00"';

let dir = '';

beforeEach(async () => {
  dir = await makeCliWorkspace('temdesk-cli-rows-');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const audit = (extra: readonly string[] = []) => auditWorkspace(dir, extra);
const outFiles = () => outputFiles(dir);

describe('bill rows that cannot be read', () => {
  it('stop the run: exit 1, nothing written, the row named', async () => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${GOOD}\n${BAD}\n`);
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 bill row could not be read, so nothing was written:');
    expect(run.stderr).toContain('bill.csv: Row 3, column "Amount"');
    expect(run.stderr).toContain('[amount 1,85O.00]');
    expect(run.stderr).toContain('add --allow-row-errors');
    expect(await outFiles()).toEqual([]);
  });

  it('name each row of an invoice refused whole (a corrected bill beside the first)', async () => {
    const first = `${HEADER},Invoice Total\n${GOOD},900.00\n${GOOD.replace('0001', '0003').replace('850.00', '50.00')},900.00\n`;
    await writeFile(join(dir, 'bills', 'a.csv'), first);
    await writeFile(join(dir, 'bills', 'b.csv'), first.replaceAll('900.00', '905.00'));
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 bill rows could not be read, so nothing was written:');
    expect(run.stderr).toContain('b.csv: Row 2: Invoice 754240482 (account 5-KE4X-001)');
    expect(run.stderr).toContain('b.csv: Row 3: Invoice 754240482 (account 5-KE4X-001)');
  });

  it('count the copies of a bill saved three times: one invoice, two extra copies', async () => {
    const bill = `${HEADER}\n${GOOD}\n`;
    for (const name of ['a.csv', 'b.csv', 'c.csv']) await writeFile(join(dir, 'bills', name), bill);
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '1 invoice met more than once (2 extra copies), each counted once (duplicate-invoice).',
    );
    expect(run.stdout).toContain('$850.00 billed');
  });

  it('are left out and listed with their amounts under --allow-row-errors', async () => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${GOOD}\n${BAD}\n`);
    const run = await audit(['--allow-row-errors']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Left out 1 bill row that could not be read (--allow-row-errors); the outputs do not include them:',
    );
    expect(run.stdout).toMatch(/bill\.csv: Row 3, column "Amount": .* \[amount 1,85O\.00\]/);
    expect((await outFiles()).sort()).toEqual([
      'charges.csv',
      'findings.csv',
      'invoices.csv',
      'optimisation.csv',
    ]);
    const charges = await readFile(join(dir, 'out', 'charges.csv'), 'utf8');
    expect(charges).toContain('850.00');
    expect(charges).not.toContain('555-010-0002');
  });

  it('include rows that do not line up with the header, shown as written', async () => {
    const shifted = GOOD.replace('850.00', '1,850.00');
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${GOOD}\n${shifted}\n`);
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Row 3 has 8 cells, the header has 7');
    expect(run.stderr).toContain(
      '[row: Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,1,850.00]',
    );
  });
});

describe('rows left out on purpose', () => {
  it('are said in the summary, a line per file naming each row and why', async () => {
    await writeFile(
      join(dir, 'bills', 'bill.csv'),
      [
        'Carrier,Account Number,Invoice Number,Invoice Date,Service ID,Description,Category,Amount',
        'Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,DIA,MRC,850.00',
        'Lumen,5-KE4X-001,754240482,2026-10-01,,Total,Surcharge,850.00',
        '',
      ].join('\n'),
    );
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /Rows not read as charges, by design:\n {2}bill\.csv: 1 row \(row 3: [^\n]*Total[^\n]*\)\n/,
    );
  });
});

describe('what a bill file holds reaches the terminal printable', () => {
  it('shows escape sequences and carriage returns of a header as their pictures, never sends them', async () => {
    await writeFile(
      join(dir, 'bills', 'bill.csv'),
      'Vendor\u001b[2J,Cost\u001b]0;owned\u0007,Note\u202e\r\nLumen,850.00,x\nLumen,1000.00,y\n',
    );
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('columns: Vendor␛[2J, Cost␛]0;owned␇, Note�');
    // eslint-disable-next-line no-control-regex
    expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/);
  });
});

describe('amounts with fractions of a cent', () => {
  it('make no false "does not add up": the lines are rounded to the exact sum, and it is said', async () => {
    const rows = ['0.333', '0.333', '0.334', '850.00'].map(
      (amount, i) => `Lumen,5-KE4X-001,754240482,2026-10-01,555-010-0001,MRC,${amount},851.00,${i}`,
    );
    await writeFile(
      join(dir, 'bills', 'bill.csv'),
      `${HEADER},Invoice Total,Description\n${rows.join('\n')}\n`,
    );
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Read with notes:\n  bill.csv, row 2: 3 amounts have fractions of a cent (row 2: "0.333")',
    );
    expect(await readFile(join(dir, 'out', 'findings.csv'), 'utf8')).not.toContain('invoice-math');
    expect(run.stdout).toContain('$851.00 billed');
  });
});

describe('a bill that does not say its account or date', () => {
  it('stops the run naming what it lacks in words and the options that give it', async () => {
    await writeFile(
      join(dir, 'bills', 'tmobile-summary-bare.csv'),
      await readFile(new URL('../fixtures/files/tmobile-summary-bare.csv', import.meta.url)),
    );
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '"tmobile-summary-bare.csv" does not say its account number or invoice date. This T-Mobile summary export does not say which invoice it is: give what the printed bill shows; it applies to every line of the file. Run again with --account-number NUMBER and --invoice-date YYYY-MM-DD, or import it in the app, which asks for them.',
    );
  });

  it('reads it with the account and date the options give', async () => {
    await writeFile(
      join(dir, 'bills', 'tmobile-summary-bare.csv'),
      await readFile(new URL('../fixtures/files/tmobile-summary-bare.csv', import.meta.url)),
    );
    const run = await audit(['--account-number', '958000001', '--invoice-date', '2026-10-12']);
    expect(run.code).toBe(0);
    const [invoice] = await outputRows(dir, 'invoices.csv');
    expect([invoice?.['Account Number'], invoice?.['Invoice Date']]).toEqual([
      '958000001',
      '2026-10-12',
    ]);
  });
});

describe('an empty bill file', () => {
  it('is skipped and named (a download’s report with nothing in it); the other bills are read', async () => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${GOOD}\n`);
    await writeFile(join(dir, 'bills', 'Wireless Usage Detail.txt'), '');
    await writeFile(join(dir, 'bills', 'notes.csv'), '\n\n  \n');
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'Notice: "Wireless Usage Detail.txt" is empty: skipped, it holds no charges.',
    );
    expect(run.stderr).toContain('Notice: "notes.csv" is empty: skipped, it holds no charges.');
    expect(await readFile(join(dir, 'out', 'charges.csv'), 'utf8')).toContain('850.00');
  });
});

describe('a bill file of column names and no rows', () => {
  it('is named as holding no charges; the other bills are read', async () => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${GOOD}\n`);
    await writeFile(join(dir, 'bills', 'november.csv'), `${HEADER}\n`);
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'Notice: "november.csv" holds column names but no rows: it holds no charges.',
    );
    expect(run.stderr).not.toContain('"bill.csv" holds column names');
  });
});

describe('dates that read two ways', () => {
  const AMBIGUOUS = 'Lumen,5-KE4X-001,754240482,11/01/2026,555-010-0001,MRC,850.00';

  it('stop the run, naming the option that says how the carrier writes them', async () => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${AMBIGUOUS}\n`);
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'The dates in the bill file "bill.csv" can be read more than one way (MDY or DMY, e.g. 11/01/2026); run again with --date-order MDY or --date-order DMY to say how this carrier writes them.',
    );
  });

  it.each([
    ['MDY', '2026-11-01'],
    ['dmy', '2026-01-11'],
  ])('are read in the order --date-order %s gives', async (order, date) => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${AMBIGUOUS}\n`);
    const run = await audit(['--date-order', order]);
    expect(run.code).toBe(0);
    const [invoice] = await outputRows(dir, 'invoices.csv');
    expect(invoice?.['Invoice Date']).toBe(date);
  });

  it('a file whose dates say their order is read by them, whatever --date-order says', async () => {
    const dated = 'Lumen,5-KE4X-001,754240482,11/25/2026,555-010-0001,MRC,850.00';
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${dated}\n`);
    const run = await audit(['--date-order', 'DMY']);
    expect(run.code).toBe(0);
    const [invoice] = await outputRows(dir, 'invoices.csv');
    expect(invoice?.['Invoice Date']).toBe('2026-11-25');
  });

  it('refuses an order it does not know', async () => {
    const run = await audit(['--date-order', 'DDMMYY']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--date-order must be MDY, DMY or YMD, not "DDMMYY".');
    const setup = await audit(['--setup-date-order', 'dd/mm']);
    expect(setup.code).toBe(2);
    expect(setup.stderr).toContain('--setup-date-order must be MDY, DMY or YMD, not "dd/mm".');
  });
});

describe('PDFs and limits', () => {
  it('skips a PDF, listed as needing entry in the app, not counted as a read invoice', async () => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${GOOD}\n`);
    await writeFile(join(dir, 'bills', 'statement.pdf'), '%PDF-1.7\n%binary');
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'Notice: "statement.pdf" is a PDF bill: it needs entering in the app (Bills → Enter an invoice…). Skipped; not counted as a read invoice.',
    );
    expect(run.stdout).toContain('Read 1 bill file: 1 invoice, 1 charge line, $850.00 billed.');
  });

  it('skips a PDF inside a portal ZIP beside the data, and reads the data', async () => {
    const zip = zipSync({
      'November/SmallTelco_Nov2026.PDF': strToU8('%PDF-1.7\n%binary'),
      'November/charges.csv': strToU8(`${HEADER}\n${GOOD}\n`),
    });
    await writeFile(join(dir, 'bills', 'bundle.zip'), zip);
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'Notice: "bundle.zip › SmallTelco_Nov2026.PDF" is a PDF bill: it needs entering in the app',
    );
    expect(run.stdout).toContain('$850.00 billed.');
  });

  it('still names a skipped PDF, as a notice before the error, when the run stops for rows not read', async () => {
    await writeFile(join(dir, 'bills', 'bill.csv'), `${HEADER}\n${GOOD}\n${BAD}\n`);
    await writeFile(join(dir, 'bills', 'statement.pdf'), '%PDF-1.7\n%binary');
    const run = await audit();
    expect(run.code).toBe(1);
    // A notice, then the error: never "Error: Notice: …".
    expect(run.stderr).toMatch(
      /^Notice: "statement\.pdf" is a PDF bill[^\n]*\nError: 1 bill row could not be read/,
    );
    expect(run.stderr).not.toContain('Error: Notice');
  });

  it('does not fail a run of nothing but PDFs: each is listed, no invoice is read', async () => {
    await writeFile(join(dir, 'bills', 'statement.pdf'), '%PDF-1.7\n%binary');
    await writeFile(join(dir, 'bills', 'scan.PDF'), 'not even a real PDF');
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('"statement.pdf" is a PDF bill: it needs entering in the app');
    expect(run.stderr).toContain('"scan.PDF" is a PDF bill: it needs entering in the app');
    expect(run.stdout).toContain('Read 0 bill files: 0 invoices, 0 charge lines, $0.00 billed.');
  });

  it('reads a data export saved under a .pdf name as the data it is, not as a PDF', async () => {
    await writeFile(join(dir, 'bills', 'October bill.pdf'), `${HEADER}\n${GOOD}\n`);
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('is a PDF bill');
    expect(run.stdout).toContain('Read 1 bill file: 1 invoice, 1 charge line, $850.00 billed.');
  });

  it('names the flag that raises a limit', async () => {
    await writeFile(
      join(dir, 'bills', 'bill.csv'),
      `${HEADER}\n${GOOD}\n${'x'.repeat(1_100_000)}\n`,
    );
    const run = await audit(['--max-file-mb', '0.5']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '"bill.csv" is 1 MB, over the 512 KB limit for one file (largest file). If you trust this file, run again with --max-file-mb set higher.',
    );
  });

  it('reads a date outside 1990–2100 only with --allow-any-year', async () => {
    await writeFile(
      join(dir, 'bills', 'bill.csv'),
      `${HEADER}\n${GOOD.replace('2026-10-01', '1985-10-01')}\n`,
    );
    expect((await audit()).stderr).toContain(
      'the invoice date 1985-10-01 of invoice 754240482 (account 5-KE4X-001) is outside the years 1990–2100',
    );
    expect((await audit(['--allow-any-year'])).code).toBe(0);
  });
});

/** An audit's required options, with placeholder values. */
const MINIMAL_ARGS = [
  'audit',
  ...['--sites', 's', '--inventory', 'i', '--contracts', 'c', '--bills', 'b', '--out', 'o'],
];

describe('an unknown layout', () => {
  it('names its columns in a message of bounded length', async () => {
    const header = Array.from({ length: 1500 }, (_, i) => `Column number ${i}`).join(',');
    await writeFile(join(dir, 'bills', 'odd.csv'), `${header}\n${'x,'.repeat(1499)}x\n`);
    const run = await audit();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'is not in a layout TEM Desk recognises (columns: Column number 0,',
    );
    expect(run.stderr).toContain('Import it once in the app to map its columns');
    expect(run.stderr.length).toBeLessThan(1000);
  });
});

describe('the flags', () => {
  it.each([
    [['--allow-row-errors'], { allowRowErrors: true, limits: {} }],
    [['--max-zip-ratio', '500'], { allowRowErrors: false, limits: { maxCompressionRatio: 500 } }],
    [['--max-file-mb', '2'], { allowRowErrors: false, limits: { maxFileBytes: 2 * 1024 * 1024 } }],
  ])('%j', (flags, expected) => {
    const parsed = parseArgs([...MINIMAL_ARGS, ...flags]);
    expect(parsed.ok && parsed.args).toMatchObject(expected);
  });

  it.each([
    [['--allow-row-errors=yes'], 'The option --allow-row-errors takes no value.'],
    [['--max-file-mb', 'lots'], '--max-file-mb must be a positive number'],
  ])('refuses %j', (flags, message) => {
    const parsed = parseArgs([...MINIMAL_ARGS, ...flags]);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });
});

describe('writeOutputs', () => {
  it('writes every file whole and leaves no temporary file', async () => {
    await writeOutputs([
      { path: join(dir, 'out', 'a.csv'), data: 'a' },
      { path: join(dir, 'out', 'b.csv'), data: new TextEncoder().encode('b') },
    ]);
    expect((await outFiles()).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it.each([
    ['cannot be written', (out: string) => join(out, 'a.csv', 'b.csv'), /Nothing was written\./],
    ['cannot be renamed into place', (out: string) => join(out, 'taken'), /Cannot write/],
  ])(
    'keeps earlier outputs when a file %s, and leaves no temporary file',
    async (_case, second, error) => {
      const out = join(dir, 'out');
      await mkdir(join(out, 'taken', 'inside'), { recursive: true });
      await writeFile(join(out, 'a.csv'), 'old');
      await expect(
        writeOutputs([
          { path: join(out, 'c.csv'), data: 'new' },
          { path: second(out), data: 'b' },
        ]),
      ).rejects.toThrow(error);
      expect(await readFile(join(out, 'a.csv'), 'utf8')).toBe('old');
      expect((await outFiles()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    },
  );
});

describe('a field named by several columns', () => {
  it('prints which column was read and which were not', async () => {
    const header = `${HEADER},Cost,Charge`;
    await writeFile(join(dir, 'bills', 'bill.csv'), `${header}\n${GOOD},1.00,2.00\n`);
    const run = await audit();
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'Notice: In "bill.csv", Amount read from “Amount”; “Charge”, “Cost” not used.\n',
    );
    const charges = await readFile(join(dir, 'out', 'charges.csv'), 'utf8');
    expect(charges).toContain('850.00');
  });
});
