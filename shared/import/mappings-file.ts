/**
 * The column mappings file (`.json`): the mappings the user saved in the mapping wizard, exported
 * from Settings and read back by Settings' import or by the command line's `--mappings`. A
 * mapping is kept as the app stores it (see {@link ColumnMapping}); the file says its format and
 * version so a later layout is refused instead of misread.
 *
 * ```json
 * { "format": "temdesk-column-mappings", "version": 1, "exportedAt": "2026-12-02T09:30:00.000Z",
 *   "mappings": [ { "id": "…", "signature": "acct|inv no|…", "carrierName": "Acme Fiber",
 *                   "columns": { "Acct": "accountNumber", … }, "dateOrder": "MDY",
 *                   "decimal": ".", "signConvention": "as-is", "defaultCategory": "other" } ] }
 * ```
 */
import { z } from 'zod';
import { columnMappingSchema } from '../backup/schemas/billing';
import { fail, ok, type Result } from '../result';
import type { ColumnMapping } from './mapping';

/** The `format` field of every column mappings file. */
export const MAPPINGS_FILE_FORMAT = 'temdesk-column-mappings';
/** The version this app writes and the newest it reads. */
export const MAPPINGS_FILE_VERSION = 1;

/** A column mappings file as written. */
export interface MappingsFile {
  format: typeof MAPPINGS_FILE_FORMAT;
  version: number;
  /** When it was exported (ISO 8601, UTC). */
  exportedAt: string;
  mappings: ColumnMapping[];
}

const headSchema = z.object({
  format: z.literal(MAPPINGS_FILE_FORMAT),
  version: z.number().int().positive(),
});

const fileSchema = z.object({
  format: z.literal(MAPPINGS_FILE_FORMAT),
  version: z.number(),
  exportedAt: z.string().optional(),
  mappings: z.array(columnMappingSchema),
});

/** The file's text: the mappings sorted by carrier and signature, so an export is reproducible. */
export function mappingsFileText(mappings: readonly ColumnMapping[], exportedAt: Date): string {
  const sorted = [...mappings].sort(
    (a, b) =>
      a.carrierName.localeCompare(b.carrierName) ||
      (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0),
  );
  const file: MappingsFile = {
    format: MAPPINGS_FILE_FORMAT,
    version: MAPPINGS_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    mappings: sorted,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Where a problem is, in words: `mapping 2 (Acme Fiber), its date order`. */
function placeOf(path: readonly PropertyKey[], mappings: unknown): string {
  if (path[0] !== 'mappings' || typeof path[1] !== 'number') {
    return path.length === 0 ? 'the file' : `its "${path.map(String).join('.')}"`;
  }
  const index = path[1];
  const entry: unknown = Array.isArray(mappings) ? mappings[index] : undefined;
  const carrier =
    typeof entry === 'object' && entry !== null && 'carrierName' in entry
      ? String(entry.carrierName)
      : '';
  const field = path.slice(2).map(String).join('.');
  return `mapping ${index + 1}${carrier === '' ? '' : ` (${carrier})`}${field === '' ? '' : `, field "${field}"`}`;
}

/**
 * Reads a column mappings file; `name` names it in the sentences of a refusal. Refused: text that
 * is not JSON, another kind of file, a version newer than this app's, a mapping that does not
 * check out, and two mappings for the same header.
 */
export function readMappingsFile(text: string, name: string): Result<ColumnMapping[]> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail([{ message: `"${name}" is not a TEM Desk column mappings file: it is not JSON.` }]);
  }
  const head = headSchema.safeParse(json);
  if (!head.success) {
    return fail([
      {
        message: `"${name}" is not a TEM Desk column mappings file (it has no "format": "${MAPPINGS_FILE_FORMAT}" with a version). Export one from Settings → Column mappings.`,
      },
    ]);
  }
  if (head.data.version > MAPPINGS_FILE_VERSION) {
    return fail([
      {
        message: `"${name}" was written by a newer TEM Desk (column mappings version ${head.data.version}; this one reads up to ${MAPPINGS_FILE_VERSION}). Update TEM Desk to read it.`,
      },
    ]);
  }
  const parsed = fileSchema.safeParse(json);
  const mappings: unknown =
    typeof json === 'object' && json !== null && 'mappings' in json ? json.mappings : undefined;
  if (!parsed.success) {
    return fail(
      parsed.error.issues.slice(0, 10).map((issue) => ({
        message: `"${name}": ${placeOf(issue.path, mappings)} ${issue.message}.`,
      })),
    );
  }
  const read = parsed.data.mappings as ColumnMapping[];
  const seen = new Map<string, number>();
  const errors = [];
  for (const [index, mapping] of read.entries()) {
    const first = seen.get(mapping.signature);
    if (first !== undefined) {
      errors.push({
        message: `"${name}": mappings ${first + 1} and ${index + 1} are both for the same columns (${mapping.carrierName}); keep one.`,
      });
    } else seen.set(mapping.signature, index);
  }
  return errors.length > 0 ? fail(errors) : ok(read);
}
