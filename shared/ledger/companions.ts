/**
 * Files imported later than the rest of their invoice (Verizon's account summary after its line
 * summary, another department's report of an invoice stored from one): both doors read the new
 * files again together with the stored originals (kept byte for byte: the app's database, the
 * CLI's `--workspace` backup), so the parts join exactly as if they had been picked together.
 * Which originals, and what of that read is new, is decided here for both.
 */
import { expandUpload, type UploadedFile } from '../import/archive';
import type { ReadOutcome } from '../import/read-types';
import { focusOnNewFiles, type BillPlan } from './bills';

/** The import batches whose originals must be read again with the new files (see `needsStored`). */
export function companionBatchIds(plan: Pick<BillPlan, 'needsStored'>): Set<string> {
  return new Set(
    plan.needsStored.flatMap(({ stored }) =>
      (stored.parts ?? []).map((part) => part.importBatchId),
    ),
  );
}

/** The names the pipeline sees for stored originals (their ZIP members, or themselves). */
export function memberNamesOf(files: readonly UploadedFile[]): Set<string> {
  return new Set(
    files.flatMap((file) => {
      const expanded = expandUpload(file);
      return expanded.ok ? expanded.value.map((member) => member.name) : [file.name];
    }),
  );
}

/** Outcomes of a read with stored companions, narrowed to what the new files bring. */
export function focusOnNew(
  outcomes: readonly ReadOutcome[],
  companions: readonly UploadedFile[],
): ReadOutcome[] {
  if (companions.length === 0) return [...outcomes];
  const stored = memberNamesOf(companions);
  return outcomes.flatMap((outcome): ReadOutcome[] => {
    if (outcome.kind !== 'draft') return [outcome];
    const draft = focusOnNewFiles(outcome.draft, stored);
    const nothingNew =
      draft.invoices.length === 0 && draft.errors.length === 0 && (draft.copies ?? []).length === 0;
    if (nothingNew && outcome.files.every((file) => stored.has(file.name))) return [];
    return [{ ...outcome, draft, files: outcome.files.filter((file) => !stored.has(file.name)) }];
  });
}

/**
 * The new files to read with stored originals, each under a name none of the originals has: a
 * file named as a stored one (every department's report downloaded as `BillingSummary.csv`) is
 * another file, since its lines differ (see `judgeAgainstStored`), and is read as
 * `BillingSummary.csv (2)`, as the app names two files of one name picked together.
 */
export function besideCompanions(
  files: readonly UploadedFile[],
  companions: readonly UploadedFile[],
): UploadedFile[] {
  if (companions.length === 0) return [...files];
  const stored = new Set([...memberNamesOf(companions), ...companions.map((file) => file.name)]);
  const taken = new Set([...stored, ...files.map((file) => file.name)]);
  return files.map((file) => {
    if (!stored.has(file.name)) return file;
    let n = 2;
    while (taken.has(`${file.name} (${n})`)) n += 1;
    const name = `${file.name} (${n})`;
    taken.add(name);
    return { ...file, name };
  });
}
