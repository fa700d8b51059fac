import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isoMonth } from '../../../shared/dates';
import { expandUpload, type UploadedFile } from '../../../shared/import/archive';
import { importLimits } from '../../../shared/import/limits';
import { joinShares, readBills, readBillsPart } from '../../../shared/import/read-bill';
import { generateSampleCompany } from '../../fixtures/generate/sample-company';
import { fixtureFile, zipOf } from './fixtures';

/** Reads `files` as two workers sharing the read do, and joins their parts. */
function readShared(files: readonly UploadedFile[]) {
  const first = readBillsPart(files, {}, 0);
  const second = readBillsPart(files, {}, 1);
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
