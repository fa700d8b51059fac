/**
 * The approval policy: which invoices may be paid without a person looking at them.
 *
 * An invoice is approved by the policy when it has no unresolved error finding, is not above an
 * amount limit set for its account or carrier, and its billed amount is within the tolerance of
 * its expected amount: X % of the expected amount or Y dollars, whichever is larger. Everything
 * else is routed to review, with the reason. The expected amount is the inventory's expected
 * monthly cost of the account's services in service during the bill; else the account's own
 * expected monthly cost; else the average of the account's last N invoices before this one.
 *
 * A person's decision (approve, hold, review, pay) is never overridden, nor is an invoice already
 * written to a payment file re-decided: {@link applyApprovalDecision} returns null for those.
 */
import { AccountNumberIndex } from '../ids/account-numbers';
import type { IsoDate } from '../dates/iso-date';
import { formatCents, type Cents } from '../money/cents';
import { ruleTitleOf } from '../audit/rules';
import {
  invoiceNumbersOf,
  type ApprovalDecision,
  type ApprovalOutcome,
  type Carrier,
  type Finding,
  type Invoice,
} from '../model';
import {
  billedAmount,
  compareInvoices,
  expectedAmount,
  type ExpectedAccount,
  type ExpectedAmount,
  type ExpectedService,
} from './approval-expected';

export {
  billedAmount,
  expectedAmount,
  type ExpectedAmount,
  type ExpectedSource,
} from './approval-expected';

/** An amount above which an invoice of a carrier (or of one account) always needs review. */
export interface ApprovalLimit {
  carrierId: string;
  /** The account number as printed; absent for a limit on the whole carrier. */
  accountNumber?: string;
  /** Invoices billing more than this, in cents, need review. */
  limitCents: Cents;
}

