/**
 * A finding the user decided about (disputed, credited, dismissed, resolved) whose problem the
 * checks find again with other money: November's bill overcharges like October's did. Its id comes
 * from the rule's first month, so the run hands it back as one draft for both months. The user's
 * decision covers only the money they decided on: that part stays with its status and amount (a
 * dispute still claims what it claimed), and money found since is its own `open` finding, a
 * "continuation" (`<id>|more-2`, `|more-3`…), so it can be disputed or not. Money found less (a
 * credit on a later bill, a bill deleted) lowers the decided finding, with a history entry. Each
 * dollar stays counted once: the family's impacts add up to the draft's.
 */
import { invoiceNumbersOf, type Finding, type FindingStatus, type StatusChange } from '../model';
import { cents, formatCents, sumCents, type Cents } from '../money/cents';
import type { FindingDraft, FindingEvidence, LineClaims } from './rule';

/** A finding as the merge handles it: with the rule's evidence when it has some. */
export type MergedFinding = Finding & { evidence?: FindingEvidence };

/** The note on the history entry of a finding the audit no longer finds. */
export const RESOLVED_BY_AUDIT_NOTE = 'Resolved: no longer found by the audit';

/** The note on the history entry of a finding the audit had resolved and finds again. */
export const REOPENED_BY_AUDIT_NOTE = 'Reopened: found again by the audit';

const CONTINUATION = '|more-';

/** The id of the finding a continuation carries on from; undefined for any other id. */
export function continuedFrom(id: string): string | undefined {
  const at = id.lastIndexOf(CONTINUATION);
  return at > 0 && /^\d+$/.test(id.slice(at + CONTINUATION.length)) ? id.slice(0, at) : undefined;
}

/** Whether the audit itself resolved this finding (it reopens it when the problem comes back). */
export function resolvedByAudit(finding: Pick<Finding, 'status' | 'statusHistory'>): boolean {
  return (
    finding.status === 'resolved' && finding.statusHistory.at(-1)?.note === RESOLVED_BY_AUDIT_NOTE
  );
}

/** Whether the status is the user's decision (the audit never stretches it over new money). */
export function decidedByUser(finding: Pick<Finding, 'status' | 'statusHistory'>): boolean {
  return finding.status !== 'open' && !resolvedByAudit(finding);
}

const DECIDED_WORDS: Record<FindingStatus, string> = {
  open: 'open',
  disputed: 'disputed',
  credited: 'credited',
  resolved: 'marked resolved',
  dismissed: 'dismissed',
};

/**
 * Folds one draft into its family: the stored finding of its id and its continuations (oldest
 * first). Returns the family as it is now, with any new continuation at the end.
 */
export function mergeFamily(
  family: readonly MergedFinding[],
  draft: FindingDraft,
  now: string,
): MergedFinding[] {
  const [base, ...rest] = family;
  if (base === undefined) return [];
  const decided = family.filter(decidedByUser);
  if (decided.length === 0 && rest.length === 0) return [refreshed(base, draft, now)];
  const decidedSum = sumCents(decided.map((f) => f.impact));
  if (rest.length === 0 && draft.impact <= decidedSum)
    return [shrunk(refreshed(base, draft, now), base.impact, now)];
  const remainder = draft.impact - decidedSum;
  // One member carries the money no decision covers: the first one not decided, else a new one.
  const carrier = family.find((f) => !decidedByUser(f));
  const result: MergedFinding[] = [];
  let shortfall = Math.max(0, -remainder);
  // Money found less comes off the newest decision first.
  for (const finding of [...family].reverse()) {
    if (finding === carrier) {
      result.unshift(carried(finding, draft, decided, remainder, now));
    } else if (decidedByUser(finding)) {
      const cut = Math.min(shortfall, finding.impact);
      shortfall -= cut;
      const kept = { ...finding, lastSeenAt: now };
      result.unshift(
        cut > 0
          ? shrunk({ ...kept, impact: cents(finding.impact - cut) }, finding.impact, now)
          : kept,
      );
    } else {
      // A second undecided member (a dispute denied meanwhile): the carrier counts its money.
      result.unshift(finding.status === 'open' ? resolvedNow(finding, now) : finding);
    }
  }
  if (carrier === undefined && remainder > 0) {
    const opened = continuation(base, family.length + 1, draft, decided, remainder, now);
    result.push(opened);
    // The decided finding says the money was found and where it went.
    const last = decided.at(-1);
    const index = last === undefined ? -1 : result.findIndex((f) => f.id === last.id);
    const target = result[index];
    if (target !== undefined)
      result[index] = withEntry(
        target,
        `${formatCents(cents(remainder))} more found${onInvoices(opened)}: not part of this ${DECIDED_WORDS[target.status]} ${formatCents(target.impact)}${target.disputeId === undefined ? '' : ', which its dispute still claims'}; it is open on its own`,
        now,
      );
  }
  return result;
}

