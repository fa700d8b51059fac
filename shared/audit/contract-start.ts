import type { Contract } from '../model/contract';
import { cents } from '../money/cents';
import type { InvoiceFacts } from './context';
import { monthSpan } from './findings';
import { findingId, type FindingDraft } from './rule';

/** The bills of one contract's priced services that all came before it started. */
interface Unjudged {
  contract: Contract;
  services: Set<string>;
  invoices: Map<string, InvoiceFacts>;
}

/**
 * Contracts whose rate card judged no bill: every bill of every service it prices covers days
 * before its start. Either the start date is wrong (a year off, the term counted from another
 * day), or the contract is new and its first bill has not come: either way the rate check said
 * nothing about those services, and a silent check reads as a clean one.
 */
export class ContractsNotStarted {
  private readonly judged = new Set<string>();
  private readonly before = new Map<string, Unjudged>();

  /** A bill of a service priced by `contract`, with the share of its days before the start. */
  saw(contract: Contract, facts: InvoiceFacts, serviceKey: string, beforeShare: number): void {
    if (beforeShare < 1) {
      this.judged.add(contract.id);
      return;
    }
    let entry = this.before.get(contract.id);
    if (entry === undefined) {
      entry = { contract, services: new Set(), invoices: new Map() };
      this.before.set(contract.id, entry);
    }
    entry.services.add(`${facts.accountKey}|${serviceKey}`);
    entry.invoices.set(facts.invoice.id, facts);
  }

  /** One info finding per contract that judged nothing, claiming no money. */
  drafts(ruleId: string): FindingDraft[] {
    const drafts: FindingDraft[] = [];
    for (const [contractId, entry] of this.before) {
      if (this.judged.has(contractId)) continue;
      const bills = [...entry.invoices.values()].sort(
        (a, b) =>
          a.invoice.invoiceDate.localeCompare(b.invoice.invoiceDate) ||
          a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber),
      );
      const first = bills[0];
      const last = bills.at(-1);
      if (first === undefined || last === undefined) continue;
      const { contract } = entry;
      const count = entry.services.size;
      const services = count === 1 ? 'the service' : `all ${count} services`;
      const span =
        bills.length === 1
          ? `invoice ${first.invoice.invoiceNumber} (${first.month})`
          : monthSpan(first.month, last.month, bills.length);
      drafts.push({
        id: findingId(
          ruleId,
          contract.carrierId,
          last.invoice.accountNumber,
          `${contract.id}@before-start`,
          '',
        ),
        ruleId,
        severity: 'info',
        subject: {
          carrierId: contract.carrierId,
          accountNumber: last.invoice.accountNumber,
          invoiceNumber: last.invoice.invoiceNumber,
          period: last.month,
        },
        impact: cents(0),
        message: `${contract.name} starts on ${contract.startDate}, after every bill of ${services} its rate card prices (${span}): no bill has been checked against its rates. If the contract started earlier, correct its start date; otherwise bills for days from ${contract.startDate} on will be checked.`,
      });
    }
    return drafts;
  }
}
