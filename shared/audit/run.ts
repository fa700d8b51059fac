/**
 * Running the rules over a snapshot, and folding fresh results into the stored findings without
 * ever duplicating one or losing what the user decided about it.
 */
import { cents, type Cents } from '../money/cents';
import { withLineClaims } from './claims';
import { buildContext, type RuleContext } from './context';
import {
  continuedFrom,
  mergeFamily,
  notFoundSaid,
  notFoundToSay,
  REOPENED_BY_AUDIT_NOTE,
  RESOLVED_BY_AUDIT_NOTE,
  resolvedNow,
  type MergedFinding,
} from './finding-growth';
import type { AuditRule, FindingDraft } from './rule';
import { ruleFailure, type RuleFailure } from './rule-failure';
import { ALL_RULES } from './rules';
import type { AuditSnapshot } from './snapshot';

/** Per-rule figures of one run, for the rules screen and the benchmark. */
export interface RuleRunSummary {
  count: number;
  impact: Cents;
  /** Wall time of the rule's `check`, in milliseconds. */
  ms: number;
}

/** What {@link runAudit} returns. */
export interface AuditRunResult {
  /** Every finding, sorted by id (deterministic). */
  findings: FindingDraft[];
  /** Figures per rule that ran, in the order the rules were given; none for a failed rule. */
  byRule: Record<string, RuleRunSummary>;
  /** Rules that threw: they found nothing this run, and their stored findings must stay as they are. */
  failedRules: RuleFailure[];
  /** Time spent building the shared indexes, in milliseconds. */
  indexMs: number;
}

/** Wall clock for the per-rule timings (milliseconds are enough for a rules screen). */
function now(): number {
  // clock: elapsed time of each rule for the rules screen, never part of a finding.
  return Date.now();
}

/**
 * Runs `rules` over `snapshot`. Pure: the same snapshot gives the same findings. Each rule runs
 * isolated: one that throws (or reports one id twice, a bug in that rule) adds nothing and is
 * listed in `failedRules`, and the other rules' findings stand.
 */
export function runAudit(
  snapshot: AuditSnapshot,
  rules: readonly AuditRule[] = ALL_RULES,
): AuditRunResult {
  const indexStart = now();
  const context = buildContext(snapshot);
  const indexMs = now() - indexStart;
  const findings: FindingDraft[] = [];
  const figures = new Map<string, RuleRunSummary>();
  const failedRules: RuleFailure[] = [];
  const ids = new Set<string>();
  // Two phases: rules that read other findings run last, over what the first phase found.
  const ordered = [
    ...rules.filter((rule) => rule.readsFindings !== true),
    ...rules.filter((rule) => rule.readsFindings === true),
  ];
  for (const rule of ordered) {
    const start = now();
    const outcome = checkIsolated(rule, context, findings, ids);
    const ms = now() - start;
    // A failed rule gets no figures: "0 findings" would read as a clean result.
    if ('failure' in outcome) {
      failedRules.push(outcome.failure);
      continue;
    }
    let impact = 0;
    for (const draft of outcome.drafts) {
      ids.add(draft.id);
      impact += draft.impact;
      findings.push(draft);
    }
    figures.set(rule.id, { count: outcome.drafts.length, impact: cents(impact), ms });
  }
  // The summary lists the rules in the order given, whatever order they ran in.
  const byRule: Record<string, RuleRunSummary> = {};
  for (const rule of rules) {
    const ruleFigures = figures.get(rule.id);
    if (ruleFigures !== undefined) byRule[rule.id] = ruleFigures;
  }
  findings.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    findings: withLineClaims(findings, context.invoiceById),
    byRule,
    failedRules,
    indexMs,
  };
}

/**
 * One rule's drafts, or why it could not run. A rule is all or nothing: drafts of a rule that
 * threw half-way, or that reported an id twice, are not kept.
 */
function checkIsolated(
  rule: AuditRule,
  context: RuleContext,
  earlier: readonly FindingDraft[],
  takenIds: ReadonlySet<string>,
): { drafts: FindingDraft[] } | { failure: RuleFailure } {
  try {
    const drafts =
      rule.readsFindings === true ? rule.check(context, [...earlier]) : rule.check(context);
    const seen = new Set<string>();
    for (const draft of drafts) {
      if (takenIds.has(draft.id) || seen.has(draft.id))
        throw new Error(`it reported the finding ${draft.id} twice`);
      seen.add(draft.id);
    }
    return { drafts };
  } catch (error) {
    return { failure: ruleFailure(rule, error) };
  }
}

