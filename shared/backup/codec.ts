/**
 * Turns records read from IndexedDB into JSON-safe values and back, exactly.
 *
 * JSON alone would lose what structured clone keeps: typed arrays and bytes (written instead to
 * separate binary entries and referenced by `{"$bin": n, "type": "Float64Array"}`), NaN, ±Infinity
 * and −0 (`{"$number": "NaN"}`), `undefined` (`{"$undefined": true}`) and dates (`{"$date": ms}`).
 *
 * Object keys starting with `$` are reserved for these tags. A record's own key that starts with `$`
 * (a CSV header named `$bin` in a column mapping, say) is written with one more `$` in front and
 * loses it on reading, so every object survives whatever keys it has.
 */

/** The binary types a backup can hold, by the name written in its `$bin` tag. */
export const BINARY_TYPES = {
  ArrayBuffer: null,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;

/** The name of a binary type, e.g. `Float64Array`. */
export type BinaryTypeName = keyof typeof BINARY_TYPES;

/** A value the codec stores as a binary entry. */
export type BinaryValue =
  ArrayBuffer | Exclude<(typeof BINARY_TYPES)[BinaryTypeName], null>['prototype'];

/** Whether typed arrays here store numbers little-endian (the order binary entries are written in). */
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function isBinaryTypeName(name: unknown): name is BinaryTypeName {
  return typeof name === 'string' && Object.hasOwn(BINARY_TYPES, name);
}

/** Reverses the byte order of every `size`-byte element, in place (for big-endian hosts). */
function swapBytes(bytes: Uint8Array, size: number): void {
  if (size === 1) return;
  for (let start = 0; start + size <= bytes.length; start += size) {
    bytes.subarray(start, start + size).reverse();
  }
}

/** A binary value's bytes, little-endian, in a fresh array the caller may keep. */
function bytesOf(value: BinaryValue): { type: BinaryTypeName; bytes: Uint8Array } {
  if (value instanceof ArrayBuffer)
    return { type: 'ArrayBuffer', bytes: new Uint8Array(value.slice(0)) };
  // The tag, not the constructor's name: a Node Buffer is a Uint8Array and is stored as one.
  const name = Object.prototype.toString.call(value).slice(8, -1);
  if (!isBinaryTypeName(name)) throw new Error(`Cannot back up a ${name}.`);
  const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice();
  if (!HOST_IS_LITTLE_ENDIAN) swapBytes(bytes, value.BYTES_PER_ELEMENT);
  return { type: name, bytes };
}

/** Rebuilds a binary value from its stored bytes; undefined when the length does not fit the type. */
export function binaryFromBytes(type: BinaryTypeName, stored: Uint8Array): BinaryValue | undefined {
  const bytes = stored.slice();
  const constructor = BINARY_TYPES[type];
  if (constructor === null) return bytes.buffer;
  if (bytes.length % constructor.BYTES_PER_ELEMENT !== 0) return undefined;
  if (!HOST_IS_LITTLE_ENDIAN) swapBytes(bytes, constructor.BYTES_PER_ELEMENT);
  return new constructor(bytes.buffer, 0, bytes.length / constructor.BYTES_PER_ELEMENT);
}

function isBinaryValue(value: object): value is BinaryValue {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

/** A JSON-safe value, as written into a table file. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Collects binary entries while records are encoded; entry `n` is `binaries[n]`. */
export interface BinarySink {
  binaries: Uint8Array[];
}

function encodeNumber(value: number): JsonValue {
  if (Number.isNaN(value)) return { $number: 'NaN' };
  if (value === Infinity) return { $number: 'Infinity' };
  if (value === -Infinity) return { $number: '-Infinity' };
  if (Object.is(value, -0)) return { $number: '-0' };
  return value;
}

/** Sets an own property, even one named `__proto__` (plain assignment would change the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/**
 * Encodes one value for a table file, appending its binaries to `sink`. Throws (a programmer error:
 * IndexedDB records of this app never hold them) on functions, symbols, bigints outside typed
 * arrays, Maps, Sets, class instances and cycles.
 */
export function encodeValue(value: unknown, sink: BinarySink, ancestors: object[] = []): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return encodeNumber(value);
    case 'undefined':
      return { $undefined: true };
    case 'object':
      break;
    default:
      throw new Error(`Cannot back up a value of type ${typeof value}.`);
  }
  if (value === null) return null;
  if (isBinaryValue(value)) {
    const { type, bytes } = bytesOf(value);
    sink.binaries.push(bytes);
    return { $bin: sink.binaries.length - 1, type };
  }
  if (value instanceof Date) return { $date: encodeNumber(value.getTime()) };
  if (ancestors.includes(value)) throw new Error('Cannot back up a record that contains itself.');
  ancestors.push(value);
  let encoded: JsonValue;
  if (Array.isArray(value)) {
    encoded = value.map((item: unknown) => encodeValue(item, sink, ancestors));
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new Error(`Cannot back up an object of class ${value.constructor.name}.`);
    }
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      setOwn(out, key.startsWith('$') ? `$${key}` : key, encodeValue(item, sink, ancestors));
    }
    encoded = out;
  }
  ancestors.pop();
  return encoded;
}

