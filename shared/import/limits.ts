/**
 * How much of a bill file the importer is willing to read. Bill files come from portals, e-mail
 * and colleagues, and a damaged or crafted one (a ZIP bomb, a 50 MB line) must end in a sentence,
 * not in a frozen window or an out-of-memory crash. Every limit has a default here, in one place;
 * the app and the CLI pass their own values (settings, flags) and a refusal names the limit and
 * how to raise it.
 */

/** Limits applied while reading bill files; all sizes in bytes. */
export interface ImportLimits {
  /** Largest single file, or ZIP member once unzipped, in bytes. */
  maxFileBytes: number;
  /** Largest total of a ZIP's members once unzipped, in bytes. */
  maxArchiveBytes: number;
  /**
   * Highest unzipped-to-zipped size ratio of a ZIP member (checked for members over 1 MB): real
   * bill files compress 5–30 times, a ZIP bomb thousands of times.
   */
  maxCompressionRatio: number;
  /** Most members a ZIP may hold. */
  maxArchiveMembers: number;
  /** Longest line of a text file, in characters (a bill row is a few hundred). */
  maxLineChars: number;
  /** Most columns a header may have. */
  maxColumns: number;
  /** Earliest bill year read without the user's confirmation. */
  earliestYear: number;
  /** Latest bill year read without the user's confirmation. */
  latestYear: number;
  /** Set when the user confirmed dates outside `earliestYear`–`latestYear` are right. */
  allowDatesOutsideYears: boolean;
}

const MB = 1024 * 1024;

/** The defaults: far above any real carrier file, far below what hurts a laptop. */
export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 100 * MB,
  maxArchiveBytes: 500 * MB,
  maxCompressionRatio: 200,
  maxArchiveMembers: 5_000,
  maxLineChars: 1_000_000,
  maxColumns: 2_000,
  earliestYear: 1990,
  latestYear: 2100,
  allowDatesOutsideYears: false,
});

/** Members smaller than this are never refused for their ratio (a tiny file of blanks packs well). */
export const RATIO_CHECK_FROM_BYTES = MB;

/** Characters of the text looked at to find the delimiter and the header. */
export const SNIFF_SAMPLE_CHARS = 64 * 1024;

/** Row errors listed per draft; the rest are counted ("and 3,402 more rows"). */
export const LISTED_ROW_ERRORS = 1_000;

/** Longest message kept for one problem; longer ones are cut with "…". */
export const MAX_MESSAGE_CHARS = 600;

/**
 * Largest amount (one cell) read as money: $1,000,000,000.00. No telecom charge comes near it; a
 * cell beyond it is a misread column or a crafted file, and is a row error. An invoice's lines may
 * add up to at most `MAX_LINES_TOTAL_CENTS` ($10,000,000,000.00, `shared/billing/aggregates.ts`).
 */
export const MAX_AMOUNT_CENTS = 100_000_000_000;

/**
 * The limits a caller asked for, filled in with the defaults. Overrides come from stored settings
 * (a backup may carry anything), so a value of the wrong type, or a number that is not positive
 * and finite, is ignored and its default kept.
 */
export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS };
  const given: Partial<Record<keyof ImportLimits, unknown>> = overrides;
  for (const key of Object.keys(limits) as (keyof ImportLimits)[]) {
    const value = given[key];
    if (key === 'allowDatesOutsideYears') {
      if (typeof value === 'boolean') limits.allowDatesOutsideYears = value;
    } else if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
      limits[key] = value;
    }
  }
  return limits;
}

/** How each size limit is named to the user, and how the CLI raises it. */
export const LIMIT_NAMES = {
  maxFileBytes: { label: 'largest file', cliFlag: '--max-file-mb' },
  maxArchiveBytes: { label: 'largest ZIP', cliFlag: '--max-zip-mb' },
  maxCompressionRatio: { label: 'highest compression ratio', cliFlag: '--max-zip-ratio' },
  maxArchiveMembers: { label: 'most files in a ZIP', cliFlag: null },
  maxLineChars: { label: 'longest line', cliFlag: null },
  maxColumns: { label: 'most columns', cliFlag: null },
} as const;

