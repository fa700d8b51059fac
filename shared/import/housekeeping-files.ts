/**
 * Files that are no one's bill, kept beside any file by Windows: Explorer's thumbnail caches
 * (`Thumbs.db`, a compound file like an old Excel workbook) and folder settings (`desktop.ini`).
 * Hidden on Windows by an attribute, they come along when a bills folder is walked or zipped;
 * read as bills, each was refused as a file that cannot be read. Left out by name, in a folder
 * (the CLI) and in a ZIP (the app and the CLI) alike.
 */
const HOUSEKEEPING_FILE = /^(?:thumbs\.db|ehthumbs(?:_vista)?\.db|desktop\.ini)$/i;

/** Whether a file's base name is Windows' housekeeping, never a bill. */
export function isHousekeepingFileName(name: string): boolean {
  return HOUSEKEEPING_FILE.test(name);
}
