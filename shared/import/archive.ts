/**
 * Uploads to the files inside them. Verizon's Raw Data Download arrives as a ZIP of text files;
 * everything else is a single file. A ZIP is recognised by its signature, not its name, because
 * users rename files and mail gateways rename attachments.
 */
import { unzipSync } from 'fflate';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** A file as picked or dropped by the user, or a member of a ZIP. */
export interface UploadedFile {
  /** File name without folders. */
  name: string;
  bytes: Uint8Array;
}

/** Whether the bytes start with a ZIP local-file or empty-archive signature (`PK\x03\x04`, `PK\x05\x06`). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/** The base name of a path inside a ZIP (`Raw Data/AccountSummary.txt` → `AccountSummary.txt`). */
export function baseName(path: string): string {
  const parts = path.split(/[/\\]/);
  return parts[parts.length - 1] ?? path;
}

/** Whether a ZIP entry holds a bill file rather than a folder, macOS metadata or a hidden file. */
function isBillMember(path: string): boolean {
  if (path.endsWith('/') || path.endsWith('\\')) return false;
  const segments = path.split(/[/\\]/);
  if (segments.some((segment) => segment === '__MACOSX' || segment.startsWith('.'))) return false;
  return true;
}

/** How a ZIP member is named in drafts and errors: `verizon-2026-10.zip › AccountSummary.txt`. */
export function memberName(archiveName: string, path: string): string {
  return `${archiveName} › ${baseName(path)}`;
}

/**
 * Expands a ZIP into its files (folders, `__MACOSX/` and dotfiles left out; each member named by
 * the archive and its base name); any other file passes through as itself. A damaged or empty ZIP is an error.
 */
export function expandUpload(file: UploadedFile): Result<UploadedFile[]> {
  if (!isZip(file.bytes)) return ok([file]);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(file.bytes, { filter: (entry) => isBillMember(entry.name) });
  } catch (error) {
    // fflate throws on a damaged archive; for the user that is a file problem, not a crash.
    const reason = error instanceof Error ? ` (${error.message})` : '';
    return fail(
      `"${file.name}" looks like a ZIP archive but cannot be opened${reason}. Download it again from the carrier's portal.`,
    );
  }
  const members = Object.entries(entries)
    .filter(([path]) => isBillMember(path))
    // Named after the archive too: twelve monthly Verizon ZIPs all hold an `AccountSummary.txt`,
    // and each invoice must point back at the upload it came from.
    .map(([path, bytes]) => ({ name: memberName(file.name, path), bytes }));
  if (members.length === 0) return fail(`The ZIP archive "${file.name}" holds no files to import.`);
  return ok(members);
}
