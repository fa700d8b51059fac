import { missingCompanionOf } from '../../import/draft';
import { accountNumberKey } from '../../ids/keys';
import { ZERO_CENTS } from '../../money/cents';
import { findingId } from '../rule';
import { CATEGORY_CODE, monthSpan } from '../findings';
import type { Account } from '../../model';
import { accountKeyOf, byInvoiceDate, type InvoiceFacts, type RuleContext } from '../context';
import type { AuditRule, FindingDraft } from '../rule';

/** Whether an invoice charges anything recurring (a plan, a line, a circuit). */
function billsRecurring(facts: InvoiceFacts): boolean {
  return facts.blocks.some((block) => block.category.includes(CATEGORY_CODE.recurring));
}

/** An invoice billing lines on an account. */
interface AccountBill {
  facts: InvoiceFacts;
  /** The lines it bills on the account charge something recurring (a plan, a line, a circuit). */
  recurring: boolean;
}

/**
 * The invoices that bill lines on `account`, oldest first: its own, and those of another account
 * naming it on a line (an AT&T FAN's invoice over its BANs, an EDI 811 master account's over its
 * sub-accounts). Such an invoice bills the account's part of it as its own bill would; one that
 * does not name the account says nothing of it (it may be billed elsewhere that month).
 */
function expectedOn(context: RuleContext, account: Account): AccountBill[] {
  const own = context.invoicesByAccount.get(accountKeyOf(account.carrierId, account.accountNumber));
  const bills = (own ?? []).map((facts) => ({ facts, recurring: billsRecurring(facts) }));
  const naming = context.invoicesNaming(account.carrierId, account.accountNumber);
  if (naming.length === 0) return bills;
  const ids = new Set(bills.map(({ facts }) => facts.invoice.id));
  for (const { facts, categories } of naming) {
    if (ids.has(facts.invoice.id)) continue;
    bills.push({ facts, recurring: categories.has(CATEGORY_CODE.recurring) });
  }
  return bills.sort((a, b) => byInvoiceDate(a.facts, b.facts));
}

/** A month the account is billed in, as one service's check sees it. */
interface BilledMonth {
  facts: InvoiceFacts;
  /** An invoice of the month mentions the service. */
  mentioned: boolean;
  /** Every invoice of the month began before the service was activated (its install month). */
  partial: boolean;
}

/**
 * The months that are gaps, of `months` in date order (an account's invoices are kept so). Many
 * carriers bill the month a service was installed part-way through on the next bill, with the
 * first full month: that month is a gap only when the next month billed leaves the service out
 * too (a later bill naming it does not excuse both, and the finding keeps its first month).
 * Until the next bill comes, and once it names the service, the install month is no gap.
 */
function monthsMissing(months: readonly BilledMonth[]): InvoiceFacts[] {
  const missing: InvoiceFacts[] = [];
  months.forEach((month, i) => {
    if (month.mentioned) return;
    const next = months[i + 1];
    if (month.partial && (next === undefined || next.mentioned)) return;
    missing.push(month.facts);
  });
  return missing;
}

/**
 * Active inventory services that no invoice of their account mentions (its own, or a FAN's or
 * master account's billing lines on it): either the inventory is wrong (the service is gone) or
 * the carrier bills it elsewhere. One finding per service.
 */
export const notBilledRule: AuditRule = {
  id: 'not-billed',
  title: 'In the inventory, not billed',
  description:
    'An active inventory service that no invoice of its account mentions (in a charge line or its usage) in a month the account is billed (on its own invoices, or on another account’s that bill lines on it: an AT&T FAN’s over its BANs, an EDI 811 master account’s over its sub-accounts), for invoices covering days after its activation (the month it was installed part-way through counts only when the next bill leaves it out too). No money impact: an inventory gap.',
  severity: 'info',
  settings: [],
  check(context) {
    // Invoices that mention each service, by any of its keys (on any account of its carrier):
    // in a charge line, or in its usage (a Teams seat whose calls cost nothing this month).
    const billedOn = new Map<string, Set<string>>();
    const mention = (serviceId: string, invoiceId: string) => {
      const set = billedOn.get(serviceId) ?? new Set<string>();
      set.add(invoiceId);
      billedOn.set(serviceId, set);
    };
    for (const facts of context.invoices) {
      for (const charges of facts.services) {
        if (charges.service !== undefined) mention(charges.service.id, facts.invoice.id);
      }
    }
    for (const usage of context.snapshot.usage) {
      const facts =
        usage.invoiceId === undefined ? undefined : context.invoiceById.get(usage.invoiceId);
      if (facts === undefined) continue;
      const { carrierId, accountNumber } = facts.invoice;
      const service = context.matchService(carrierId, accountNumber, usage.serviceKey);
      if (service !== undefined) mention(service.id, facts.invoice.id);
    }
    const drafts: FindingDraft[] = [];
    for (const service of context.snapshot.services) {
      if (service.status !== 'active') continue;
      const account = context.accountById.get(service.accountId);
      if (account === undefined) continue;
      const invoices = expectedOn(context, account);
      if (invoices.length === 0) continue;
      const seen = billedOn.get(service.id);
      // Month by month: a month is a gap when no invoice of the account that month mentions the
      // service (a second bill of the month, a late fee's alone, mentions none of them). An
      // invoice still waiting for the file its lines are in (Verizon's AccountSummary read alone)
      // mentions no service yet: that is no gap in the inventory.
      const months = new Map<string, BilledMonth>();
      for (const { facts, recurring } of invoices) {
        const { activatedOn } = service;
        if (activatedOn !== undefined && facts.periodEnd < activatedOn) continue;
        if (missingCompanionOf(facts.invoice) !== null) continue;
        // A bill of no recurring charge (a Teams PSTN usage report, a late fee's own bill) lists
        // who used or owed something, not every service the account pays for.
        if (!recurring) continue;
        const month = months.get(facts.month) ?? { facts, mentioned: false, partial: true };
        month.mentioned ||= seen?.has(facts.invoice.id) === true;
        month.partial &&= activatedOn !== undefined && facts.periodStart < activatedOn;
        months.set(facts.month, month);
      }
      const missing = monthsMissing([...months.values()]);
      const first = missing[0];
      const last = missing[missing.length - 1];
      if (first === undefined || last === undefined) continue;
      const key = service.serviceKey ?? service.serviceIdRaw;
      const plan = service.plan === undefined ? '' : ` (${service.plan})`;
      // The account's lines billed on another account's invoices (a BAN's on its FAN's) say so.
      const payers = new Set(
        missing
          .map((facts) => facts.invoice.accountNumber)
          .filter((number) => accountNumberKey(number) !== accountNumberKey(account.accountNumber)),
      );
      const billedVia =
        payers.size === 0 ? '' : ` (billed on account ${[...payers].join(', ')}'s invoices)`;
      drafts.push({
        id: findingId(this.id, service.carrierId, account.accountNumber, key, first.month),
        ruleId: this.id,
        severity: this.severity,
        subject: {
          carrierId: service.carrierId,
          accountNumber: account.accountNumber,
          serviceKey: key,
          serviceIdRaw: service.serviceIdRaw,
          period: first.month,
        },
        impact: ZERO_CENTS,
        message: `${service.serviceIdRaw}${plan} is active in the inventory but on no invoice of account ${account.accountNumber}${billedVia} on ${monthSpan(first.month, last.month, missing.length)}.`,
        evidence: { serviceId: service.id },
      });
    }
    return drafts;
  },
};
