/**
 * A finding's id ends with its first month (`rule|carrier|account|subject|2026-05`). When an
 * earlier month with the same problem is imported later (April's bill, overbilled like May's),
 * the finding now starts in April and its id changes: read as a new finding, it came back open
 * with the money the user had dismissed. This module tells which fresh findings continue a
 * stored one, so the stored finding (its id, status and history) carries on.
 */
import { invoiceNumbersOf, type FindingSubject } from '../model';

/** What {@link continuedFindings} reads of a finding, stored or fresh. */
export interface FindingIdentity {
  id: string;
  subject: FindingSubject;
}

/** `rule|carrier|account|subject` and the first month, split off an id. */
function splitId(id: string): { lineage: string; period: string } {
  const cut = id.lastIndexOf('|');
  return { lineage: id.slice(0, cut), period: id.slice(cut + 1) };
}

/**
 * Fresh id → the id of the stored finding it continues. A fresh finding continues a stored one
 * when it is new (no stored finding has its id), the stored one is not found again under its own
 * id, and both have the same rule and subject (their ids differ only in the first month), and:
 * the stored one names invoices and the fresh one still covers one of them (a month imported
 * before them, or the first of them deleted), or the stored one names a service and no invoice
 * and the fresh one starts earlier (a month imported before it). Findings of one subject that
 * stand one per month (a missing invoice per cycle, a commitment per contract year, a notice per
 * deadline) name no service nor invoice and never continue each other. Of several stored
 * findings, the earliest that qualifies is continued; each by one fresh finding at most.
 */
export function continuedFindings(
  stored: readonly FindingIdentity[],
  fresh: readonly FindingIdentity[],
): Map<string, string> {
  const storedIds = new Set(stored.map((finding) => finding.id));
  const freshIds = new Set(fresh.map((finding) => finding.id));
  // Lineage → stored findings not found again, earliest first month first.
  const waiting = new Map<string, { finding: FindingIdentity; period: string }[]>();
  for (const finding of stored) {
    if (freshIds.has(finding.id) || !namesItsSubject(finding.subject)) continue;
    const { lineage, period } = splitId(finding.id);
    const list = waiting.get(lineage) ?? [];
    waiting.set(lineage, list);
    list.push({ finding, period });
  }
  for (const list of waiting.values()) list.sort((a, b) => a.period.localeCompare(b.period));
  const continued = new Map<string, string>();
  const taken = new Set<string>();
  for (const draft of fresh) {
    if (storedIds.has(draft.id)) continue;
    const { lineage, period } = splitId(draft.id);
    const candidate = waiting
      .get(lineage)
      ?.find(
        ({ finding, period: from }) =>
          !taken.has(finding.id) && continues(draft.subject, period, finding.subject, from),
      );
    if (candidate === undefined) continue;
    taken.add(candidate.finding.id);
    continued.set(draft.id, candidate.finding.id);
  }
  return continued;
}

/** Whether a finding is about one service or named invoices (not a month of an account). */
function namesItsSubject(subject: FindingSubject): boolean {
  return subject.serviceKey !== undefined || invoiceNumbersOf(subject).length > 0;
}

/** Whether a fresh finding starting in `period` carries on a stored one starting in `from`. */
function continues(
  fresh: FindingSubject,
  period: string,
  stored: FindingSubject,
  from: string,
): boolean {
  const storedInvoices = invoiceNumbersOf(stored);
  if (storedInvoices.length === 0) return from > period;
  const invoices = new Set(invoiceNumbersOf(fresh));
  return storedInvoices.some((number) => invoices.has(number));
}
