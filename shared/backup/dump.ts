/**
 * What a backup holds, as data: its own module so the writer (`format.ts`, which also re-exports
 * the reader) and the reader (`read.ts`) both use it without importing each other.
 */

/** Every table of the workspace, records exactly as read from IndexedDB. */
export interface WorkspaceDump {
  /** The database schema version the records are in. */
  schemaVersion: number;
  /**
   * Table name → its records: plain objects whose values may be typed arrays (Uint8Array,
   * Float64Array, Uint32Array…), ArrayBuffers, dates, and nested arrays and objects.
   */
  tables: Record<string, unknown[]>;
}
