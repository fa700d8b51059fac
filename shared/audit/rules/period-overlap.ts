import { daysBetween } from '../../dates/iso-date';
import type { InvoiceFacts } from '../context';
import { CATEGORY_CODE, addRef, isPriceDiscount, money } from '../findings';
import {
  resolveSettings,
  type AuditRule,
  type ChargeRef,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import { invoiceDraft } from './invoice-draft';

const SETTINGS = [
  { key: 'minimumDays', label: 'Days of overlap that count', unit: 'days', default: 1 },
] as const satisfies readonly SettingSpec[];

/**
 * Two invoices of one account whose stated billing periods overlap. The later invoice carries the
 * finding; its impact is its charges that cover days, pro-rated to the overlapping days (see
 * {@link chargesByDay}). Invoices without a stated start are skipped (their period is only
 * estimated), and whole-invoice copies are left to `duplicate-invoice`. The finding names the lines
 * it pro-rates, so money at stake takes a line once when another finding (a charge billed twice)
 * claims it too.
 */
export const periodOverlapRule: AuditRule = {
  id: 'period-overlap',
  title: 'Billing periods overlap',
  description:
    'Two invoices of one account whose billing periods overlap. Impact: the later invoice’s charges that cover days (recurring charges and discounts, with the taxes and surcharges billed with them) for the overlapping days, pro-rated; one-time charges, equipment, usage and fees are not billed by the day and are left out.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const drafts: FindingDraft[] = [];
    // Whole-invoice copies are not in `invoicesByAccount`: they are duplicate-invoice's finding.
    for (const invoices of context.invoicesByAccount.values()) {
      const stated = invoices
        .filter(
          (facts) =>
            facts.invoice.periodStart !== undefined && facts.invoice.periodEnd !== undefined,
        )
        .sort(
          (a, b) =>
            a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd),
        );
      let reach: InvoiceFacts | undefined;
      for (const facts of stated) {
        if (reach !== undefined && facts.periodStart <= reach.periodEnd) {
          const end = facts.periodEnd < reach.periodEnd ? facts.periodEnd : reach.periodEnd;
          const overlapDays = daysBetween(facts.periodStart, end) + 1;
          const periodDays = daysBetween(facts.periodStart, facts.periodEnd) + 1;
          if (overlapDays >= settings.minimumDays) {
            const byDay = chargesByDay(facts);
            const impact = Math.max(0, Math.round((byDay.amount * overlapDays) / periodDays));
            const share =
              byDay.amount === facts.total
                ? `of its ${money(facts.total)}`
                : `of its ${money(byDay.amount)} of charges that cover days (recurring, taxes and surcharges; the other ${money(facts.total - byDay.amount)} of its ${money(facts.total)} — one-time, equipment, usage, fees — is not billed by the day)`;
            const message = `Invoice ${facts.invoice.invoiceNumber} (${facts.periodStart} to ${facts.periodEnd}) overlaps invoice ${reach.invoice.invoiceNumber} (${reach.periodStart} to ${reach.periodEnd}) by ${overlapDays} day${overlapDays === 1 ? '' : 's'}: ${money(impact)} ${share} covers days already billed.`;
            const draft = invoiceDraft(this, facts, impact, message);
            drafts.push(
              byDay.refs.length === 0
                ? draft
                : { ...draft, evidence: { ...draft.evidence, chargeRefs: byDay.refs } },
            );
          }
        }
        if (reach === undefined || facts.periodEnd > reach.periodEnd) reach = facts;
      }
    }
    return drafts;
  },
};

/**
 * The charges of an invoice that cover days, and their lines: recurring charges and the discount
 * credits on them, and — when there is a recurring charge — the taxes and surcharges billed with
 * them. One-time charges and equipment are bought once, usage happened on days the bill does not
 * say, and late fees and other credits are not for a period: none of them can be placed on the
 * overlapping days.
 */
function chargesByDay(facts: InvoiceFacts): { amount: number; refs: ChargeRef[] } {
  const { recurring, credit, tax, surcharge } = CATEGORY_CODE;
  let amount = 0;
  let hasRecurring = false;
  const refs: ChargeRef[] = [];
  const levies: { value: number; position: number; row: number }[] = [];
  facts.blocks.forEach((block, position) => {
    for (let row = 0; row < block.count; row++) {
      const category = block.category[row];
      const value = block.amount[row] ?? 0;
      if (category === tax || category === surcharge) {
        levies.push({ value, position, row });
        continue;
      }
      const discount = category === credit && isPriceDiscount(block.description[row] ?? '');
      if (category !== recurring && !discount) continue;
      if (category === recurring) hasRecurring = true;
      amount += value;
      addRef(refs, facts, position, row);
    }
  });
  if (!hasRecurring) return { amount: 0, refs: [] };
  for (const levy of levies) {
    amount += levy.value;
    addRef(refs, facts, levy.position, levy.row);
  }
  return { amount, refs };
}