/** A limit that can be raised. */
export type RaisableLimit = keyof typeof LIMIT_NAMES;

/**
 * The sentence ending a refusal: how to raise the limit. The app and the CLI say it their own way
 * (a setting, a flag); see {@link ReadBillOptions.limitAdvice}.
 */
export type LimitAdvice = (limit: RaisableLimit) => string;

/** The app's advice: the limits live in Settings → Import limits. */
export const APP_LIMIT_ADVICE: LimitAdvice = (limit) =>
  LIMIT_NAMES[limit].cliFlag === null
    ? 'No real bill file comes near this limit: check that this is the file you meant to import.'
    : `If you trust this file, raise "${LIMIT_NAMES[limit].label}" in Settings → Import limits and import it again.`;

/** The limits the app's Settings → Import limits edits, as typed (megabytes, a ratio, a box). */
export interface ImportLimitsForm {
  maxFileMb: string;
  maxArchiveMb: string;
  maxCompressionRatio: string;
  allowDatesOutsideYears: boolean;
}

/** The form showing `limits` (the defaults for any not set). */
export function importLimitsForm(limits: Partial<ImportLimits>): ImportLimitsForm {
  const full = importLimits(limits);
  return {
    maxFileMb: String(full.maxFileBytes / MB),
    maxArchiveMb: String(full.maxArchiveBytes / MB),
    maxCompressionRatio: String(full.maxCompressionRatio),
    allowDatesOutsideYears: full.allowDatesOutsideYears,
  };
}

/** Highest value a size limit may be set to: 2 GB, past what one process can hold as a file. */
const MAX_SETTABLE_MB = 2048;

/**
 * The limits typed in the form, keeping only those that differ from the defaults (so a later
 * version's better defaults still apply); a sentence naming the first field that is not a
 * positive number in range.
 */
export function importLimitsFromForm(
  form: ImportLimitsForm,
): { ok: true; limits: Partial<ImportLimits> } | { ok: false; message: string } {
  const fields = [
    ['maxFileBytes', form.maxFileMb, MB, 'Largest file'],
    ['maxArchiveBytes', form.maxArchiveMb, MB, 'Largest ZIP'],
    ['maxCompressionRatio', form.maxCompressionRatio, 1, 'Highest compression ratio'],
  ] as const;
  const limits: Partial<ImportLimits> = {};
  for (const [key, text, unit, label] of fields) {
    const value = Number(text.trim());
    const max = unit === MB ? MAX_SETTABLE_MB : 100_000;
    if (text.trim() === '' || !Number.isFinite(value) || value <= 0 || value > max) {
      return {
        ok: false,
        message: `${label} must be a number above 0 and at most ${formatCount(max)}.`,
      };
    }
    const scaled = Math.round(value * unit);
    if (scaled !== DEFAULT_IMPORT_LIMITS[key]) limits[key] = scaled;
  }
  if (form.allowDatesOutsideYears) limits.allowDatesOutsideYears = true;
  return { ok: true, limits };
}

/** `104,857,600 bytes` → `100 MB`; whole megabytes when at least 1 MB. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${formatCount(Math.round((bytes / MB) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${formatCount(Math.round(bytes / 1024))} KB`;
  return `${formatCount(bytes)} bytes`;
}

/** `3402` → `3,402`. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * A message cut to {@link MAX_MESSAGE_CHARS}, so one crafted cell cannot flood a screen or a log.
 * A long quoted cell is shortened first (see {@link quoteCell}), so that what was expected, said
 * after it, still shows; only what is still too long is cut at its end.
 */
export function capMessage(message: string, max = MAX_MESSAGE_CHARS): string {
  if (message.length <= max) return message;
  // Every quoted text is matched, short ones left as they are: matching only long ones paired a
  // closing quote with the next opening one, and cut the sentence between two quoted file names.
  const shortened = message.replace(QUOTED, (_, text: string) => `"${quoteCell(text)}"`);
  if (shortened.length <= max) return shortened;
  return `${shortened.slice(0, max - 1)}…`;
}

/** A quoted text, quotes paired from the start of the message. */
const QUOTED = /"([^"]*)"/g;

/** A cell's text for quoting in a message: at most 60 characters. */
export function quoteCell(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
