/**
 * Unpacks one ZIP member with its size held to what the directory claims: the inflater is fed a
 * small slice at a time and stopped the moment the output outgrows the claim, so a member that
 * lies about its size costs at most one slice more than it claimed. Then length and CRC-32 must
 * match, so a changed or cut byte is caught even where the deflate stream still decodes.
 */
import { Inflate } from 'fflate';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { crc32 } from '../import/crc32';
import { BACKUP_MESSAGES } from './messages';
import { packedBytes, type ZipEntry } from './zip-directory';

/** Packed bytes fed to the inflater at once; deflate's ratio bounds the output of one slice. */
const SLICE_BYTES = 64 * 1024;

/** Inflates `packed` into a buffer of exactly `size` bytes; undefined when it is not that size. */
function inflateExactly(packed: Uint8Array, size: number): Uint8Array | undefined {
  const out = new Uint8Array(size);
  let length = 0;
  let overflow = false;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > size) overflow = true;
    else out.set(chunk, length);
    length += chunk.length;
    finished ||= final;
  });
  for (let offset = 0; offset < packed.length && !overflow; offset += SLICE_BYTES) {
    const end = Math.min(offset + SLICE_BYTES, packed.length);
    inflater.push(packed.subarray(offset, end), end === packed.length);
  }
  return !overflow && finished && length === size ? out : undefined;
}

function unpack(packed: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  if (entry.method === 0) return packed.length === entry.size ? packed.slice() : undefined;
  try {
    return inflateExactly(packed, entry.size);
  } catch {
    // fflate throws on an invalid deflate stream: for the user that is a damaged file.
    return undefined;
  }
}

/** One member's bytes, checked against its stated size and CRC-32. */
export function readZipMember(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array> {
  const packed = packedBytes(bytes, entry);
  const unpacked = packed && unpack(packed, entry);
  if (unpacked === undefined || crc32(unpacked) !== entry.crc) {
    return fail(BACKUP_MESSAGES.damagedMember(entry.name));
  }
  return ok(unpacked);
}
