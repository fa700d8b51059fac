/**
 * Money at stake counts each dollar once (catalogue: "Money at stake"). Findings overlap: a circuit
 * at a closed store billed after its contract expired is both `closed-site` (every charge) and
 * `out-of-contract` (the part above the last contracted rate) on the same charge lines. Adding
 * their impacts would count those dollars twice.
 *
 * So each finding's impact is first shared among the charge lines behind it (its "claims", kept
 * with the finding), and a set of findings then gives every shared line to one claim only: the
 * largest. Claims only say how many cents of a line a finding takes, not which, so two claims on
 * one line are taken to hold the same cents, except the parts above a rate (see
 * {@link PRICE_PART_RULES}), which are built never to, and add up as one claim. The findings that
 * do not hold a line keep their impact less what they claimed on it. Impact not tied to a line (an
 * invoice's wrong total, the unexplained part of a spike, lines beyond the evidence cap) is its
 * finding's alone.
 */
import { impactKindOf, isOutstanding, type FindingStatus } from '../model';
import { cents, splitLargestRemainder, type Cents } from '../money/cents';
import type { InvoiceFacts } from './context';
import { MAX_CHARGE_REFS, type ChargeRef, type FindingDraft, type LineClaims } from './rule';
import { blockAt } from '../storage/charge-blocks';

/**
 * The rules whose findings claim whole charge lines (every cent of the line is the error); the
 * others (a rate difference, the part above a contract rate) claim part of each line.
 */
const WHOLE_LINE_RULES: ReadonlySet<string> = new Set([
  'billed-after-disconnect',
  'closed-site',
  'duplicate-charge',
  'late-fee',
  'nrc-recurring',
  'nrc-unexpected',
  'overage',
  'third-party',
  'unknown-service',
]);

/**
 * The rules claiming the part of a line above a rate or a usual share. Their parts of one line
 * never hold the same cents: of a bill running past a contract's end, rate-mismatch claims the
 * days inside the term and out-of-contract the days after it (see `excessBeyond` in boundary-prices.ts), and tax-drift
 * claims tax lines neither of them does. Taking only the larger would drop the other's cents, so
 * on a line they add up, as one claim (the spike check adds them up the same way).
 */
export const PRICE_PART_RULES: ReadonlySet<string> = new Set([
  'rate-mismatch',
  'out-of-contract',
  'tax-drift',
]);

/**
 * What each charge line of a finding carries of its impact, in cents, in the order of its
 * `chargeRefs`: a whole-line rule's lines carry their amounts; otherwise the impact is shared by
 * the lines' amounts (a rate difference spread over the months' recurring charges). No line
 * carries more than its amount, so a claim never exceeds what was billed on it. Undefined when
 * the finding names no line or claims nothing.
 */
export function lineClaims(
  draft: FindingDraft,
  invoiceById: ReadonlyMap<string, InvoiceFacts>,
): number[] | undefined {
  const refs = draft.evidence?.chargeRefs ?? [];
  if (refs.length === 0 || draft.impact <= 0) return undefined;
  const amounts = refs.map((ref) => Math.max(0, amountAt(ref, invoiceById)));
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  if (total === 0) return undefined;
  if (WHOLE_LINE_RULES.has(draft.ruleId) || total <= draft.impact) return amounts;
  return splitLargestRemainder(cents(draft.impact), amounts).map(Number);
}

function amountAt(ref: ChargeRef, invoiceById: ReadonlyMap<string, InvoiceFacts>): number {
  const facts = invoiceById.get(ref.invoiceId);
  return facts === undefined ? 0 : (blockAt(facts.blocks, ref.blockIndex)?.amount[ref.row] ?? 0);
}

/**
 * Packs a finding's claims (see {@link LineClaims}): `claims[i]` cents on `refs[i]`. A rule that
 * knows what each line carries (a price above the rate that differs month by month) packs them
 * itself; the run keeps them (see {@link withLineClaims}).
 */