/** Why a stored value could not be decoded, as a short phrase for a sentence. */
export class DecodeProblem {
  constructor(readonly reason: string) {}
}

/** Looks up binary entry `n` and rebuilds it; the reader supplies it so missing entries are reported. */
export type BinarySource = (index: number, type: BinaryTypeName) => BinaryValue | DecodeProblem;

const NUMBER_TAGS: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

function decodeTag(
  tag: string,
  entries: readonly [string, unknown][],
  source: BinarySource,
  depth: number,
): unknown {
  const payload = entries.find(([key]) => key === tag)?.[1];
  if (tag === '$bin' && entries.length === 2) {
    const type = entries.find(([key]) => key === 'type')?.[1];
    if (Number.isSafeInteger(payload) && typeof payload === 'number' && payload >= 0) {
      if (isBinaryTypeName(type)) return source(payload, type);
    }
  }
  if (entries.length === 1) {
    if (tag === '$undefined' && payload === true) return undefined;
    if (tag === '$number' && typeof payload === 'string' && Object.hasOwn(NUMBER_TAGS, payload)) {
      return NUMBER_TAGS[payload];
    }
    if (tag === '$date') {
      const time = decodeValue(payload, source, depth + 1);
      if (typeof time === 'number') return new Date(time);
    }
  }
  return new DecodeProblem(`a malformed ${tag} entry`);
}

/**
 * How deeply {@link decodeValue} follows nested objects and lists: far beyond any record TEM Desk
 * writes, far short of overflowing the stack (the reader refuses deeper records before parsing).
 */
export const MAX_DECODE_DEPTH = 64;

/**
 * Decodes a value parsed from a table file, the inverse of {@link encodeValue}. Returns a
 * {@link DecodeProblem} instead of throwing when the file holds something the writer never writes,
 * or nests objects and lists deeper than {@link MAX_DECODE_DEPTH} (`depth` is the value's own).
 */
export function decodeValue(value: unknown, source: BinarySource, depth = 1): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DECODE_DEPTH) {
    return new DecodeProblem(`fields nested more than ${MAX_DECODE_DEPTH} levels deep`);
  }
  if (Array.isArray(value)) {
    // Pushed, not set into `new Array(n)`: an array with holes is stored key by key by
    // IndexedDB's structured clone (a restored block's columns read back slower ever after).
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const decoded =
        typeof item === 'object' && item !== null ? decodeValue(item, source, depth + 1) : item;
      if (decoded instanceof DecodeProblem) return decoded;
      out.push(decoded);
    }
    return out;
  }
  const entries: [string, unknown][] = Object.entries(value);
  const tag = entries.find(([key]) => key.startsWith('$') && !key.startsWith('$$'))?.[0];
  if (tag !== undefined) return decodeTag(tag, entries, source, depth);
  const out: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    const decoded = decodeValue(item, source, depth + 1);
    if (decoded instanceof DecodeProblem) return decoded;
    setOwn(out, key.startsWith('$') ? key.slice(1) : key, decoded);
  }
  return out;
}
