import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { isoMonth } from '../../../shared/dates';
import { expandUpload, type UploadedFile } from '../../../shared/import/archive';
import { importLimits } from '../../../shared/import/limits';
import {
  joinShares,
  readBills,
  readBillsPart,
  type ReadBillOptions,
  type ReadOutcome,
} from '../../../shared/import/read-bill';
import type * as tableModule from '../../../shared/import/table';
import { readTable } from '../../../shared/import/table';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { fixtureFile, zipOf } from './fixtures';
import { AS_WRITTEN } from './carriers/carrier-fixtures';

// The whole parse of a table, counted (it still parses): each worker parses only its own files.
vi.mock('../../../shared/import/table', async (importOriginal) => {
  const table = await importOriginal<typeof tableModule>();
  return { ...table, readTable: vi.fn(table.readTable) };
});

/** Reads `files` as two workers sharing the read do, and joins their parts. */
function readShared(files: readonly UploadedFile[], options: ReadBillOptions = {}) {
  const first = readBillsPart(files, options, 0);
  const second = readBillsPart(files, options, 1);
  return {
    joined: joinShares(first.outcomes, first.elsewhere, second.outcomes),
    shared: second.outcomes.length,
  };
}

function fixtureDir(dir: string): UploadedFile[] {
  const url = new URL(`../../fixtures/${dir}/`, import.meta.url);
  return readdirSync(url)
    .filter((name) => !name.endsWith('.md') && name.includes('.'))
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, url))) }));
}