/** The rules the user sets (Bills → Approval policy). */
export interface ApprovalPolicySettings {
  /** Off: the policy decides nothing (invoices wait for a person). */
  enabled: boolean;
  /** Tolerance in basis points of the expected amount (500 = 5 %). */
  toleranceBasisPoints: number;
  /** Tolerance in cents; the larger of the two applies. */
  toleranceCents: Cents;
  /** How many earlier invoices of the account the trailing average reads (when the inventory has no cost). */
  trailingInvoices: number;
  limits: ApprovalLimit[];
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicySettings = {
  enabled: true,
  toleranceBasisPoints: 500,
  toleranceCents: 2500 as Cents,
  trailingInvoices: 3,
  limits: [],
};

/** The rules of the policy, in the order they are tried. */
export const APPROVAL_RULES = [
  'open-finding',
  'amount-limit',
  'no-expected-amount',
  'within-tolerance',
  'outside-tolerance',
] as const;

/** See {@link APPROVAL_RULES}. */
export type ApprovalRuleId = (typeof APPROVAL_RULES)[number];

/** The policy's verdict on one invoice. */
export interface ApprovalEvaluation {
  invoiceId: string;
  outcome: ApprovalOutcome;
  rule: ApprovalRuleId;
  reason: string;
  expected: ExpectedAmount | null;
}

export interface ApprovalPolicyInput {
  invoices: readonly Invoice[];
  services: readonly ExpectedService[];
  accounts: readonly ExpectedAccount[];
  carriers: readonly Pick<Carrier, 'id' | 'name'>[];
  findings: readonly Pick<Finding, 'ruleId' | 'severity' | 'status' | 'subject'>[];
  settings: ApprovalPolicySettings;
}

/** The larger of the percent and the dollar tolerance around `expected`, in cents. */
export function toleranceOf(expected: Cents, settings: ApprovalPolicySettings): Cents {
  const percent = Math.round((Math.abs(expected) * settings.toleranceBasisPoints) / 10_000);
  return Math.max(percent, settings.toleranceCents) as Cents;
}

/** `5 %`, `2.5 %` from basis points. */
export function formatPercent(basisPoints: number): string {
  return `${String(basisPoints / 100)} %`;
}

function accountKey(carrierId: string, accountNumber: string): string {
  return `${carrierId}\u0000${accountNumber}`;
}

/** Evaluates every invoice (whoever decided it before); apply with {@link applyApprovalDecision}. */
export function evaluateApprovals(input: ApprovalPolicyInput): ApprovalEvaluation[] {
  const accounts = new Map(
    input.accounts.map((a) => [accountKey(a.carrierId, a.accountNumber), a]),
  );
  const servicesByAccount = groupBy(input.services, (service) => service.accountId);
  const carrierNames = new Map(input.carriers.map((carrier) => [carrier.id, carrier.name]));
  // Per invoice, the rules of its open or disputed error findings and whether each is disputed.
  const openErrors = new Map<string, Map<string, { open: boolean; disputed: boolean }>>();
  for (const finding of input.findings) {
    if (finding.severity !== 'error') continue;
    if (finding.status !== 'open' && finding.status !== 'disputed') continue;
    const { carrierId, accountNumber } = finding.subject;
    if (accountNumber === undefined) continue;
    // A finding over several months holds every invoice it covers, not only its first.
    for (const invoiceNumber of invoiceNumbersOf(finding.subject)) {
      const key = `${accountKey(carrierId, accountNumber)}\u0000${invoiceNumber}`;
      const rules = openErrors.get(key) ?? new Map<string, { open: boolean; disputed: boolean }>();
      const seen = rules.get(finding.ruleId) ?? { open: false, disputed: false };
      if (finding.status === 'open') seen.open = true;
      else seen.disputed = true;
      rules.set(finding.ruleId, seen);
      openErrors.set(key, rules);
    }
  }
  const history = groupBy(input.invoices, (invoice) =>
    accountKey(invoice.carrierId, invoice.accountNumber),
  );
  for (const list of history.values()) list.sort(compareInvoices);

  // The accounts an invoice's lines are billed on, by their printed number as the audit finds
  // them (punctuation, and the zeros a spreadsheet dropped from the inventory's, aside).
  const byNumber = new AccountNumberIndex<ExpectedAccount>();
  for (const a of input.accounts) byNumber.add(a.carrierId, a.accountNumber, a);
  /** The services an invoice bills: its account's, and those of the accounts its lines name. */
  const servicesOf = (invoice: Invoice, account: ExpectedAccount | undefined) => {
    const ids = new Set(account === undefined ? [] : [account.id]);
    for (const number of invoice.lineAccounts ?? []) {
      const billedOn = byNumber.find(invoice.carrierId, number);
      if (billedOn !== undefined) ids.add(billedOn.id);
    }
    return [...ids].flatMap((id) => servicesByAccount.get(id) ?? []);
  };

  return input.invoices.map((invoice): ApprovalEvaluation => {
    const key = accountKey(invoice.carrierId, invoice.accountNumber);
    const account = accounts.get(key);
    const expected = expectedAmount(
      invoice,
      account,
      servicesOf(invoice, account),
      history.get(key) ?? [],
      input.settings.trailingInvoices,
    );
    const base = { invoiceId: invoice.id, expected };
    const findings = openErrors.get(`${key}\u0000${invoice.invoiceNumber}`);
    if (findings !== undefined) {
      return {
        ...base,
        outcome: 'review',
        rule: 'open-finding',
        reason: openFindingsReason(findings),
      };
    }
    const billed = billedAmount(invoice);
    const limit = limitFor(invoice, input.settings.limits);
    if (limit !== undefined && billed > limit.limitCents) {
      const whose =
        limit.accountNumber === undefined
          ? (carrierNames.get(invoice.carrierId) ?? invoice.carrierId)
          : `account ${limit.accountNumber}`;
      return {
        ...base,
        outcome: 'review',
        rule: 'amount-limit',
        reason: `Above the ${formatCents(limit.limitCents)} limit for ${whose}`,
      };
    }
    if (expected === null) {
      return {
        ...base,
        outcome: 'review',
        rule: 'no-expected-amount',
        reason: 'No expected amount',
      };
    }
    // The inventory knows recurring costs only (taxes, usage and fees are not in it): its
    // expected amount is compared with the bill's recurring charges, everything else with the total.
    const recurringOnly = expected.source === 'inventory';
    const compared = recurringOnly ? (invoice.categoryTotals.recurring ?? 0) : billed;
    const what = recurringOnly ? 'Recurring charges' : 'Billed amount';
    const tolerance = toleranceOf(expected.amount, input.settings);
    const difference = Math.abs(compared - expected.amount);
    const percentWins =
      Math.round((Math.abs(expected.amount) * input.settings.toleranceBasisPoints) / 10_000) >=
      input.settings.toleranceCents;
    const within = percentWins
      ? formatPercent(input.settings.toleranceBasisPoints)
      : formatCents(input.settings.toleranceCents);
    const of = `expected ${formatCents(expected.amount)}${sourceNote(expected)}`;
    const over = compared > expected.amount ? 'above' : 'below';
    if (difference <= tolerance) {
      return {
        ...base,
        outcome: 'approve',
        rule: 'within-tolerance',
        reason: `${what} within ${within} of ${of}`,
      };
    }
    return {
      ...base,
      outcome: 'review',
      rule: 'outside-tolerance',
      reason: `${what} ${formatCents(difference as Cents)} ${over} ${of}: more than ${within}`,
    };
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return groups;
}

function sourceNote(expected: ExpectedAmount): string {
  if (expected.source === 'inventory') return ' (inventory)';
  if (expected.source === 'trailing-average') {
    const count = expected.invoiceCount ?? 0;
    return ` (average of the last ${count === 1 ? 'invoice' : `${count} invoices`})`;
  }
  return expected.source === 'account' ? ' (account)' : '';
}

/** The account's limit, else the carrier's. */
function limitFor(invoice: Invoice, limits: readonly ApprovalLimit[]): ApprovalLimit | undefined {
  return (
    limits.find(
      (limit) =>
        limit.carrierId === invoice.carrierId && limit.accountNumber === invoice.accountNumber,
    ) ??
    limits.find(
      (limit) => limit.carrierId === invoice.carrierId && limit.accountNumber === undefined,
    )
  );
}

/** Status the policy gives for each outcome. */
const POLICY_STATUS = { approve: 'approved', review: 'received' } as const;

/** Whether the policy may (re-)decide this invoice: nothing decided yet, or only the policy did. */
export function policyMayDecide(invoice: Invoice): boolean {
  if (invoice.exportedForPaymentAt !== undefined) return false;
  if (invoice.approval === undefined) return invoice.status === 'received';
  // A status the policy did not give (moved by a person, or by an older version) is a person's.
  return (
    invoice.approval.decidedBy === 'policy' &&
    invoice.status === POLICY_STATUS[invoice.approval.outcome]
  );
}

/**
 * The invoice with the policy's decision recorded (status, approval, a history step when the
 * status changes), or null when nothing changes or the policy may not decide it.
 */
export function applyApprovalDecision(
  invoice: Invoice,
  evaluation: ApprovalEvaluation,
  today: IsoDate,
  at: string,
): Invoice | null {
  if (!policyMayDecide(invoice)) return null;
  const status = POLICY_STATUS[evaluation.outcome];
  const previous = invoice.approval;
  if (
    previous !== undefined &&
    previous.outcome === evaluation.outcome &&
    previous.rule === evaluation.rule &&
    previous.reason === evaluation.reason &&
    invoice.status === status
  ) {
    return null;
  }
  const approval: ApprovalDecision = {
    decidedBy: 'policy',
    outcome: evaluation.outcome,
    rule: evaluation.rule,
    reason: evaluation.reason,
    decidedOn: today,
  };
  const history =
    invoice.status === status
      ? invoice.history
      : [...(invoice.history ?? []), { status, at, note: `Approval policy: ${evaluation.reason}` }];
  return { ...invoice, status, approval, ...(history === undefined ? {} : { history }) };
}

/**
 * The policy over a whole ledger: the invoices it changes, ready to store. Empty when the policy
 * is switched off.
 */
export function runApprovalPolicy(
  input: ApprovalPolicyInput,
  today: IsoDate,
  at: string,
): Invoice[] {
  if (!input.settings.enabled) return [];
  const byId = new Map(input.invoices.map((invoice) => [invoice.id, invoice]));
  const changed: Invoice[] = [];
  for (const evaluation of evaluateApprovals(input)) {
    const invoice = byId.get(evaluation.invoiceId);
    if (invoice === undefined) continue;
    const updated = applyApprovalDecision(invoice, evaluation, today, at);
    if (updated !== null) changed.push(updated);
  }
  return changed;
}

/** The record of a person's decision, for a manual status change. */
export function personDecision(
  status: Invoice['status'],
  today: IsoDate,
  note: string,
): ApprovalDecision {
  const outcome: ApprovalOutcome =
    status === 'approved' || status === 'paid' ? 'approve' : 'review';
  const label =
    status === 'on-hold'
      ? 'Put on hold'
      : status === 'paid'
        ? 'Marked paid'
        : status === 'approved'
          ? 'Approved'
          : status === 'reviewed'
            ? 'Marked reviewed'
            : 'Sent back to received';
  return {
    decidedBy: 'person',
    outcome,
    rule: 'person',
    reason: note.trim() === '' ? label : `${label}: ${note.trim()}`,
    decidedOn: today,
  };
}

/**
 * Why open or disputed error findings hold an invoice, by the checks' titles: `Open finding:
 * Billed above the contract rate`, `Disputed findings: …`, or both kinds, each disputed one said.
 */
function openFindingsReason(
  rules: ReadonlyMap<string, { open: boolean; disputed: boolean }>,
): string {
  const entries = [...rules];
  const many = entries.length === 1 ? '' : 's';
  const titles = (mark: boolean) =>
    entries
      .map(([ruleId, { open }]) => `${ruleTitleOf(ruleId)}${mark && !open ? ' (disputed)' : ''}`)
      .join(', ');
  if (entries.every(([, seen]) => !seen.disputed)) return `Open finding${many}: ${titles(false)}`;
  if (entries.every(([, seen]) => !seen.open)) return `Disputed finding${many}: ${titles(false)}`;
  return `Open or disputed finding${many}: ${titles(true)}`;
}
