/**
 * An XLSX file is a ZIP of XML parts. This opens one with the import's own ZIP reader (table of
 * contents first, every member checked against the size, ratio and name limits before a byte is
 * inflated, each inflated in bounded steps and checked by CRC-32), and hands out its parts as text.
 */
import type { ImportLimits, LimitAdvice } from '../limits';
import { formatBytes, formatCount, LIMIT_NAMES, RATIO_CHECK_FROM_BYTES } from '../limits';
import type { ZipEntry } from '../zip-reader';
import { isZip, readZipDirectory, readZipMember } from '../zip-reader';

/** The parts of a workbook package, read on demand. */
export interface XlsxPackage {
  /** Whether the package holds a part at this path (no leading slash). */
  has(path: string): boolean;
  /** Every part's path, in the order of the table of contents. */
  paths(): string[];
  /** The part's text (UTF-8), or a sentence saying why it cannot be read. */
  text(path: string): { ok: true; text: string } | { ok: false; problem: string };
}

/** Members that make a ZIP an Excel workbook rather than an archive of bill files. */
const CONTENT_TYPES = '[Content_Types].xml';
const DEFAULT_WORKBOOK = 'xl/workbook.xml';

function normalPath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\/+/, '');
}

/**
 * Whether the bytes are an XLSX workbook: a ZIP whose table of contents lists
 * `[Content_Types].xml` and `xl/workbook.xml`. Only the table of contents is read.
 */
export function isXlsx(bytes: Uint8Array): boolean {
  if (!isZip(bytes)) return false;
  const directory = readZipDirectory(bytes, Number.MAX_SAFE_INTEGER);
  if (!directory.ok) return false;
  let contentTypes = false;
  let workbook = false;
  for (const entry of directory.entries) {
    const path = normalPath(entry.path);
    if (path === CONTENT_TYPES) contentTypes = true;
    else if (path === DEFAULT_WORKBOOK) workbook = true;
  }
  return contentTypes && workbook;
}

/**
 * Why a ZIP whose table of contents lists `[Content_Types].xml` is not an archive of bill files: an
 * Office document (Office Open XML). An Excel workbook missing its workbook part is damaged; a Word
 * or PowerPoint file is not a bill export. Null for a ZIP that is not such a package, or a
 * workbook whole enough to be read (see {@link isXlsx}).
 */
export function officePackageProblem(
  fileName: string,
  entries: readonly Pick<ZipEntry, 'path'>[],
): string | null {
  const paths = entries.map((entry) => normalPath(entry.path));
  if (!paths.includes(CONTENT_TYPES) || paths.includes(DEFAULT_WORKBOOK)) return null;
  const under = (folder: string) => paths.some((path) => path.startsWith(folder));
  if (under('xl/'))
    return `"${fileName}" is an Excel workbook with a part missing (${DEFAULT_WORKBOOK}, its list of sheets), so it is damaged and cannot be read. Open it in Excel or LibreOffice and save it again, or download it again from the carrier's portal.`;
  if (under('word/') || under('ppt/'))
    return `"${fileName}" is a ${under('word/') ? 'Word' : 'PowerPoint'} document, not a bill export: import the carrier's data export (CSV, TSV, text or Excel, or a ZIP of them).`;
  return null;
}

/**
 * Opens the package: its table of contents read and every member's declared size and ratio
 * checked against `limits` (each part, and all of them together); a sentence when it cannot be.
 */
export function openXlsxPackage(
  fileName: string,
  bytes: Uint8Array,
  limits: ImportLimits,
  advice: LimitAdvice,
): { ok: true; value: XlsxPackage } | { ok: false; problem: string } {
  const directory = readZipDirectory(bytes, limits.maxArchiveMembers);
  if (!directory.ok) {
    const why =
      directory.tooMany !== undefined
        ? `it holds ${formatCount(directory.tooMany)} parts, over the limit of ${formatCount(limits.maxArchiveMembers)}`
        : directory.problem;
    return {
      ok: false,
      problem: `"${fileName}" looks like an Excel workbook but cannot be opened: ${why}. Save it again from Excel, or export the sheet as CSV.`,
    };
  }
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  for (const entry of directory.entries) {
    const path = normalPath(entry.path);
    if (entries.has(path)) {
      return {
        ok: false,
        problem: `"${fileName}" holds two parts named "${path}"; one would hide the other. Save it again from Excel.`,
      };
    }
    entries.set(path, entry);
    if (entry.uncompressedSize > limits.maxFileBytes) {
      return {
        ok: false,
        problem: `The part "${path}" of "${fileName}" unzips to ${formatBytes(entry.uncompressedSize)}, over the ${formatBytes(limits.maxFileBytes)} limit for one file (${LIMIT_NAMES.maxFileBytes.label}). ${advice('maxFileBytes')}`,
      };
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= RATIO_CHECK_FROM_BYTES && ratio > limits.maxCompressionRatio) {
      return {
        ok: false,
        problem: `The part "${path}" of "${fileName}" is compressed ${formatCount(Math.round(ratio))} times, over the limit of ${formatCount(limits.maxCompressionRatio)} (${LIMIT_NAMES.maxCompressionRatio.label}): this looks like a "ZIP bomb", not a spreadsheet. ${advice('maxCompressionRatio')}`,
      };
    }
    total += entry.uncompressedSize;
    if (total > limits.maxArchiveBytes) {
      return {
        ok: false,
        problem: `"${fileName}" unzips to more than ${formatBytes(limits.maxArchiveBytes)} (${LIMIT_NAMES.maxArchiveBytes.label}). ${advice('maxArchiveBytes')}`,
      };
    }
  }
  const decoder = new TextDecoder('utf-8');
  return {
    ok: true,
    value: {
      has: (path) => entries.has(normalPath(path)),
      paths: () => [...entries.keys()],
      text(path) {
        const entry = entries.get(normalPath(path));
        if (entry === undefined) return { ok: false, problem: `it has no part "${path}"` };
        const content = readZipMember(bytes, entry);
        if (typeof content === 'string') {
          return { ok: false, problem: `its part "${path}" is damaged: ${content}` };
        }
        return { ok: true, text: decoder.decode(content) };
      },
    },
  };
}