export function packClaims(refs: readonly ChargeRef[], claims: readonly number[]): LineClaims {
  const invoiceIds: string[] = [];
  const indexOf = new Map<string, number>();
  const lines: number[] = [];
  refs.forEach((ref, i) => {
    const claim = claims[i] ?? 0;
    if (claim <= 0) return;
    let index = indexOf.get(ref.invoiceId);
    if (index === undefined) {
      index = invoiceIds.push(ref.invoiceId) - 1;
      indexOf.set(ref.invoiceId, index);
    }
    lines.push(index, ref.blockIndex, ref.row, claim);
  });
  return { invoiceIds, lines };
}

/**
 * The drafts as the run hands them on: every line's claim noted (see {@link lineClaims}; the
 * rule's own claims where it gave them), and the charge lines kept for the finding capped at
 * {@link MAX_CHARGE_REFS}, with how many there were when more.
 */
export function withLineClaims(
  drafts: readonly FindingDraft[],
  invoiceById: ReadonlyMap<string, InvoiceFacts>,
): FindingDraft[] {
  return drafts.map((draft) => {
    const refs = draft.evidence?.chargeRefs;
    if (refs === undefined) return draft;
    // A rule that gave each line its claim knows better than a share by the lines' amounts.
    const claims =
      draft.evidence?.claims === undefined ? lineClaims(draft, invoiceById) : undefined;
    const evidence = {
      ...draft.evidence,
      chargeRefs: refs.slice(0, MAX_CHARGE_REFS),
      ...(refs.length > MAX_CHARGE_REFS ? { chargeLineCount: refs.length } : {}),
    };
    return {
      ...draft,
      evidence: claims === undefined ? evidence : { ...evidence, claims: packClaims(refs, claims) },
    };
  });
}

/** What {@link countOnce} reads of a finding. */
export interface ClaimingFinding {
  id: string;
  ruleId: string;
  impact: Cents;
  status: FindingStatus;
  /** The dispute the finding is in, if any. */
  disputeId?: string;
  evidence?: { claims?: LineClaims; disputeId?: string };
}

/** Two rules whose findings claim the same charge lines, and the cents counted once instead of twice. */
export interface Overlap {
  /** The rule whose finding keeps the lines. */
  keptBy: string;
  /** The rule whose finding gives them up. */
  alsoClaimedBy: string;
  lines: number;
  cents: Cents;
}

/** What {@link countOnce} returns. */
export interface CountedOnce {
  /** Finding id → its impact less what other findings hold of it (never below 0). */
  counted: Map<string, Cents>;
  /** Sum of the impacts as each finding states it. */
  gross: Cents;
  /** Each dollar once: `gross` less the overlaps. */
  net: Cents;
  /** Where the difference comes from, largest first. */
  overlaps: Overlap[];
  /**
   * Charge line (`invoiceId|blockIndex|row`) → ids of the findings that hold it: one, or the
   * findings claiming the parts above a rate that hold it together.
   */
  holders: ReadonlyMap<string, readonly string[]>;
}

/**
 * Shares out the charge lines of the money-at-stake findings that are not dismissed (a dismissed
 * finding holds nothing; money at risk is a separate figure): each line to its largest claim (see
 * {@link holdersOf}). Any subset's money at stake is then the sum of its findings' `counted`: a
 * line held by a credited finding is not at stake again in an open one.
 */
export function countOnce(findings: readonly ClaimingFinding[]): CountedOnce {
  const taking = findings.filter(
    (f) => f.status !== 'dismissed' && impactKindOf(f.ruleId) === 'at-stake' && f.impact > 0,
  );
  const holder = holdersOf(taking);
  const counted = new Map<string, Cents>();
  const overlaps = new Map<string, Overlap>();
  let gross = 0;
  let net = 0;
  for (const finding of taking) {
    let given = 0;
    forEachClaim(finding, (key, claim) => {
      const held = holder.get(key);
      if (held === undefined || held.ids.includes(finding.id)) return;
      given += claim;
      noteOverlap(overlaps, held.keptBy, finding.ruleId, 1, claim);
    });
    const own = Math.max(0, finding.impact - given);
    counted.set(finding.id, cents(own));
    gross += finding.impact;
    net += own;
  }
  const holders = new Map([...holder].map(([key, held]) => [key, held.ids]));
  net -= countReminders(taking, counted, holders, overlaps);
  return {
    counted,
    holders,
    gross: cents(gross),
    net: cents(net),
    overlaps: [...overlaps.values()].sort(
      (a, b) => b.cents - a.cents || a.keptBy.localeCompare(b.keptBy),
    ),
  };
}