/** The finding with the draft's figures, reopened when the audit had resolved it. */
function refreshed(finding: MergedFinding, draft: FindingDraft, now: string): MergedFinding {
  const reopen = resolvedByAudit(finding);
  return {
    ...finding,
    ...(reopen
      ? {
          status: 'open' as const,
          statusHistory: [
            ...finding.statusHistory,
            { status: 'open' as const, at: now, note: REOPENED_BY_AUDIT_NOTE },
          ],
        }
      : {}),
    severity: draft.severity,
    subject: draft.subject,
    impact: draft.impact,
    message: draft.message,
    lastSeenAt: now,
    ...(draft.evidence === undefined ? {} : { evidence: draft.evidence }),
  };
}

/** A decided finding found at less than before, with a history entry saying so (status kept). */
function shrunk(finding: MergedFinding, before: Cents, now: string): MergedFinding {
  if (finding.impact >= before) return finding;
  const claim = finding.disputeId === undefined ? '' : '; its dispute still claims what it claimed';
  return withEntry(
    finding,
    `Now ${formatCents(finding.impact)} (was ${formatCents(before)}): the checks find ${formatCents(cents(before - finding.impact))} less (a credit on a bill, or a bill removed)${claim}`,
    now,
  );
}

/** The undecided member carrying the money no decision covers, or resolved when there is none. */
function carried(
  finding: MergedFinding,
  draft: FindingDraft,
  decided: readonly MergedFinding[],
  remainder: number,
  now: string,
): MergedFinding {
  if (remainder <= 0) return finding.status === 'open' ? resolvedNow(finding, now) : finding;
  // No decision left in the family (its dispute denied): the carrier is the whole finding again.
  if (decided.length === 0) return refreshed(finding, draft, now);
  const part = partOf(draft, decided, remainder);
  return { ...refreshed(finding, draft, now), ...part };
}

/** A new open finding for money found since the user decided about the rest. */
function continuation(
  base: MergedFinding,
  n: number,
  draft: FindingDraft,
  decided: readonly MergedFinding[],
  remainder: number,
  now: string,
): MergedFinding {
  const part = partOf(draft, decided, remainder);
  return {
    id: `${base.id}${CONTINUATION}${n}`,
    ruleId: draft.ruleId,
    severity: draft.severity,
    status: 'open',
    statusHistory: [
      {
        status: 'open',
        at: now,
        note: `Found since ${formatCents(sumCents(decided.map((f) => f.impact)))} of it was decided on; that part keeps its status`,
      },
    ],
    firstSeenAt: now,
    lastSeenAt: now,
    ...part,
  };
}

