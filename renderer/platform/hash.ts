/** SHA-256 of the bytes as lower-case hex: how a re-imported file is recognised. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // WebCrypto copies the bytes it is given as it is called; a copy here as well cost a 14 MB
  // file's worth of the import worker's time before its read. (Shared memory it cannot take.)
  const data =
    bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
