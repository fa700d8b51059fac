/**
 * What the findings screens show, computed from stored records: grid rows with names and age,
 * the filters and the savings tracker (their money totals: `totals.ts`). Pure, no database.
 */
import { countedImpact, countOnce, type CountedOnce } from '../../../shared/audit/claims';
import { disputeShares, type SavingsDispute } from '../../../shared/audit/savings';
import { ALL_RULES } from '../../../shared/audit/rules';
import { daysBetween, isIsoDate, type IsoDate } from '../../../shared/dates';
import {
  invoiceNumbersOf,
  isOutstanding,
  type Carrier,
  type DisputeStatus,
  type FindingStatus,
  type Invoice,
  type Service,
  type Severity,
  type Site,
} from '../../../shared/model';
import { cents, type Cents } from '../../../shared/money/cents';
import type { FindingsLinkFilter } from '../../app/links';
import type { FindingRecord } from '../../db/findings';

export const RULE_TITLES: ReadonlyMap<string, string> = new Map(
  ALL_RULES.map((rule) => [rule.id, rule.title]),
);

export const STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  disputed: 'Disputed',
  credited: 'Credited',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  info: 'Info',
  warning: 'Warning',
  error: 'Error',
};

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  draft: 'Draft',
  submitted: 'Filed',
  credited: 'Credited',
  'partially-credited': 'Partially credited',
  denied: 'Denied',
  closed: 'Closed',
};

/** One finding as a grid row. */
export interface FindingRow {
  id: string;
  ruleId: string;
  rule: string;
  severity: Severity;
  status: FindingStatus;
  carrierId: string;
  carrier: string;
  accountNumber: string;
  invoiceNumber: string;
  invoiceId: string | null;
  /** Every invoice the finding covers (a finding over several months covers each of them). */
  invoiceIds: readonly string[];
  serviceIdRaw: string;
  serviceId: string | null;
  site: string;
  period: string;
  impact: Cents;
  /**
   * The impact counted in money at stake: less what other findings hold of the same charge lines
   * (see `shared/audit/claims.ts`); 0 for money at risk.
   */
  counted: Cents;
  /**
   * What the finding's dispute claims of it: its share of the claim as filed (shared among the
   * dispute's findings as the savings tracker shares it), not what the checks find now — a
   * finding found again with more money after filing does not grow its claim. Its counted
   * impact when it is marked disputed with no dispute recorded; 0 when not disputed.
   */
  claimed: Cents;
  /**
   * Its money at stake (counted once) when its dispute is a draft, not yet filed with the carrier:
   * nothing is claimed of it until the dispute is filed (`claimed` is 0 meanwhile); else 0.
   */
  drafted: Cents;
  /**
   * What the carrier credited of it: its share of its dispute's credits received (partial ones
   * too), as the savings tracker shares them; its counted impact when it is marked credited with
   * no dispute recorded (no credit amount known); else 0.
   */
  recovered: Cents;
  message: string;
  /** Days since the bill (invoice date), else since the audit first found it. */
  ageDays: number;
  disputeId: string | null;
}

/** Records the rows name things from. */
export interface FindingLookups {
  carriers: readonly Carrier[];
  services: readonly Service[];
  sites: readonly Site[];
  invoices: readonly Pick<
    Invoice,
    'id' | 'carrierId' | 'accountNumber' | 'invoiceNumber' | 'invoiceDate'
  >[];
  /** The disputes, for what each disputed finding's dispute claims (`FindingRow.claimed`). */
  disputes?: readonly SavingsDispute[];
}

export function invoiceKey(
  carrierId: string,
  accountNumber: string,
  invoiceNumber: string,
): string {
  return `${carrierId}|${accountNumber}|${invoiceNumber}`;
}

