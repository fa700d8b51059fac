/** Loading the synthetic carrier fixtures of `test/fixtures/carriers/` (written by us). */
import { readFileSync } from 'node:fs';

/** The bytes of a carrier fixture. */
export function carrierBytes(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(new URL(`../../../fixtures/carriers/${name}`, import.meta.url)),
  );
}

/** A carrier fixture as an uploaded file. */
export function carrierFile(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: carrierBytes(name) };
}

/** A carrier fixture's text with `edit` applied, as an uploaded file (Latin-1 kept as Latin-1). */
export function editedCarrierFile(
  name: string,
  edit: (text: string) => string,
  latin1 = false,
): { name: string; bytes: Uint8Array } {
  const bytes = carrierBytes(name);
  if (!latin1) {
    return { name, bytes: new TextEncoder().encode(edit(new TextDecoder().decode(bytes))) };
  }
  const text = edit(String.fromCharCode(...bytes));
  return { name, bytes: Uint8Array.from(text, (char) => char.charCodeAt(0)) };
}

/**
 * Read options giving a Canadian carrier's bill (Bell Mobility, Rogers, TELUS: Canadian dollars
 * written with a bare "$") the rate 1, the answer of an account billed in US dollars: its amounts
 * are read as written. The tests of what the files say read them so; the conversion has its own
 * (canadian-currency.test.ts).
 */
export const AS_WRITTEN = { defaultInvoiceDetails: { exchangeRates: { CAD: '1' } } } as const;
