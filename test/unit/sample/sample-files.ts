/**
 * Reading the sample company's files back in tests: text of each file (ZIP members included) and
 * rows as records keyed by header. Deliberately independent of the app's importer.
 */
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { centsFromText } from '../../../shared/money/cents';
import {
  generateSampleCompany,
  type SampleCompany,
  type SampleFile,
} from '../../fixtures/generate/sample-company';

let defaultCompany: SampleCompany | undefined;

/** The default sample company, generated once per test file. */
export function defaultSample(): SampleCompany {
  defaultCompany ??= generateSampleCompany();
  return defaultCompany;
}

/** A file's text; ZIP members by name. */
export function fileText(file: SampleFile): string {
  return strFromU8(file.bytes);
}

export function zipMembers(file: SampleFile): Record<string, string> {
  const members = unzipSync(file.bytes);
  return Object.fromEntries(
    Object.entries(members).map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

export type Row = Record<string, string>;

/** Rows of a tab-delimited text (Verizon) as records. */
export function tsvRows(text: string): Row[] {
  const [header = '', ...lines] = text.split('\r\n').filter((line) => line !== '');
  const names = header.split('\t');
  return lines.map((line) =>
    Object.fromEntries(line.split('\t').map((value, i) => [names[i] ?? `#${i}`, value])),
  );
}

/** Rows of a CSV text as records. */
export function csvRows(text: string): Row[] {
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  return parsed.data;
}

/** Cents of an amount as the carrier wrote it; throws when unreadable. */
export function money(text: string | undefined): number {
  const read = centsFromText(text ?? '');
  if (!read.ok || read.value === null) throw new Error(`Not an amount: ${text}`);
  return read.value;
}

/** The files of one carrier. */
export function filesOf(company: SampleCompany, carrier: string): SampleFile[] {
  return company.files.filter((file) => file.carrier === carrier);
}

/** All rows of a carrier's files for `month` (Verizon: the Account & Wireless Summary). */
export function rowsOf(company: SampleCompany, carrier: string, month: string): Row[] {
  return filesOf(company, carrier)
    .filter((file) => file.month === month && !file.name.includes('resent'))
    .flatMap((file) => {
      if (file.name.endsWith('.zip'))
        return tsvRows(zipMembers(file)['Account & Wireless Summary.txt'] ?? '');
      return csvRows(fileText(file));
    });
}

/** The value, or a test failure when it is missing. */
export function only<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('Expected a value, found none.');
  return value;
}