export function findingRows(
  findings: readonly FindingRecord[],
  lookups: FindingLookups,
  today: IsoDate,
  once: CountedOnce = countOnce(findings),
): FindingRow[] {
  const carrierName = new Map(lookups.carriers.map((c) => [c.id, c.name]));
  const siteCode = new Map(lookups.sites.map((s) => [s.id, s.code]));
  const serviceById = new Map(lookups.services.map((s) => [s.id, s]));
  const serviceByKey = new Map<string, Service>();
  for (const service of lookups.services)
    if (service.serviceKey) serviceByKey.set(service.serviceKey, service);
  const invoiceById = new Map(lookups.invoices.map((i) => [i.id, i]));
  const invoiceByKey = new Map(
    lookups.invoices.map((i) => [invoiceKey(i.carrierId, i.accountNumber, i.invoiceNumber), i]),
  );
  const claims = disputeShares(findings, lookups.disputes ?? [], 'disputed', once);
  const drafts = new Set(
    (lookups.disputes ?? []).flatMap((d) => (d.status === 'draft' ? [d.id] : [])),
  );
  const credits = disputeShares(findings, lookups.disputes ?? [], 'recovered', once);
  return findings.map((finding) => {
    const { subject, evidence } = finding;
    const invoice =
      (evidence?.invoiceId === undefined ? undefined : invoiceById.get(evidence.invoiceId)) ??
      (subject.invoiceNumber === undefined
        ? undefined
        : invoiceByKey.get(
            invoiceKey(subject.carrierId, subject.accountNumber ?? '', subject.invoiceNumber),
          ));
    const service =
      (evidence?.serviceId === undefined ? undefined : serviceById.get(evidence.serviceId)) ??
      (subject.serviceKey === undefined ? undefined : serviceByKey.get(subject.serviceKey));
    const firstSeen = finding.firstSeenAt.slice(0, 10);
    const since = invoice?.invoiceDate ?? (isIsoDate(firstSeen) ? firstSeen : today);
    return {
      id: finding.id,
      ruleId: finding.ruleId,
      rule: RULE_TITLES.get(finding.ruleId) ?? finding.ruleId,
      severity: finding.severity,
      status: finding.status,
      carrierId: subject.carrierId,
      carrier: carrierName.get(subject.carrierId) ?? subject.carrierId,
      accountNumber: subject.accountNumber ?? '',
      invoiceNumber: subject.invoiceNumber ?? invoice?.invoiceNumber ?? '',
      invoiceId: invoice?.id ?? null,
      invoiceIds: coveredInvoiceIds(invoice?.id, subject, (number) =>
        invoiceByKey.get(invoiceKey(subject.carrierId, subject.accountNumber ?? '', number)),
      ),
      serviceIdRaw: subject.serviceIdRaw ?? service?.serviceIdRaw ?? '',
      serviceId: service?.id ?? null,
      site: service?.siteId === undefined ? '' : (siteCode.get(service.siteId) ?? ''),
      period: subject.period ?? '',
      impact: finding.impact,
      counted: countedImpact(once, finding),
      claimed:
        finding.status !== 'disputed'
          ? cents(0)
          : (claims.get(finding.id) ?? countedImpact(once, finding)),
      drafted:
        finding.status === 'disputed' &&
        finding.disputeId !== undefined &&
        drafts.has(finding.disputeId)
          ? countedImpact(once, finding)
          : cents(0),
      recovered:
        credits.get(finding.id) ??
        (finding.status === 'credited' ? countedImpact(once, finding) : cents(0)),
      message: finding.message,
      ageDays: Math.max(0, daysBetween(since, today)),
      disputeId: finding.disputeId ?? null,
    };
  });
}

/** Age buckets of the filter, by the carriers' usual dispute windows. */
export const AGE_BUCKETS = [
  { id: 'any', label: 'Any age' },
  { id: 'under60', label: 'Under 60 days' },
  { id: '60to180', label: '60 to 180 days' },
  { id: 'over180', label: 'Over 180 days' },
] as const;

export type AgeBucket = (typeof AGE_BUCKETS)[number]['id'];

/** The status filter's extra choice: the findings that still need work. */
export const OPEN_OR_DISPUTED = 'open-or-disputed';

/** The grid's filters; '' means any. */
export interface FindingFilters {
  ruleId: string;
  severity: string;
  /** A finding status, or {@link OPEN_OR_DISPUTED}. */
  status: string;
  carrierId: string;
  accountNumber: string;
  /** A stored invoice's id: the findings on it (set by a link from the invoice, not by the bar). */
  invoiceId: string;
  site: string;
  age: AgeBucket;
  /** First finding period month (`YYYY-MM`, inclusive); findings without a period drop out. */
  periodFrom: string;
  /** Last finding period month (`YYYY-MM`, inclusive); findings without a period drop out. */
  periodTo: string;
}

export const NO_FILTERS: FindingFilters = {
  ruleId: '',
  severity: '',
  status: '',
  carrierId: '',
  accountNumber: '',
  invoiceId: '',
  site: '',
  age: 'any',
  periodFrom: '',
  periodTo: '',
};

