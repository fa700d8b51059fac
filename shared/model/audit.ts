/**
 * Audit results and disputes. Finding ids are deterministic (rule + subject + period) so re-running
 * the audit never duplicates a finding and the user's status survives.
 */
import type { Cents } from '../money/cents';
import type { IsoDate, IsoMonth } from '../dates/iso-date';

/** How much a finding matters; `info` findings carry no claim of overbilling. */
export const SEVERITIES = ['info', 'warning', 'error'] as const;

/** See {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/**
 * What a finding's impact means: money overbilled or to save (`at-stake`); money billed for
 * something the inventory does not know (`at-risk`); or money billed rightly that the chargeback
 * cannot allocate (`unallocated`: a service with no cost center). Only `at-stake` is money at
 * stake; the others are shown beside it, never inside it.
 */
export type ImpactKind = 'at-stake' | 'at-risk' | 'unallocated';

/** The rules whose impact is money at risk rather than at stake. */
const AT_RISK_RULES: ReadonlySet<string> = new Set(['unknown-service']);

/** The rules whose impact is an allocation gap, not an overcharge (catalogue: "amount unallocated"). */
const UNALLOCATED_RULES: ReadonlySet<string> = new Set(['missing-cost-center']);

/** The kind of a finding's impact, from its rule: the one place that decides it. */
export function impactKindOf(ruleId: string): ImpactKind {
  if (AT_RISK_RULES.has(ruleId)) return 'at-risk';
  return UNALLOCATED_RULES.has(ruleId) ? 'unallocated' : 'at-stake';
}

/** What the user has done about a finding. */
export const FINDING_STATUSES = ['open', 'disputed', 'credited', 'resolved', 'dismissed'] as const;

/** See {@link FINDING_STATUSES}. */
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** A number per finding status, every one 0: to count or add up findings by status. */
export function zeroByStatus(): Record<FindingStatus, number> {
  return { open: 0, disputed: 0, credited: 0, resolved: 0, dismissed: 0 };
}

/**
 * Whether a finding still counts: open or disputed. The one definition of the findings whose money
 * at stake and at risk the Findings page's tiles, the dashboard and the monthly report add up. A
 * finding the audit no longer finds is `resolved` (see `mergeFindings`), one the carrier credited
 * is `credited`, one the user dismissed is `dismissed`: none of them is still at stake or at risk.
 */
export function isOutstanding(finding: { status: FindingStatus }): boolean {
  return finding.status === 'open' || finding.status === 'disputed';
}

/**
 * Audit thresholds as stored: rule id → setting key → value (units as the rule's `SettingSpec`
 * says). Only what the user changed needs storing; everything else falls back to the defaults the
 * rules declare (see `shared/audit/settings.ts`).
 */
export type AuditSettings = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** What a finding is about; every part the rule knows is filled in. */
export interface FindingSubject {
  carrierId: string;
  accountNumber?: string;
  invoiceNumber?: string;
  /**
   * Every invoice the finding covers when it spans more than one (a rate billed wrong for three
   * months), oldest first; `invoiceNumber` is the first of them. Each one carries the problem.
   */
  invoiceNumbers?: string[];
  /** Service match key. */
  serviceKey?: string;
  /** Service identifier as on the bill, for display. */
  serviceIdRaw?: string;
  /** Billing month the finding concerns. */
  period?: IsoMonth;
}

/** One status change, kept so the history of a dispute can be shown. */
export interface StatusChange {
  status: FindingStatus;
  /** When it changed: ISO 8601 timestamp in UTC. */
  at: string;
  note?: string;
}

/** The invoice numbers a finding's subject covers: all of them, or its one invoice, or none. */
export function invoiceNumbersOf(subject: FindingSubject): readonly string[] {
  if (subject.invoiceNumbers !== undefined && subject.invoiceNumbers.length > 0)
    return subject.invoiceNumbers;
  return subject.invoiceNumber === undefined ? [] : [subject.invoiceNumber];
}

/** Something the audit found, with what it costs. */
export interface Finding {
  /** Deterministic: rule id + subject + period, so re-runs update instead of duplicating. */
  id: string;
  /** Id of the rule that found it, e.g. `billed-after-disconnect`. */
  ruleId: string;
  severity: Severity;
  subject: FindingSubject;
  /** Money at stake in cents: positive when the company was overbilled. */
  impact: Cents;
  /** Plain explanation, e.g. `Billed $85.00 for line 555-010-0001; contract rate $45.00.` */
  message: string;
  status: FindingStatus;
  /** Every status change, oldest first. */
  statusHistory: StatusChange[];
  /** When the audit first found it: ISO 8601 timestamp in UTC. */
  firstSeenAt: string;
  /** When the audit last found it still true. */
  lastSeenAt: string;
  disputeId?: string;
}

/** Where a dispute with the carrier stands. */
export const DISPUTE_STATUSES = [
  'draft',
  'submitted',
  'credited',
  'partially-credited',
  'denied',
  'closed',
] as const;

/** See {@link DISPUTE_STATUSES}. */
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** A claim sent to a carrier for one or more findings. */
export interface Dispute {
  id: string;
  carrierId: string;
  accountNumber: string;
  findingIds: string[];
  /** Amount claimed in cents. */
  claimedAmount: Cents;
  /** Credits received so far in cents (positive). */
  creditedAmount: Cents;
  status: DisputeStatus;
  /** The carrier's ticket or claim number. */
  carrierReference?: string;
  openedOn: IsoDate;
  submittedOn?: IsoDate;
  closedOn?: IsoDate;
  notes?: string;
}
