/**
 * Running the rules over a snapshot, and folding fresh results into the stored findings without
 * ever duplicating one or losing what the user decided about it.
 */
import { invoiceNumbersOf, type Finding } from '../model';
import { cents, formatCents, type Cents } from '../money/cents';
import { withLineClaims } from './claims';
import { continuedFindings } from './finding-lineage';
import { buildContext, type RuleContext } from './context';
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
  findings: Finding[];
  added: number;
  /** Findings found again (message, impact and last-seen refreshed). */
  updated: number;
  /** Open findings no longer found, now `resolved`. */
  resolvedByAudit: number;
  /** Draft id → the stored finding's id it carries on under (see {@link continuedFindings}). */
  continued: ReadonlyMap<string, string>;
}

/** The note on the history entry of a finding the audit no longer finds. */
export const RESOLVED_BY_AUDIT_NOTE = 'Resolved: no longer found by the audit';

/** The note on the history entry of a finding the audit had resolved and finds again. */
export const REOPENED_BY_AUDIT_NOTE = 'Reopened: found again by the audit';

const STILL: Record<Finding['status'], string> = {
  open: 'open',
  disputed: 'disputed',
  credited: 'marked credited',
  resolved: 'marked resolved',
  dismissed: 'dismissed',
};

/** The history note of a decided finding found again with other money. */
function foundAgainNote(finding: Finding, draft: FindingDraft): string {
  const invoices = invoiceNumbersOf(draft.subject);
  const on =
    invoices.length === 0
      ? ''
      : ` on invoice${invoices.length === 1 ? '' : 's'} ${invoices.join(', ')}`;
  return `Found again at ${formatCents(draft.impact)} (was ${formatCents(finding.impact)})${on}; still ${STILL[finding.status]} as you left it: check whether the change belongs to your decision.`;
}

/**
 * Folds a run's drafts into the stored findings (`now` is an ISO 8601 UTC timestamp).
 *
 * - A draft with a known id refreshes that finding (severity, subject, message, impact,
 *   `lastSeenAt`) and keeps its status, history and dispute: a dismissed finding stays dismissed.
 *   Only a finding the audit itself resolved is reopened when found again. A finding the user
 *   decided on whose impact changed gets a history entry saying so (its status kept).
 * - A draft that continues a stored finding whose first month it moved back (an earlier month of
 *   the same problem imported later: {@link continuedFindings}) takes that finding's id, as a
 *   known id: a dismissed finding's money does not come back as a new open finding.
 * - A new id becomes an `open` finding.
 * - An `open` finding that was not found again becomes `resolved`, with a history entry; other
 *   statuses (disputed, credited, dismissed, resolved) are the user's and stay as they are.
 * - A finding of a rule in `notRun` (the run's `failedRules`) stays exactly as stored: a check
 *   that did not run has not seen the problem go away.
 */
export function mergeFindings(
  previous: readonly Finding[],
  fresh: readonly FindingDraft[],
  now: string,
  notRun: ReadonlySet<string> = new Set(),
): MergeResult {
  const continued = continuedFindings(previous, fresh);
  const drafts =
    continued.size === 0
      ? fresh
      : fresh.map((draft) => ({ ...draft, id: continued.get(draft.id) ?? draft.id }));
  const freshById = new Map(drafts.map((draft) => [draft.id, draft]));
  const findings: Finding[] = [];
  let updated = 0;
  let resolvedByAudit = 0;
  const known = new Set<string>();
  for (const finding of previous) {
    if (known.has(finding.id)) continue;
    known.add(finding.id);
    const draft = freshById.get(finding.id);
    if (draft !== undefined) {
      updated += 1;
      // Only the audit's own resolution is undone when the problem comes back; a user's is kept.
      const reopen =
        finding.status === 'resolved' &&
        finding.statusHistory.at(-1)?.note === RESOLVED_BY_AUDIT_NOTE;
      // A finding the user decided on, found again with other money (November overcharges like
      // October did): the status stays theirs, and its history says what changed, never silently.
      const changed =
        !reopen && finding.status !== 'open' && draft.impact !== finding.impact
          ? [{ status: finding.status, at: now, note: foundAgainNote(finding, draft) }]
          : [];
      findings.push({
        ...finding,
        ...(reopen
          ? {
              status: 'open' as const,
              statusHistory: [
                ...finding.statusHistory,
                { status: 'open' as const, at: now, note: REOPENED_BY_AUDIT_NOTE },
              ],
            }
          : changed.length > 0
            ? { statusHistory: [...finding.statusHistory, ...changed] }
            : {}),
        severity: draft.severity,
        subject: draft.subject,
        impact: draft.impact,
        message: draft.message,
        lastSeenAt: now,
      });
    } else if (finding.status === 'open' && !notRun.has(finding.ruleId)) {
      resolvedByAudit += 1;
      findings.push({
        ...finding,
        status: 'resolved',
        statusHistory: [
          ...finding.statusHistory,
          { status: 'resolved', at: now, note: RESOLVED_BY_AUDIT_NOTE },
        ],
      });
    } else {
      findings.push(finding);
    }
  }
  let added = 0;
  for (const draft of drafts) {
    if (known.has(draft.id)) continue;
    known.add(draft.id);
    added += 1;
    findings.push({
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
    });
  }
  return { findings, added, updated, resolvedByAudit, continued };
}
