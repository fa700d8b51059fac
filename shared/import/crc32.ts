/** CRC-32 (IEEE 802.3, as ZIP uses it), to check that an unzipped member is the file that was zipped. */

/**
 * Four lookup tables for "slicing by 4": four bytes per step instead of one, which matters for
 * the tens of megabytes of a large workbook's sheet. `TABLES[0]` is the classic byte table.
 */
const TABLES: Int32Array = (() => {
  const tables = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c;
  }
  for (let n = 0; n < 256; n += 1) {
    let c = tables[n] ?? 0;
    for (let t = 1; t < 4; t += 1) {
      c = (tables[c & 0xff] ?? 0) ^ (c >>> 8);
      tables[t * 256 + n] = c;
    }
  }
  return tables;
})();

/** Continues a CRC-32 over more bytes; start with 0. Returns an unsigned 32-bit value. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = TABLES;
  let crc = ~previous;
  const length = bytes.length;
  const whole = length - (length % 4);
  let i = 0;
  for (; i < whole; i += 4) {
    crc ^=
      (bytes[i] ?? 0) |
      ((bytes[i + 1] ?? 0) << 8) |
      ((bytes[i + 2] ?? 0) << 16) |
      ((bytes[i + 3] ?? 0) << 24);
    crc =
      (t[768 + (crc & 0xff)] ?? 0) ^
      (t[512 + ((crc >>> 8) & 0xff)] ?? 0) ^
      (t[256 + ((crc >>> 16) & 0xff)] ?? 0) ^
      (t[crc >>> 24] ?? 0);
  }
  for (; i < length; i += 1) crc = (t[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return ~crc >>> 0;
}
