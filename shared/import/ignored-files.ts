/**
 * Files a layout recognised but did not import, or imported only in part, with why (Bell's call
 * detail read without its ACC or MOB file, a TELUS airtime report without its invoice, a usage
 * file whose usage is already read from its summary). Both doors say them: the app's preview and
 * the command line's summary. A file left out must never be left out without a word.
 */
import type { BillDraft } from './draft';

export interface FileNotImported {
  sourceFile: string;
  /** A sentence, starting in lower case, that follows the file's name and "not imported:". */
  reason: string;
}

/** The drafts' files not (or not wholly) imported, each file and reason once, in order. */
export function filesNotImported(drafts: readonly BillDraft[]): FileNotImported[] {
  const seen = new Set<string>();
  const files: FileNotImported[] = [];
  for (const draft of drafts)
    for (const { sourceFile, reason } of draft.ignoredFiles ?? []) {
      // A reader with nothing to say (an empty reason) has left nothing out.
      if (reason.trim() === '') continue;
      const key = `${sourceFile}\u0000${reason}`;
      if (seen.has(key)) continue;
      seen.add(key);
      files.push({ sourceFile, reason });
    }
  return files;
}