/** The claim holding a charge line: its findings' ids and the rule named as keeping the line. */
interface LineHolder {
  ids: string[];
  keptBy: string;
}

/** One claim on a charge line: what its findings claim of it, largest first, and their sum. */
interface LinePart {
  cents: number;
  members: { finding: ClaimingFinding; claim: number }[];
}

/**
 * Which claim holds each charge line: the largest (ties to the one naming the smallest finding
 * id, so the result never depends on order). A finding's claim on a line is one claim, and so are
 * the parts above a rate ({@link PRICE_PART_RULES}) added up; the holder's rule for the overlaps
 * is the one of its finding claiming the most.
 */
function holdersOf(taking: readonly ClaimingFinding[]): Map<string, LineHolder> {
  const parts = new Map<string, Map<string, LinePart>>();
  for (const finding of taking) {
    const partKey = PRICE_PART_RULES.has(finding.ruleId) ? '' : finding.id;
    forEachClaim(finding, (key, claim) => {
      const onLine = parts.get(key) ?? new Map<string, LinePart>();
      const part = onLine.get(partKey) ?? { cents: 0, members: [] };
      part.cents += claim;
      part.members.push({ finding, claim });
      parts.set(key, onLine.set(partKey, part));
    });
  }
  const smallestId = (part: LinePart) =>
    part.members.reduce(
      (id, member) => (member.finding.id < id ? member.finding.id : id),
      '\uffff',
    );
  const holders = new Map<string, LineHolder>();
  for (const [key, onLine] of parts) {
    const [best] = [...onLine.values()].sort(
      (a, b) => b.cents - a.cents || (smallestId(a) < smallestId(b) ? -1 : 1),
    );
    const members = [...(best?.members ?? [])].sort(
      (a, b) => b.claim - a.claim || (a.finding.id < b.finding.id ? -1 : 1),
    );
    const keeper = members[0]?.finding;
    if (keeper === undefined) continue;
    const ids = [...new Set(members.map((member) => member.finding.id))];
    holders.set(key, { ids, keptBy: keeper.ruleId });
  }
  return holders;
}

/**
 * A finding that a dispute's promised credit has not come (`credit-not-applied`, naming the
 * dispute in its evidence) asks again for the money of that dispute's findings: while they are
 * outstanding it counts only what their impact does not cover (counted by them, or by the
 * findings holding their lines), never the same dollars a second time. Takes it off `counted`,
 * notes the overlap, and returns the cents taken off.
 */
function countReminders(
  taking: readonly ClaimingFinding[],
  counted: Map<string, Cents>,
  holders: ReadonlyMap<string, readonly string[]>,
  overlaps: Map<string, Overlap>,
): number {
  const inDispute = new Map<string, ClaimingFinding[]>();
  for (const finding of taking) {
    if (finding.disputeId === undefined || !isOutstanding(finding)) continue;
    inDispute.set(finding.disputeId, [...(inDispute.get(finding.disputeId) ?? []), finding]);
  }
  let taken = 0;
  for (const reminder of taking) {
    const disputeId = reminder.evidence?.disputeId;
    const disputed = (disputeId === undefined ? undefined : inDispute.get(disputeId)) ?? [];
    const others = disputed.filter((finding) => finding !== reminder);
    const [keeper] = [...others].sort(
      (a, b) => (counted.get(b.id) ?? 0) - (counted.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1),
    );
    if (keeper === undefined) continue;
    // All of their impact is counted: what they do not count themselves, the finding holding
    // those lines does (a closed site's charges, the $5 above the rate included).
    const covered = others.reduce((sum, finding) => sum + finding.impact, 0);
    const own = counted.get(reminder.id) ?? 0;
    const given = Math.min(own, covered);
    if (given <= 0) continue;
    counted.set(reminder.id, cents(own - given));
    taken += given;
    const ids = new Set(others.map((finding) => finding.id));
    const lines = [...holders.values()].filter((held) => held.some((id) => ids.has(id))).length;
    noteOverlap(overlaps, keeper.ruleId, reminder.ruleId, lines, given);
  }
  return taken;
}

