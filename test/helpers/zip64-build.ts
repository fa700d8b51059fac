/**
 * Small ZIP64 archives as streaming writers make them (Info-ZIP reading from a pipe, Python's
 * `force_zip64`, `zip -fz`): one member, its sizes in ZIP64 extra fields of the local header
 * and/or the directory, and optionally the ZIP64 end records.
 */
import { deflateSync, strToU8 } from 'fflate';
import { crc32 } from '../../shared/import/crc32';

const MARKER = 0xffffffff;

/** Which parts of the archive use ZIP64. */
export interface Zip64Style {
  /** The local header's sizes are markers, with a ZIP64 extra field. */
  local: boolean;
  /** The directory record's sizes and offset are markers, with a ZIP64 extra field. */
  directory: boolean;
  /** The end record's count, size and offset are markers, with ZIP64 end records. */
  end: boolean;
}

class Writer {
  private readonly parts: number[] = [];
  get length(): number {
    return this.parts.length;
  }
  u16(value: number): this {
    this.parts.push(value & 0xff, (value >>> 8) & 0xff);
    return this;
  }
  u32(value: number): this {
    return this.u16(value & 0xffff).u16((value >>> 16) & 0xffff);
  }
  u64(value: number): this {
    return this.u32(value % 0x1_0000_0000).u32(Math.floor(value / 0x1_0000_0000));
  }
  bytes(values: Uint8Array): this {
    for (const value of values) this.parts.push(value);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** A one-member ZIP64 archive holding `text` under `name`, deflated. */
export function zip64Archive(name: string, text: string, style: Zip64Style): Uint8Array {
  const content = strToU8(text);
  const packed = deflateSync(content);
  const crc = crc32(content);
  const nameBytes = strToU8(name);
  const out = new Writer();

  const localExtra = new Writer();
  if (style.local) localExtra.u16(1).u16(16).u64(content.length).u64(packed.length);
  const localBytes = localExtra.done();
  out.u32(0x04034b50).u16(45).u16(0).u16(8).u16(0).u16(0x5b21).u32(crc);
  out.u32(style.local ? MARKER : packed.length).u32(style.local ? MARKER : content.length);
  out.u16(nameBytes.length).u16(localBytes.length).bytes(nameBytes).bytes(localBytes);
  out.bytes(packed);

  const directoryAt = out.length;
  const directoryExtra = new Writer();
  if (style.directory) directoryExtra.u16(1).u16(24).u64(content.length).u64(packed.length).u64(0);
  const directoryExtraBytes = directoryExtra.done();
  out.u32(0x02014b50).u16(45).u16(45).u16(0).u16(8).u16(0).u16(0x5b21).u32(crc);
  out.u32(style.directory ? MARKER : packed.length);
  out.u32(style.directory ? MARKER : content.length);
  out.u16(nameBytes.length).u16(directoryExtraBytes.length).u16(0).u16(0).u16(0).u32(0);
  out
    .u32(style.directory ? MARKER : 0)
    .bytes(nameBytes)
    .bytes(directoryExtraBytes);
  const directorySize = out.length - directoryAt;

  if (style.end) {
    const zip64EndAt = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(1).u64(1);
    out.u64(directorySize).u64(directoryAt);
    out.u32(0x07064b50).u32(0).u64(zip64EndAt).u32(1);
  }
  out.u32(0x06054b50).u16(0).u16(0);
  out.u16(style.end ? 0xffff : 1).u16(style.end ? 0xffff : 1);
  out
    .u32(style.end ? MARKER : directorySize)
    .u32(style.end ? MARKER : directoryAt)
    .u16(0);
  return out.done();
}
