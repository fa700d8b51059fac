/**
 * The match keys of the service identifiers a draft's rows name, each made once: the same service
 * appears on many rows, and parsing an identifier into its key is not free.
 */
import { serviceMatchKey } from '../ids/identifiers';

/** Ten-digit identifiers keyed through the map before its hit rate decides (see `tenDigitKey`). */
const TEN_DIGIT_TRIAL = 4096;

/** Whether `text` is exactly ten ASCII digits (`/^\d{10}$/` without a regular expression). */
function isTenDigits(text: string): boolean {
  if (text.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/** Service keys by raw text, for one draft. */
export class ServiceKeys {
  /** Keys by raw text: one key string per service, kept for its next rows. */
  private readonly byRaw = new Map<string, string | null>();
  /** The last service identifier keyed, and its key. */
  private lastRaw = '';
  private lastKey: string | null = null;
  /** Ten-digit identifiers looked up in `byRaw`, and those found there. */
  private tenDigitLookups = 0;
  private tenDigitHits = 0;

  /** The match key of a service identifier ('' → null). */
  of(serviceIdRaw: string): string | null {
    if (serviceIdRaw === '') return null;
    // Consecutive lines of one service share its key (one string kept, not one per line).
    if (serviceIdRaw === this.lastRaw) return this.lastKey;
    const key = this.keyOf(serviceIdRaw);
    this.lastRaw = serviceIdRaw;
    this.lastKey = key;
    return key;
  }

  private keyOf(serviceIdRaw: string): string | null {
    // A bare ten-digit number is the common case and always a North American number.
    if (isTenDigits(serviceIdRaw)) return this.tenDigitKey(serviceIdRaw);
    let key = this.byRaw.get(serviceIdRaw);
    if (key === undefined) {
      key = serviceMatchKey(serviceIdRaw);
      this.byRaw.set(serviceIdRaw, key);
    }
    return key;
  }

  /**
   * The key of a ten-digit identifier: kept like the others while most are met again (one key
   * string per service), made afresh once most turn out to be new (a bill of 100,000 services,
   * one line each): a map of every distinct service was most of the cost of keying such a bill.
   */
  private tenDigitKey(serviceIdRaw: string): string {
    const lookups = this.tenDigitLookups;
    if (lookups >= TEN_DIGIT_TRIAL && this.tenDigitHits * 2 < lookups) return `+1${serviceIdRaw}`;
    this.tenDigitLookups = lookups + 1;
    const kept = this.byRaw.get(serviceIdRaw);
    if (kept !== undefined && kept !== null) {
      this.tenDigitHits += 1;
      return kept;
    }
    const key = `+1${serviceIdRaw}`;
    this.byRaw.set(serviceIdRaw, key);
    return key;
  }
}