/** Adds `lines` and `amount` cents to the overlap of two rules in `overlaps`. */
function noteOverlap(
  overlaps: Map<string, Overlap>,
  keptBy: string,
  alsoClaimedBy: string,
  lines: number,
  amount: number,
): void {
  const pair = `${keptBy}\u0000${alsoClaimedBy}`;
  const overlap = overlaps.get(pair) ?? { keptBy, alsoClaimedBy, lines: 0, cents: cents(0) };
  overlap.lines += lines;
  overlap.cents = cents(overlap.cents + amount);
  overlaps.set(pair, overlap);
}

/** Calls `visit` with each charge line a finding claims (`invoiceId|blockIndex|row`) and its cents. */
export function forEachClaim(
  finding: Pick<ClaimingFinding, 'evidence'>,
  visit: (key: string, claim: number, ref: ChargeRef) => void,
) {
  const claims = finding.evidence?.claims;
  if (claims === undefined) return;
  const { invoiceIds, lines } = claims;
  for (let i = 0; i + 3 < lines.length; i += 4) {
    const claim = lines[i + 3] ?? 0;
    const ref = {
      invoiceId: invoiceIds[lines[i] ?? 0] ?? '',
      blockIndex: lines[i + 1] ?? 0,
      row: lines[i + 2] ?? 0,
    };
    if (claim > 0) visit(`${ref.invoiceId}|${ref.blockIndex}|${ref.row}`, claim, ref);
  }
}

/** One charge line a finding holds in money at stake, and the cents of it that are its claim. */
export interface HeldClaim extends ChargeRef {
  claim: Cents;
}

/**
 * The charge lines whose claim counts for this finding (all of them, beyond the evidence cap):
 * every line of its claims it holds, alone or with the other parts above a rate. Their claims add up to its counted impact
 * less what it claims off any line (see {@link claimParts}).
 */
export function heldClaims(
  counted: CountedOnce,
  finding: Pick<ClaimingFinding, 'id' | 'evidence'>,
): HeldClaim[] {
  const held: HeldClaim[] = [];
  forEachClaim(finding, (key, claim, ref) => {
    if (counted.holders.get(key)?.includes(finding.id) === true)
      held.push({ ...ref, claim: cents(claim) });
  });
  return held;
}

/**
 * What a finding adds to money at stake, each cent once: its counted impact; 0 when dismissed,
 * or when its money is at risk or an allocation gap (no money owed by the carrier). The Findings
 * page's "At stake" tile is the sum of this over the findings shown, and a dispute claims the sum
 * of it over its findings.
 */
export function atStakeCents(
  counted: CountedOnce,
  finding: Pick<ClaimingFinding, 'id' | 'ruleId' | 'impact' | 'status'>,
): Cents {
  return finding.status === 'dismissed' ? cents(0) : countedImpact(counted, finding);
}

/**
 * A finding's money at stake by charge line: the lines it holds with their claims, and the cents
 * tied to no line (an invoice's wrong total, the unexplained part of a spike). `exact` is false
 * when its line claims add up to more than it counts (a check that nets credits given back on
 * other lines): then which bill carries how much of it cannot be told from the claims.
 */
export function claimParts(
  counted: CountedOnce,
  finding: Pick<ClaimingFinding, 'id' | 'ruleId' | 'impact' | 'status' | 'evidence'>,
): { held: HeldClaim[]; notOnLines: Cents; exact: boolean } {
  const total = atStakeCents(counted, finding);
  if (total === 0) return { held: [], notOnLines: cents(0), exact: true };
  const held = heldClaims(counted, finding);
  const onLines = held.reduce((sum, line) => sum + line.claim, 0);
  return onLines <= total
    ? { held, notOnLines: cents(total - onLines), exact: true }
    : { held, notOnLines: cents(0), exact: false };
}

/** A finding's money at stake once overlaps are taken off: its `counted` share, else its impact. */
export function countedImpact(
  counted: CountedOnce,
  finding: Pick<ClaimingFinding, 'id' | 'ruleId' | 'impact'>,
): Cents {
  if (impactKindOf(finding.ruleId) !== 'at-stake') return cents(0);
  return counted.counted.get(finding.id) ?? finding.impact;
}
