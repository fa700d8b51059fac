/** Byte-level edits of a ZIP's headers, to craft backups that lie about their members. */

/** A member's central-directory record and local header, by offset. */
export interface MemberHeaders {
  name: string;
  directoryAt: number;
  localAt: number;
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Every member's header offsets, walking the central directory. */
export function memberHeaders(zip: Uint8Array): MemberHeaders[] {
  const view = viewOf(zip);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const members: MemberHeaders[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    members.push({ name, directoryAt: at, localAt: view.getUint32(at + 42, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return members;
}

function headersOf(zip: Uint8Array, name: string): MemberHeaders {
  const member = memberHeaders(zip).find((m) => m.name === name);
  if (!member) throw new Error(`fixture: no member ${name}`);
  return member;
}

/** A copy of the ZIP whose directory states `size` as the unpacked size of `name`. */
export function withClaimedSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const { directoryAt, localAt } = headersOf(copy, name);
  viewOf(copy).setUint32(directoryAt + 24, size, true);
  viewOf(copy).setUint32(localAt + 22, size, true);
  return copy;
}

/** A copy of the ZIP whose directory states another CRC-32 for `name` (its data untouched). */
export function withWrongCrc(zip: Uint8Array, name: string): Uint8Array {
  const copy = zip.slice();
  const { directoryAt, localAt } = headersOf(copy, name);
  const view = viewOf(copy);
  const wrong = (view.getUint32(directoryAt + 16, true) ^ 0x0000_0100) >>> 0;
  view.setUint32(directoryAt + 16, wrong, true);
  view.setUint32(localAt + 14, wrong, true);
  return copy;
}

/** A copy of the ZIP with member `from` renamed to `to` (same length) in both its headers. */
export function withRenamedMember(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('fixture: names must have the same length');
  const copy = zip.slice();
  const { directoryAt, localAt } = headersOf(copy, from);
  const name = new TextEncoder().encode(to);
  copy.set(name, directoryAt + 46);
  copy.set(name, localAt + 30);
  return copy;
}
