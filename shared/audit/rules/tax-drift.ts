import { billSeries } from '../bill-series';
import type { InvoiceFacts } from '../context';
import { CATEGORY_CODE, addRef, money } from '../findings';
import {
  resolveSettings,
  type AuditRule,
  type ChargeRef,
  type FindingDraft,
  type SettingSpec,
} from '../rule';
import { invoiceDraft } from './invoice-draft';

const SETTINGS = [
  {
    key: 'points',
    label: 'Share above the usual by more than, in percentage points',
    unit: 'percent',
    default: 3,
  },
  {
    key: 'trailingInvoices',
    label: 'Invoices the usual share is taken from',
    unit: 'count',
    default: 6,
  },
] as const satisfies readonly SettingSpec[];

/**
 * An invoice's taxes and surcharges, and the charges they are levied on. The catalogue takes the
 * share "of charges": recurring, usage, one-time, equipment and third-party charges all carry tax
 * (a device bought carries sales tax). Credits, adjustments and late fees are left out: a one-off
 * credit or a fee would move the share without any tax being wrong.
 */
export interface TaxShare {
  /** Taxes plus surcharges, in cents. */
  taxes: number;
  /** The charges taxes are levied on, in cents. */
  base: number;
  /** Of which recurring and usage charges: an invoice with none of them has no share. */
  service: number;
}

/** Categories whose charges are the base taxes are a share of (see {@link TaxShare}). */
const TAXED_CODES: ReadonlySet<number | undefined> = new Set([
  CATEGORY_CODE.recurring,
  CATEGORY_CODE.usage,
  CATEGORY_CODE['one-time'],
  CATEGORY_CODE.equipment,
  CATEGORY_CODE['third-party'],
]);

/** The {@link TaxShare} of an invoice; `refs` receives its tax and surcharge lines. */
export function taxShareOf(facts: InvoiceFacts, refs?: ChargeRef[]): TaxShare {
  const tax = CATEGORY_CODE.tax;
  const surcharge = CATEGORY_CODE.surcharge;
  const recurring = CATEGORY_CODE.recurring;
  const usage = CATEGORY_CODE.usage;
  let service = 0;
  let taxes = 0;
  let base = 0;
  facts.blocks.forEach((block, position) => {
    const { category, amount } = block;
    for (let row = 0; row < block.count; row++) {
      const code = category[row];
      if (code === tax || code === surcharge) {
        taxes += amount[row] ?? 0;
        if (refs !== undefined) addRef(refs, facts, position, row);
      } else if (TAXED_CODES.has(code)) {
        base += amount[row] ?? 0;
        if (code === recurring || code === usage) service += amount[row] ?? 0;
      }
    }
  });
  return { taxes, base, service };
}

/** A share as a percent to two decimals: `18.25%`. */
function percentText(part: number, whole: number): string {
  return `${((part * 100) / whole).toFixed(2)}%`;
}

/**
 * Taxes and surcharges as a share of an invoice's charges (see {@link TaxShare}), above the
 * account's usual share (the same share over its previous unflagged invoices) by more than the
 * setting. A share below the usual is not money overbilled and is not reported. An invoice with no
 * recurring or usage charges has no share; an account needs one earlier invoice with a share
 * before any is judged. Impact: the excess, taxes − usual share × base (rounded half up).
 */
export const taxDriftRule: AuditRule = {
  id: 'tax-drift',
  title: 'Taxes and surcharges out of their usual share',
  description:
    'Taxes and surcharges as a share of the charges (recurring, usage, one-time, equipment, third-party), above the account’s usual share (its previous 6 unflagged invoices of the same kind taken together: bills of recurring charges, usage-only reports) by more than 3 percentage points. Impact: the excess over the usual share.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const trailing = Math.max(1, Math.round(settings.trailingInvoices));
    const drafts: FindingDraft[] = [];
    // A usage report beside the monthly bill is taxed by its own rules: each kind its own usual.
    for (const invoices of [...context.invoicesByAccount.values()].flatMap(billSeries)) {
      const baseline: TaxShare[] = [];
      for (const facts of invoices) {
        const share = taxShareOf(facts);
        // A bill of one-off charges alone (a move fee, a device) is taxed by its own rules.
        if (share.base <= 0 || share.service <= 0) continue;
        // Taxes netting to a refund are a one-off correction, not a share the account usually
        // pays: averaged in, a negative usual share made an ordinary bill's taxes an excess larger
        // than the taxes it bills. Such a bill is below any usual share, so never judged either.
        if (share.taxes < 0) continue;
        const previous = baseline.slice(-trailing);
        const usualTaxes = previous.reduce((sum, one) => sum + one.taxes, 0);
        const usualBase = previous.reduce((sum, one) => sum + one.base, 0);
        if (previous.length === 0 || usualBase <= 0) {
          baseline.push(share);
          continue;
        }
        // share − usual > points / 100, without dividing: both bases are positive.
        const crossed =
          (share.taxes * usualBase - usualTaxes * share.base) * 100 >
          settings.points * share.base * usualBase;
        if (!crossed) {
          baseline.push(share);
          continue;
        }
        // Never below nothing, so the excess is never more than the taxes billed.
        const expected = Math.max(
          0,
          Math.floor((2 * usualTaxes * share.base + usualBase) / (2 * usualBase)),
        );
        const excess = share.taxes - expected;
        if (excess <= 0) continue;
        const refs: ChargeRef[] = [];
        taxShareOf(facts, refs);
        const of = `over the previous ${previous.length} invoice${previous.length === 1 ? '' : 's'}`;
        const draft = invoiceDraft(
          this,
          facts,
          excess,
          `Invoice ${facts.invoice.invoiceNumber} bills ${money(share.taxes)} in taxes and surcharges, ${percentText(share.taxes, share.base)} of its ${money(share.base)} charges before taxes, against ${percentText(usualTaxes, usualBase)} ${of} (${money(expected)}): ${money(excess)} excess.`,
        );
        drafts.push({ ...draft, evidence: { ...draft.evidence, chargeRefs: refs } });
      }
    }
    return drafts;
  },
};