/** The grid's filters a drill-down link asks for (`#/findings/where/…`); the rest stay open. */
export function filtersFromLink(link: FindingsLinkFilter): FindingFilters {
  return {
    ...NO_FILTERS,
    ruleId: link.ruleId ?? '',
    carrierId: link.carrierId ?? '',
    invoiceId: link.invoiceId ?? '',
    status: link.status ?? '',
    periodFrom: link.from ?? '',
    periodTo: link.to ?? '',
  };
}

export function hasFilters(filters: FindingFilters): boolean {
  return (Object.keys(NO_FILTERS) as (keyof FindingFilters)[]).some(
    (key) => filters[key] !== NO_FILTERS[key],
  );
}

function inAgeBucket(ageDays: number, age: AgeBucket): boolean {
  if (age === 'under60') return ageDays < 60;
  if (age === '60to180') return ageDays >= 60 && ageDays <= 180;
  if (age === 'over180') return ageDays > 180;
  return true;
}

function hasStatus(status: FindingStatus, wanted: string): boolean {
  if (wanted === '') return true;
  if (wanted === OPEN_OR_DISPUTED) return isOutstanding({ status });
  return status === wanted;
}

function inPeriod(period: string, from: string, to: string): boolean {
  if (from === '' && to === '') return true;
  if (period === '') return false;
  const month = period.slice(0, 7);
  return (from === '' || month >= from) && (to === '' || month <= to);
}

export function filterRows(rows: readonly FindingRow[], filters: FindingFilters): FindingRow[] {
  return rows.filter(
    (row) =>
      (filters.ruleId === '' || row.ruleId === filters.ruleId) &&
      (filters.severity === '' || row.severity === filters.severity) &&
      hasStatus(row.status, filters.status) &&
      (filters.carrierId === '' || row.carrierId === filters.carrierId) &&
      (filters.accountNumber === '' || row.accountNumber === filters.accountNumber) &&
      (filters.invoiceId === '' || row.invoiceIds.includes(filters.invoiceId)) &&
      (filters.site === '' || row.site === filters.site) &&
      inAgeBucket(row.ageDays, filters.age) &&
      inPeriod(row.period, filters.periodFrom, filters.periodTo),
  );
}

function periodText(from: string, to: string): string {
  if (from && to) return from === to ? `for period ${from}` : `for periods ${from} to ${to}`;
  if (from) return `for periods from ${from} on`;
  if (to) return `for periods up to ${to}`;
  return '';
}

/**
 * The filters as a sentence: “Showing open or disputed “Billed above the contract rate” findings
 * of Lumen for periods 2026-01 to 2026-10 — 12 findings.”
 */
export function describeFindingFilters(
  filters: FindingFilters,
  carrierName: (carrierId: string) => string,
  shown: number,
  invoiceNumber: (invoiceId: string) => string = (invoiceId) => invoiceId,
): string {
  const status =
    filters.status === OPEN_OR_DISPUTED
      ? 'open or disputed'
      : filters.status === ''
        ? ''
        : (STATUS_LABELS[filters.status as FindingStatus] ?? filters.status).toLowerCase();
  const severity =
    filters.severity === ''
      ? ''
      : `${(SEVERITY_LABELS[filters.severity as Severity] ?? filters.severity).toLowerCase()}-severity`;
  const rule =
    filters.ruleId === '' ? '' : `“${RULE_TITLES.get(filters.ruleId) ?? filters.ruleId}”`;
  const periods = periodText(filters.periodFrom, filters.periodTo);
  const age = AGE_BUCKETS.find((b) => b.id === filters.age && b.id !== 'any')?.label;
  const words = [
    'Showing',
    status,
    severity,
    rule,
    'findings',
    filters.carrierId && `of ${carrierName(filters.carrierId)}`,
    filters.accountNumber && `account ${filters.accountNumber}`,
    filters.invoiceId && `on invoice ${invoiceNumber(filters.invoiceId)}`,
    filters.site && `at site ${filters.site}`,
    periods,
    age && `aged ${age.toLowerCase()}`,
  ];
  const count = `${shown.toLocaleString('en-US')} finding${shown === 1 ? '' : 's'}`;
  return `${words.filter(Boolean).join(' ')} — ${count}.`;
}

/** The ids of the invoices a finding covers: its evidence's first, then each it names. */
function coveredInvoiceIds(
  first: string | undefined,
  subject: FindingRecord['subject'],
  invoiceOf: (invoiceNumber: string) => { id: string } | undefined,
): string[] {
  const ids = first === undefined ? [] : [first];
  for (const number of invoiceNumbersOf(subject)) {
    const id = invoiceOf(number)?.id;
    if (id !== undefined && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
