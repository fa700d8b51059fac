/** Where things live inside a `.temdesk` ZIP. */

/** File name extension of a backup, without the dot. */
export const BACKUP_EXTENSION = 'temdesk';

/** The manifest's path inside the ZIP. */
export const MANIFEST_PATH = 'manifest.json';

/** Table names become file names, so they are kept to letters, digits, `_` and `-`. */
const TABLE_NAME = /^[A-Za-z0-9_-]{1,100}$/;

/** Whether a string can name a table in a backup. */
export function isTableName(name: string): boolean {
  return TABLE_NAME.test(name);
}

/** The path of a table's file inside the ZIP. */
export function tablePath(name: string): string {
  return `tables/${name}.json`;
}

/** The path of binary entry `index` inside the ZIP. */
export function binaryPath(index: number): string {
  return `binary/${index}.bin`;
}