/** The subject, impact, message and evidence of the money no decision covers. */
function partOf(
  draft: FindingDraft,
  decided: readonly MergedFinding[],
  remainder: number,
): Pick<MergedFinding, 'subject' | 'impact' | 'message' | 'evidence'> {
  const decidedInvoices = new Set(decided.flatMap((f) => invoiceNumbersOf(f.subject)));
  const newInvoices = invoiceNumbersOf(draft.subject).filter((n) => !decidedInvoices.has(n));
  const { invoiceNumbers: _all, ...single } = draft.subject;
  const subject =
    newInvoices.length === 0
      ? draft.subject
      : {
          ...single,
          invoiceNumber: newInvoices[0],
          ...(newInvoices.length > 1 ? { invoiceNumbers: newInvoices } : {}),
        };
  const words = decided.map((f) => `${formatCents(f.impact)} ${DECIDED_WORDS[f.status]}`);
  const evidence = evidenceLeft(draft.evidence, decided);
  return {
    subject,
    impact: cents(remainder),
    message: `${formatCents(cents(remainder))} found since the rest was decided on (${words.join(', ')}; that stays as it is). ${draft.message}`,
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/** The draft's evidence without the charge lines the decided findings already claim. */
function evidenceLeft(
  evidence: FindingEvidence | undefined,
  decided: readonly MergedFinding[],
): FindingEvidence | undefined {
  if (evidence === undefined) return undefined;
  const taken = new Set(decided.flatMap((f) => lineKeys(f.evidence)));
  const { claims, chargeRefs, chargeLineCount: _count, ...rest } = evidence;
  const refs = chargeRefs?.filter((r) => !taken.has(`${r.invoiceId}|${r.blockIndex}|${r.row}`));
  const left: FindingEvidence = { ...rest, ...(refs === undefined ? {} : { chargeRefs: refs }) };
  if (claims === undefined) return left;
  const invoiceIds: string[] = [];
  const lines: number[] = [];
  for (let i = 0; i + 3 < claims.lines.length; i += 4) {
    const invoiceId = claims.invoiceIds[claims.lines[i] ?? 0] ?? '';
    const [block = 0, row = 0, claim = 0] = claims.lines.slice(i + 1, i + 4);
    if (taken.has(`${invoiceId}|${block}|${row}`)) continue;
    let index = invoiceIds.indexOf(invoiceId);
    if (index < 0) index = invoiceIds.push(invoiceId) - 1;
    lines.push(index, block, row, claim);
  }
  return lines.length === 0 ? left : { ...left, claims: { invoiceIds, lines } };
}

function lineKeys(evidence: FindingEvidence | undefined): string[] {
  const claims: LineClaims | undefined = evidence?.claims;
  if (claims === undefined)
    return (evidence?.chargeRefs ?? []).map((r) => `${r.invoiceId}|${r.blockIndex}|${r.row}`);
  const keys: string[] = [];
  for (let i = 0; i + 3 < claims.lines.length; i += 4)
    keys.push(
      `${claims.invoiceIds[claims.lines[i] ?? 0] ?? ''}|${claims.lines[i + 1] ?? 0}|${claims.lines[i + 2] ?? 0}`,
    );
  return keys;
}

function onInvoices(finding: MergedFinding): string {
  const numbers = invoiceNumbersOf(finding.subject);
  if (numbers.length === 0) return '';
  return ` on ${numbers.length === 1 ? 'invoice' : 'invoices'} ${numbers.join(', ')}`;
}

/** An open finding the audit no longer finds, resolved with its history entry. */
export function resolvedNow<F extends Finding>(finding: F, now: string): F {
  return {
    ...finding,
    status: 'resolved',
    statusHistory: [
      ...finding.statusHistory,
      { status: 'resolved', at: now, note: RESOLVED_BY_AUDIT_NOTE },
    ],
  };
}

/** The note on a decided finding's history when the checks no longer find its problem. */
export const NOT_FOUND_NOTE =
  'No longer found by the checks (a credit on a bill, or a bill removed); status and amount kept as decided';

/**
 * Whether a decided finding (not one the user resolved) that the run did not find should say so
 * in its history: once, and never for a rule that did not run.
 */
export function notFoundToSay(
  finding: Pick<Finding, 'status' | 'statusHistory' | 'ruleId'>,
  notRun: ReadonlySet<string>,
): boolean {
  return (
    decidedByUser(finding) &&
    finding.status !== 'resolved' &&
    !notRun.has(finding.ruleId) &&
    finding.statusHistory.at(-1)?.note !== NOT_FOUND_NOTE
  );
}

/** The decided finding with the history entry saying the checks no longer find it. */
export function notFoundSaid<F extends Finding>(finding: F, now: string): F {
  return withEntry(finding, NOT_FOUND_NOTE, now);
}

/** The finding with a history entry that keeps its status and says what changed. */
function withEntry<F extends Finding>(finding: F, note: string, at: string): F {
  const entry: StatusChange = { status: finding.status, at, note };
  return { ...finding, statusHistory: [...finding.statusHistory, entry] };
}
