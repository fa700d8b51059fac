/**
 * `readBills` for tests that read one bill: its single outcome. Test-only: the app and the
 * CLI read every upload with `readBills` and handle each outcome, so this shortcut lives here.
 */
import type { UploadedFile } from '../../shared/import/archive';
import { readBills, type ReadBillOptions, type ReadOutcome } from '../../shared/import/read-bill';

/**
 * The one outcome of `files`. When they hold several bills of different layouts, the answer is
 * `unreadable` with a sentence asking to import them one layout at a time; when one of several
 * outcomes is a question or an error, that outcome.
 */
export function readBill(
  files: readonly UploadedFile[],
  options: ReadBillOptions = {},
): ReadOutcome {
  const outcomes = readBills(files, options);
  const [first] = outcomes;
  if (first === undefined) return unreadable(files[0]?.name ?? '', 'No file to import.');
  if (outcomes.length === 1) return first;
  const question = outcomes.find((outcome) => outcome.kind !== 'draft');
  if (question !== undefined) return question;
  const layouts = outcomes.map((o) => (o.kind === 'draft' ? o.draft.layoutName : '')).join(', ');
  return unreadable(
    files.map((file) => file.name).join(', '),
    `These files hold bills of different layouts (${layouts}); import them one layout at a time.`,
  );
}

function unreadable(fileName: string, message: string): ReadOutcome {
  return { kind: 'unreadable', fileName, message };
}
