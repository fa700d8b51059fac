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

/**
 * What macOS keeps beside files and on volumes: Finder's `.DS_Store`, the `._name` resource-fork
 * copies it writes on other disks and into ZIPs, Spotlight's and the trash's folders. Like
 * Windows' files above, no one's bill: left out without a word.
 */
const MAC_HOUSEKEEPING =
  /^(?:\.ds_store|\._.*|\.spotlight-v100|\.trashes|\.fseventsd|\.temporaryitems|\.documentrevisions-v100|\.apdisk|\.localized|__macosx)$/i;

/** Whether a file or folder name is the system's own (Windows' or macOS's), left out unsaid. */
export function isSystemFileName(name: string): boolean {
  return HOUSEKEEPING_FILE.test(name) || MAC_HOUSEKEEPING.test(name);
}

/**
 * Whether a file or folder name is hidden on macOS and Linux (`.bill.csv`, `.old/`): left out of a
 * bills folder or a ZIP, but named, since a bill may have been saved so. The system's own hidden
 * files (`.DS_Store`) are {@link isSystemFileName}.
 */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') && !isSystemFileName(name);
}
