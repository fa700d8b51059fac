/**
 * The ZIP half of reading a backup: which members it must hold (from the manifest, checked against
 * the ZIP's directory before anything is unpacked), and unpacking them one at a time, each checked
 * against its size, CRC-32 and the manifest's SHA-256.
 */
import { strFromU8 } from 'fflate';
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { BackupLimits } from './limits';
import { binariesChecksum, type BackupManifest } from './manifest';
import { BACKUP_MESSAGES } from './messages';
import { binaryPath, MANIFEST_PATH, tablePath } from './paths';
import { sha256Hex } from './sha256';
import type { ZipEntry } from './zip-directory';
import { readZipMember } from './zip-member';

/** The shortest line a record can take in a table file: `{}` and a separator or line break. */
const SHORTEST_RECORD_BYTES = 3;

/** `binary/<n>.bin` → n, only for the canonical spelling the writer uses (no `01`, no `+1`). */
function binaryIndex(path: string): number | undefined {
  const match = /^binary\/(0|[1-9][0-9]{0,8})\.bin$/.exec(path);
  return match ? Number(match[1]) : undefined;
}

/** The manifest's text, unpacked under its own small limit. */
export function readManifestText(
  bytes: Uint8Array,
  directory: ReadonlyMap<string, ZipEntry>,
  limits: BackupLimits,
): Result<string> {
  const entry = directory.get(MANIFEST_PATH);
  if (entry === undefined) return fail(BACKUP_MESSAGES.manifestMissing);
  if (entry.size > limits.maxManifestBytes) return fail(BACKUP_MESSAGES.manifestUnreadable);
  const member = readZipMember(bytes, entry);
  return member.ok ? ok(strFromU8(member.value)) : member;
}

function checkTableClaims(
  directory: ReadonlyMap<string, ZipEntry>,
  manifest: BackupManifest,
): Result<true> {
  for (const [name, claim] of Object.entries(manifest.tables)) {
    const entry = directory.get(tablePath(name));
    if (entry === undefined) return fail(BACKUP_MESSAGES.missingTable(name));
    if (entry.size !== claim.bytes) return fail(BACKUP_MESSAGES.checksum(`the "${name}" table`));
    if (claim.count * SHORTEST_RECORD_BYTES > claim.bytes) {
      return fail(BACKUP_MESSAGES.implausibleCount(name, claim.count));
    }
  }
  return ok(true);
}

/**
 * Every member must be one the manifest accounts for, and every one it lists must be there with
 * the size it states: all decided from the directory, so a manifest claiming 30,000,000 stored
 * files is refused at once instead of being counted out.
 */
export function checkMembers(
  directory: ReadonlyMap<string, ZipEntry>,
  manifest: BackupManifest,
): Result<true> {
  let binaries = 0;
  let binaryBytes = 0;
  for (const [path, entry] of directory) {
    if (path === MANIFEST_PATH) continue;
    const index = binaryIndex(path);
    if (index !== undefined && index < manifest.binaries.count) {
      binaries++;
      binaryBytes += entry.size;
      continue;
    }
    const table = /^tables\/(.+)\.json$/.exec(path)?.[1];
    if (table !== undefined && Object.hasOwn(manifest.tables, table)) continue;
    return fail(
      table === undefined
        ? BACKUP_MESSAGES.unexpectedFile(path)
        : BACKUP_MESSAGES.unlistedTable(table),
    );
  }
  if (binaries !== manifest.binaries.count) {
    return fail(BACKUP_MESSAGES.binaryCountMismatch(manifest.binaries.count, binaries));
  }
  if (binaryBytes !== manifest.binaries.bytes) {
    return fail(BACKUP_MESSAGES.checksum('the stored files and number columns'));
  }
  return checkTableClaims(directory, manifest);
}

/** One table's file, unpacked and matched against the manifest's SHA-256. */
export function readTableFile(
  bytes: Uint8Array,
  directory: ReadonlyMap<string, ZipEntry>,
  name: string,
  sha256: string,
): Result<Uint8Array> {
  const entry = directory.get(tablePath(name));
  if (entry === undefined) return fail(BACKUP_MESSAGES.missingTable(name));
  const member = readZipMember(bytes, entry);
  if (!member.ok) return member;
  if (sha256Hex(member.value) !== sha256)
    return fail(BACKUP_MESSAGES.checksum(`the "${name}" table`));
  return member;
}

/** Every stored binary in order, unpacked one at a time and matched against the manifest. */
export function readBinaries(
  bytes: Uint8Array,
  directory: ReadonlyMap<string, ZipEntry>,
  manifest: BackupManifest,
): Result<Uint8Array[]> {
  const binaries: Uint8Array[] = [];
  for (let i = 0; i < manifest.binaries.count; i++) {
    const entry = directory.get(binaryPath(i));
    if (entry === undefined) return fail(BACKUP_MESSAGES.checksum('a stored file is missing'));
    const member = readZipMember(bytes, entry);
    if (!member.ok) return member;
    binaries.push(member.value);
  }
  if (binariesChecksum(binaries) !== manifest.binaries.sha256) {
    return fail(BACKUP_MESSAGES.checksum('the stored files and number columns'));
  }
  return ok(binaries);
}
