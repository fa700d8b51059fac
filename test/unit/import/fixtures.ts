/** Loading the quirk fixtures of `test/fixtures/files/` and reading them like the worker does. */
import { readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import type { BillDraft } from '../../../shared/import/draft';
import type { ReadBillOptions, ReadOutcome } from '../../../shared/import/read-bill';
import { readBill } from '../../helpers/read-bill';

/** The bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/files/${name}`, import.meta.url)));
}

/** A fixture as an uploaded file. */
export function fixtureFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: fixtureBytes(name) };
}

/** A ZIP built from fixture files, as Verizon's portal ships them (members in a folder). */
export function zipOf(
  name: string,
  members: Record<string, string>,
): { name: string; bytes: Uint8Array } {
  const entries: Record<string, Uint8Array> = {};
  for (const [path, fixture] of Object.entries(members)) entries[path] = fixtureBytes(fixture);
  return { name, bytes: zipSync(entries) };
}

/** Reads files and expects a draft, failing the test with the outcome otherwise. */
export function readDraft(
  files: { name: string; bytes: Uint8Array }[],
  options: ReadBillOptions = {},
): BillDraft {
  const outcome: ReadOutcome = readBill(files, options);
  if (outcome.kind !== 'draft') throw new Error(`expected a draft, got ${JSON.stringify(outcome)}`);
  return outcome.draft;
}

/** Sum of cents of a list of lines. */
export function totalOf(lines: readonly { amount: number }[]): number {
  return lines.reduce((sum, line) => sum + line.amount, 0);
}