/** What {@link mergeFindings} returns; the counts are of ids. */
export interface MergeResult {
  /** The findings, each with its evidence when the rule gave some. */
  findings: MergedFinding[];
  /** New findings, among them the money found since a decided finding (see `finding-growth.ts`). */
  added: number;
  /** Findings found again (message, impact and last-seen refreshed). */
  updated: number;
  /** Open findings no longer found, now `resolved`. */
  resolvedByAudit: number;
}

export { REOPENED_BY_AUDIT_NOTE, RESOLVED_BY_AUDIT_NOTE, continuedFrom, type MergedFinding };

/**
 * Folds a run's drafts into the stored findings (`now` is an ISO 8601 UTC timestamp).
 *
 * - A draft with a known id refreshes that finding (severity, subject, message, impact, evidence,
 *   `lastSeenAt`) and keeps its status, history and dispute: a dismissed finding stays dismissed.
 *   Only a finding the audit itself resolved is reopened when found again.
 * - A user's decision (disputed, credited, dismissed, resolved) covers the money decided on, never
 *   more: money found since is its own `open` finding, and money found less is said in the
 *   decided finding's history ({@link mergeFamily}).
 * - A new id becomes an `open` finding.
 * - An `open` finding that was not found again becomes `resolved`, with a history entry; other
 *   statuses (disputed, credited, dismissed, resolved) are the user's and stay as they are.
 * - A finding of a rule in `notRun` (the run's `failedRules`) stays exactly as stored: a check
 *   that did not run has not seen the problem go away.
 */
export function mergeFindings(
  previous: readonly MergedFinding[],
  fresh: readonly FindingDraft[],
  now: string,
  notRun: ReadonlySet<string> = new Set(),
): MergeResult {
  const freshById = new Map(fresh.map((draft) => [draft.id, draft]));
  const stored = new Map<string, MergedFinding>();
  for (const finding of previous) if (!stored.has(finding.id)) stored.set(finding.id, finding);
  // The continuations of each finding found again, oldest first: they merge with it.
  const continuations = new Map<string, MergedFinding[]>();
  for (const finding of stored.values()) {
    const base = continuedFrom(finding.id);
    if (base === undefined || !freshById.has(base) || !stored.has(base)) continue;
    continuations.set(base, [...(continuations.get(base) ?? []), finding]);
  }
  const findings: MergedFinding[] = [];
  let added = 0;
  let updated = 0;
  let resolvedByAudit = 0;
  for (const finding of stored.values()) {
    const base = continuedFrom(finding.id);
    if (base !== undefined && continuations.get(base)?.includes(finding) === true) continue;
    const draft = freshById.get(finding.id);
    if (draft !== undefined) {
      updated += 1;
      const family = [finding, ...sortedByNumber(continuations.get(finding.id) ?? [])];
      const merged = mergeFamily(family, draft, now);
      for (const member of merged) {
        if (
          member.status === 'resolved' &&
          !family.some((f) => f.id === member.id && f.status === 'resolved')
        )
          resolvedByAudit += 1;
        if (!family.some((f) => f.id === member.id)) added += 1;
      }
      findings.push(...merged);
    } else if (finding.status === 'open' && !notRun.has(finding.ruleId)) {
      resolvedByAudit += 1;
      findings.push(resolvedNow(finding, now));
    } else if (notFoundToSay(finding, notRun)) {
      findings.push(notFoundSaid(finding, now));
    } else {
      findings.push(finding);
    }
  }
  for (const draft of fresh) {
    if (stored.has(draft.id)) continue;
    const finding = newFinding(draft, now);
    stored.set(draft.id, finding);
    added += 1;
    findings.push(finding);
  }
  return { findings, added, updated, resolvedByAudit };
}

function newFinding(draft: FindingDraft, now: string): MergedFinding {
  return {
    id: draft.id,
    ruleId: draft.ruleId,
    severity: draft.severity,
    subject: draft.subject,
    impact: draft.impact,
    message: draft.message,
    status: 'open',
    statusHistory: [{ status: 'open', at: now }],
    firstSeenAt: now,
    lastSeenAt: now,
    ...(draft.evidence === undefined ? {} : { evidence: draft.evidence }),
  };
}

/** Continuations in the order they were opened (`|more-2` before `|more-10`). */
function sortedByNumber(findings: readonly MergedFinding[]): MergedFinding[] {
  const numberOf = (id: string) => Number(id.slice(id.lastIndexOf('-') + 1));
  return [...findings].sort((a, b) => numberOf(a.id) - numberOf(b.id));
}
