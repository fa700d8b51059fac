/**
 * How big a backup may be before it is opened. A `.temdesk` file is a ZIP: its directory states
 * every member's size before a byte is unpacked, so a file claiming more than these is refused up
 * front, and each member is unpacked one at a time and stopped as soon as it outgrows its claim.
 * Memory use is therefore bounded by `maxTotalBytes`, whatever the file says.
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
}

const MB = 1024 * 1024;

/**
 * Defaults: a large workspace (1,000,000 charge lines with their original bill files) unpacks to
 * a few hundred MB and a few thousand members, so these leave room while keeping a crafted file
 * from taking gigabytes.
 */
export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxEntries: 200_000,
  maxMemberBytes: 512 * MB,
  maxTotalBytes: 1024 * MB,
  maxManifestBytes: 1 * MB,
};

/**
 * Deflate cannot shrink data more than about 1,032 to 1; a member claiming more was not made by a
 * compressor and is refused before it is unpacked.
 */
export const MAX_DEFLATE_RATIO = 1_100;