describe('a read shared by two workers', () => {
  it('gives the sample company’s drafts exactly as one worker does, the work split between the two', () => {
    const company = generateSampleCompany({ months: 6, scale: 0.3, endMonth: isoMonth(2026, 10) });
    const files = company.files.map((file) => ({ name: file.name, bytes: file.bytes }));
    const { joined, shared } = readShared(files);
    expect(joined).toEqual(readBills(files));
    // More than one carrier's group: the second worker had some of them to read.
    expect(shared).toBeGreaterThan(0);
    expect(joined.length - shared).toBeGreaterThan(0);
  });

  it('keeps every other outcome (questions, refusals, EDI, unknown layouts) in its place', () => {
    const files = [
      fixtureFile('unknown-layout.csv'),
      ...fixtureDir('carriers').filter((file) => !file.name.endsWith('.xlsx')),
      ...fixtureDir('edi'),
      fixtureFile('verizon-wireless-summary.txt'),
      fixtureFile('tmobile-summary.csv'),
      { name: 'notes.csv', bytes: new TextEncoder().encode('just one line') },
    ];
    const whole = readBills(files);
    expect(whole.map((outcome) => outcome.kind)).toEqual(
      expect.arrayContaining(['draft', 'needs-mapping', 'unreadable']),
    );
    const { joined, shared } = readShared(files);
    expect(joined).toEqual(whole);
    expect(shared).toBeGreaterThan(0);
  });

  it('keeps every outcome of an upload mixing mapped, unknown, refused, EDI and report files', () => {
    const unknown = fixtureFile('unknown-layout.csv');
    const asked = readBills([unknown])[0];
    if (asked?.kind !== 'needs-mapping') throw new Error('expected a question');
    const text = (name: string, body: string) => ({ name, bytes: new TextEncoder().encode(body) });
    const wide = Array.from({ length: 2_100 }, (_, i) => `Column ${i + 1}`).join(',');
    const files = [
      text('empty.csv', ''),
      ...fixtureDir('carriers').filter((file) => !file.name.startsWith('bell-acc')),
      unknown,
      fixtureFile('verizon-drifted.txt'),
      text('sites.csv', 'Site Name,Port Speed,Monthly Fee\nHQ,1G,120.00\nDepot,100M,40.00\n'),
      text('too-wide.csv', `${wide}\n${'1,'.repeat(2_099)}1\n`),
      text('long-line.csv', `Vendor,Amount\nZayo,${'9'.repeat(1_000_100)}\n`),
      ...fixtureDir('hostile').filter(
        (file) => !/\.ts$|^\.|mixed-decimals|overflow|too-large/.test(file.name),
      ),
      ...fixtureDir('edi'),
      fixtureFile('verizon-wireless-summary-errors.txt'),
      fixtureFile('temdesk-preamble-two-headers.csv'),
      fixtureFile('replacement-chars.csv'),
      fixtureFile('tmobile-summary.csv'),
    ];
    const named = (outcome: ReadOutcome) =>
      `${outcome.kind} ${'fileName' in outcome ? outcome.fileName : outcome.files.map((file) => file.name).join('+')}`;
    const expected = [
      'unreadable empty.csv',
      'unreadable too-wide.csv',
      'unreadable long-line.csv',
      'unreadable statement.pdf',
      'unreadable duplicate-amount-column.csv',
      'needs-mapping verizon-drifted.txt',
      'needs-mapping sites.csv',
    ];
    // The Canadian carriers' bills read as written (their rate 1: see AS_WRITTEN).
    for (const [options, mapped] of [
      [{ ...AS_WRITTEN, savedMappings: [asked.guess] }, 'draft unknown-layout.csv'],
      [{ ...AS_WRITTEN, mapping: asked.guess }, 'draft unknown-layout.csv'],
      [AS_WRITTEN, 'needs-mapping unknown-layout.csv'],
    ] as const) {
      const whole = readBills(files, options);
      expect(whole.map(named)).toEqual(expect.arrayContaining([...expected, mapped]));
      // EDI, report texts, and drafts with rows refused for their width or an unclosed quote.
      const drafts = whole.flatMap((outcome) => (outcome.kind === 'draft' ? [outcome.draft] : []));
      expect(drafts.map((draft) => draft.profileId)).toEqual(
        expect.arrayContaining(['edi-x12-811', 'telus-reports', 'temdesk-charges']),
      );
      const temdesk = drafts.find((draft) => draft.profileId === 'temdesk-charges');
      const rowsOf = (name: string) => temdesk?.errors.filter((e) => e.sourceFile === name);
      expect(rowsOf('short-row.csv')?.length).toBeGreaterThan(0);
      expect(rowsOf('unclosed-quote.csv')?.length).toBeGreaterThan(0);
      const { joined, shared } = readShared(files, options);
      expect(joined).toEqual(whole);
      expect(JSON.stringify(joined)).toBe(JSON.stringify(whole));
      expect(shared).toBeGreaterThan(0);
    }
  });

  it('parses in full in each worker only the files it reads, every file once in all', () => {
    const company = generateSampleCompany({ months: 6, scale: 0.2, endMonth: isoMonth(2026, 10) });
    const files = company.files.map((file) => ({ name: file.name, bytes: file.bytes }));
    const parses = vi.mocked(readTable);
    const parsed = (read: () => void): string[] => {
      parses.mockClear();
      read();
      return parses.mock.calls.map(([text]) => text.slice(0, 200));
    };
    const whole = parsed(() => readBills(files));
    let second: ReturnType<typeof readBillsPart> | undefined;
    const inSecond = parsed(() => (second = readBillsPart(files, {}, 1)));
    const inFirst = parsed(() => readBillsPart(files, {}, 0));
    const secondFiles = (second?.outcomes ?? []).flatMap((outcome) =>
      outcome.kind === 'draft' ? outcome.files : [],
    );
    expect(inSecond.length).toBeGreaterThan(0);
    expect(inSecond).toHaveLength(secondFiles.length);
    expect(inFirst.length + inSecond.length).toBe(whole.length);
    expect([...inFirst, ...inSecond].sort()).toEqual([...whole].sort());
  });

  it('is not shared when Rogers usage attaches to the drafts read beside it', () => {
    const files = [...fixtureDir('carriers/rogers'), fixtureFile('tmobile-summary.csv')];
    const { joined, shared } = readShared(files);
    expect(shared).toBe(0);
    expect(joined).toEqual(readBills(files));
  });

  it('names each file’s members as its expansion does: a ZIP’s members, else the file itself', () => {
    const zip = zipOf('verizon.zip', {
      'bill/wireless-summary.txt': 'verizon-wireless-summary.txt',
      'bill/usage.txt': 'verizon-usage-detail.txt',
    });
    const broken = { name: 'broken.zip', bytes: zip.bytes.slice(0, 40) };
    const files = [zip, fixtureFile('tmobile-summary.csv'), broken];
    const expected = files.map((file) => {
      const expanded = expandUpload(file, { limits: importLimits() });
      return expanded.ok ? expanded.value.map((member) => member.name) : [file.name];
    });
    expect(expected[0]).toHaveLength(2);
    expect(readBillsPart(files).memberNames).toEqual(expected);
    expect(readBillsPart(files, {}, 0).memberNames).toEqual(expected);
  });

  it('refuses parts that do not fit together', () => {
    expect(() => joinShares(['a'], [1], [])).toThrow(/do not fit/);
    expect(() => joinShares(['a'], [5], ['b'])).toThrow(/do not fit/);
  });
});
