/**
 * The shape of an audit rule and of what it returns. A rule is a small pure module: it reads the
 * {@link RuleContext} and returns finding drafts; the run turns drafts into stored findings.
 */
import type { IsoMonth } from '../dates/iso-date';
import type { AuditSettings, Finding, Severity } from '../model';
import type { RuleContext } from './context';

/** Unit of a threshold, so the settings screen can show and validate it. */
export type SettingUnit = 'percent' | 'cents' | 'days' | 'months' | 'count';

/** One threshold of a rule, with its default from the audit catalogue. */
export interface SettingSpec<Key extends string = string> {
  key: Key;
  /** Label for the settings screen, e.g. `Tolerance as a share of the rate`; the screen adds the unit. */
  label: string;
  unit: SettingUnit;
  /** Percent values are plain percents (`0.5` = 0.5 %); cents are integer cents. */
  default: number;
  /**
   * The values that make sense, both ends included, and whether they must be whole. Without it,
   * the range of its unit ({@link UNIT_RANGES}). A value outside it is refused on the settings
   * screen, and a stored one (an older version's, a backup's) is not used: the rule runs with its
   * default.
   */
  range?: SettingRange;
}

/** The values a setting accepts, both ends included. */
export interface SettingRange {
  min: number;
  max: number;
  whole: boolean;
}

/**
 * The range of a setting that names none, by unit: a percent of a rate or share up to 100 (a rule
 * that needs more says so), whole cents up to $10,000, days up to ten years, months up to ten
 * years, and counts of invoices from 1 to 60. Nothing beyond these is a threshold anyone means: a
 * huge value only switches its check off without a word.
 */
export const UNIT_RANGES: Record<SettingUnit, SettingRange> = {
  percent: { min: 0, max: 100, whole: false },
  cents: { min: 0, max: 1_000_000, whole: true },
  days: { min: 0, max: 3650, whole: true },
  months: { min: 1, max: 120, whole: true },
  count: { min: 1, max: 60, whole: true },
};

/** A setting's range: its own, else its unit's. */
export function rangeOf(spec: SettingSpec): SettingRange {
  return spec.range ?? UNIT_RANGES[spec.unit];
}

/** The words of a unit after a number (`10 days`, `5 %`). */
const UNIT_WORDS: Record<SettingUnit, string> = {
  percent: '%',
  cents: 'cents',
  days: 'days',
  months: 'months',
  count: '',
};

/** A setting's value with its unit: `10 days`, `5 %`, `3`. */
export function withUnit(value: number, unit: SettingUnit): string {
  return UNIT_WORDS[unit] === '' ? String(value) : `${value} ${UNIT_WORDS[unit]}`;
}

/** How a setting's range reads: `a whole number from 0 to 90 days`. */
export function settingRangeText(spec: SettingSpec): string {
  const { min, max, whole } = rangeOf(spec);
  const upTo = withUnit(max, spec.unit).replace(String(max), max.toLocaleString('en-US'));
  return `${whole ? 'a whole number' : 'a number'} from ${min} to ${upTo}`;
}

/**
 * Why a value cannot be used for a setting, as a sentence naming the setting, the value and the
 * range; null when it can (a finite number within the range).
 */
export function settingProblem(spec: SettingSpec, value: number): string | null {
  const { min, max, whole } = rangeOf(spec);
  const fits =
    Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value));
  if (fits) return null;
  return `${spec.label} must be ${settingRangeText(spec)}; ${String(value)} is not.`;
}

/** Plain decimal text only: `10`, `0.5`, `.5`; never `1e9`, `0x10`, `Infinity` or `1,000`. */
const PLAIN_DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A setting as typed: its value, or the sentence saying what to type (text that is not a plain
 * decimal number, or a number outside the range). Blank is not read here: it means the default.
 */
