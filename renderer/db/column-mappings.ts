/**
 * Saved column mappings in and out of a file (`shared/import/mappings-file.ts`): the file the
 * command line's `--mappings` reads, and a way to carry mappings to another workspace.
 */
import { mappingsFileText, readMappingsFile } from '../../shared/import/mappings-file';
import { fail, ok, type Result } from '../../shared/result';
import type { TemDeskDatabase } from './database';

/** The saved mappings as a column mappings file's text, and how many it holds. */
export async function exportColumnMappings(
  db: TemDeskDatabase,
  now: Date,
): Promise<{ text: string; count: number }> {
  const mappings = await db.columnMappings.toArray();
  return { text: mappingsFileText(mappings, now), count: mappings.length };
}

/**
 * Saves the mappings of a column mappings file, in one transaction: a mapping for columns already
 * mapped replaces the saved one; the others are added. A file that does not check out changes
 * nothing. Returns how many were added and replaced.
 */
export async function importColumnMappings(
  db: TemDeskDatabase,
  text: string,
  fileName: string,
): Promise<Result<{ added: number; replaced: number }>> {
  const read = readMappingsFile(text, fileName);
  if (!read.ok) return fail(read.errors);
  return db.transaction('rw', db.columnMappings, async () => {
    let replaced = 0;
    for (const mapping of read.value) {
      const same = await db.columnMappings.where('signature').equals(mapping.signature).toArray();
      replaced += same.length > 0 ? 1 : 0;
      await db.columnMappings.bulkDelete(same.map((saved) => saved.id));
      await db.columnMappings.put(mapping);
    }
    return ok({ added: read.value.length - replaced, replaced });
  });
}
