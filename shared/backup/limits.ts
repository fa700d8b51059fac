/**
 * How big a backup may be before it is opened. A `.temdesk` file is a ZIP: its directory states
 * every member's size before a byte is unpacked, so a file claiming more than these is refused up
 * front, and each member is unpacked one at a time and stopped as soon as it outgrows its claim.
 * Bytes alone do not bound memory: parsed, 3 bytes of `{},` are an object of 50 bytes or more. So
 * each record's text is counted before it is parsed (`record-scan.ts`) and the values and the
 * objects and lists of all records together are bounded too; memory use is then bounded by these
 * limits, whatever the file says.
 */
export interface BackupLimits {
  /** Members (files) in the ZIP: the manifest, one per table, one per stored binary. */
  maxEntries: number;
  /** Unpacked size of one member, in bytes. */
  maxMemberBytes: number;
  /** Unpacked size of all members together, in bytes. */
  maxTotalBytes: number;
  /** Unpacked size of `manifest.json`, in bytes (it lists tables and checksums only). */
  maxManifestBytes: number;
  /** Field values and list entries in all records together, objects and lists included. */
  maxValues: number;
  /** Objects and lists in all records together (each costs far more memory than a number). */
  maxStructures: number;
}

const MB = 1024 * 1024;

/**
 * Defaults: a large workspace (1,000,000 charge lines with their original bill files) unpacks to
 * a few hundred MB and a few thousand members, and holds about 10,000,000 values (its charge lines
 * are packed in blocks: 7 text columns of one entry a line, the number columns stored as binary
 * files) and well under 1,000,000 objects and lists (a usage record or a finding is one or two), so
 * these leave room while keeping a crafted file from taking gigabytes.
 */
export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxEntries: 200_000,
  maxMemberBytes: 512 * MB,
  maxTotalBytes: 1024 * MB,
  maxManifestBytes: 1 * MB,
  maxValues: 50_000_000,
  maxStructures: 5_000_000,
};

/**
 * Deflate cannot shrink data more than about 1,032 to 1; a member claiming more was not made by a
 * compressor and is refused before it is unpacked.
 */
export const MAX_DEFLATE_RATIO = 1_100;