export function settingFromText(
  spec: SettingSpec,
  text: string,
): { ok: true; value: number } | { ok: false; message: string } {
  const trimmed = text.trim();
  const value = PLAIN_DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
  if (Number.isNaN(value)) {
    return {
      ok: false,
      message: `${spec.label} must be ${settingRangeText(spec)}, written in digits like ${spec.default}; “${trimmed}” is not.`,
    };
  }
  const problem = settingProblem(spec, value);
  return problem === null ? { ok: true, value } : { ok: false, message: problem };
}

/** Where a finding's money is on the bills: enough to open the original rows in a dispute. */
export interface ChargeRef {
  invoiceId: string;
  blockIndex: number;
  /** Row within the block (0-based). */
  row: number;
}

/**
 * Cents of a finding's impact on each of its charge lines, packed: `lines` holds quadruples
 * (index into `invoiceIds`, block index, row, cents).
 */
export interface LineClaims {
  invoiceIds: string[];
  lines: number[];
}

/** What a finding points at, beyond its subject. */
export interface FindingEvidence {
  invoiceId?: string;
  /**
   * The charge lines behind the impact. Rules list them all; the run keeps the first
   * {@link MAX_CHARGE_REFS} for the finding (what a dispute shows) once it has noted their claims.
   */
  chargeRefs?: ChargeRef[];
  /**
   * How many charge lines the rule listed, when more than the {@link MAX_CHARGE_REFS} kept in
   * `chargeRefs` (so a screen can say "200 of 659 lines shown"); absent when all are kept.
   */
  chargeLineCount?: number;
  /** What each line behind the impact carries of it, so overlapping findings count each dollar once (see `claims.ts`). */
  claims?: LineClaims;
  /** Inventory id of the service concerned. */
  serviceId?: string;
  /**
   * The dispute whose promised credit a `credit-not-applied` finding waits for: its money is that
   * dispute's findings' money again, counted once (see `countOnce`).
   */
  disputeId?: string;
}

/** A finding as a rule reports it: no status, history or timestamps yet (see `mergeFindings`). */
export type FindingDraft = Pick<
  Finding,
  'id' | 'ruleId' | 'severity' | 'subject' | 'impact' | 'message'
> & { evidence?: FindingEvidence };

/** One validation check of the catalogue. */
export interface AuditRule {
  /** Catalogue id, e.g. `rate-mismatch`; also the first part of every finding id. */
  id: string;
  title: string;
  /** What it finds and how the impact is counted, for the rules screen. */
  description: string;
  severity: Severity;
  settings: readonly SettingSpec[];
  /**
   * Runs after the rules without it and receives their findings as `earlier` (`spike` takes off
   * what other findings on an invoice already explain).
   */
  readsFindings?: boolean;
  check(context: RuleContext, earlier?: readonly FindingDraft[]): FindingDraft[];
}

/** A finding lists at most this many charge lines; the rest are found again from the subject. */
export const MAX_CHARGE_REFS = 200;

/**
 * The deterministic finding id: `ruleId|carrier|account|invoice or service|period`. The same
 * input always gives the same id, so a re-run updates a finding instead of adding a copy.
 */
export function findingId(
  ruleId: string,
  carrierId: string,
  accountNumber: string,
  invoiceOrService: string,
  period: IsoMonth | '',
): string {
  return `${ruleId}|${carrierId}|${accountNumber}|${invoiceOrService}|${period}`;
}

/**
 * The values of one rule's settings: the user's where set (and a finite number), else the default.
 * Typed by the spec keys, so a rule cannot read a setting it did not declare.
 */
export function resolveSettings<Key extends string>(
  settings: AuditSettings,
  ruleId: string,
  specs: readonly SettingSpec<Key>[],
): Record<Key, number> {
  const chosen = settings[ruleId] ?? {};
  const values = new Map<Key, number>();
  for (const spec of specs) {
    const value = chosen[spec.key];
    // A value the range refuses (stored by an older version, or in a backup) is not used.
    const usable = typeof value === 'number' && settingProblem(spec, value) === null;
    values.set(spec.key, usable ? value : spec.default);
  }
  // Every key of `specs` was set just above, which is what the record type promises.
  return Object.fromEntries(values) as Record<Key, number>;
}
