import { addDays, addMonths, daysBetween, isIsoDate, type IsoDate } from '../../dates/iso-date';
import { CHARGE_CATEGORIES, type ChargeCategory } from '../../model';
import type { InvoiceFacts } from '../context';
import { CATEGORY_CODE, addRef, money } from '../findings';
import { isPriceDiscount } from '../recurring';
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
 * estimated), and so are invoices with no recurring charge (a credit memo, a supplemental bill of
 * one-time charges: see {@link billsByDay}); whole-invoice copies are left to `duplicate-invoice`. The finding names the lines
 * it pro-rates, so money at stake takes a line once when another finding (a charge billed twice)
 * claims it too.
 */
export const periodOverlapRule: AuditRule = {
  id: 'period-overlap',
  title: 'Billing periods overlap',
  description:
    'Two invoices of one account whose billing periods overlap. Impact: the later invoice’s charges that cover days (recurring charges and discounts of the services the earlier invoice charges too, with their share of the taxes and surcharges) for the overlapping days, pro-rated; one-time charges, equipment, usage, fees and credits are not billed by the day and are left out. A credit memo or a supplemental bill with no recurring charge bills no days: no finding.',
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
        // A credit memo, or a supplemental bill of one-time charges, bills no days: it neither
        // overlaps a bill nor is overlapped (there would be nothing at stake, only a $0.00 finding).
        if (!billsByDay(facts)) continue;
        if (
          reach !== undefined &&
          facts.periodStart <= reach.periodEnd &&
          !endsWhereNextStarts(reach, facts)
        ) {
          const end = facts.periodEnd < reach.periodEnd ? facts.periodEnd : reach.periodEnd;
          const overlapDays = daysBetween(facts.periodStart, end) + 1;
          const periodDays = daysBetween(facts.periodStart, facts.periodEnd) + 1;
          if (overlapDays >= settings.minimumDays) {
            const byDay = chargesByDay(facts, recurringKeys(reach), {
              share: overlapDays / periodDays,
              from: reach.periodStart,
              to: reach.periodEnd,
            });
            // Lines that state periods of their own, none of them on a day already billed (a
            // new line's part-month beside next month's charges): the bills do not overlap.
            if (byDay.ownPeriods && byDay.covered === 0) {
              if (reach === undefined || facts.periodEnd > reach.periodEnd) reach = facts;
              continue;
            }
            const impact = Math.max(
              0,
              Math.round(
                byDay.ownPeriods
                  ? byDay.matched === 0
                    ? 0
                    : (byDay.covered * byDay.amount) / byDay.matched
                  : (byDay.amount * overlapDays) / periodDays,
              ),
            );
            const others = byDay.otherServices;
            // What was left out, by the kinds of line actually on the bill.
            const kinds = byDay.otherKinds.join(', ');
            const share =
              byDay.amount === facts.total
                ? `of its ${money(facts.total)}`
                : others === 0
                  ? `of its ${money(byDay.amount)} of charges that cover days (recurring, taxes and surcharges; the other ${money(facts.total - byDay.amount)} of its ${money(facts.total)}${kinds === '' ? '' : ` — ${kinds} —`} is not billed by the day)`
                  : `of its ${money(byDay.amount)} of charges that cover days for services invoice ${reach.invoice.invoiceNumber} bills too (the other ${money(facts.total - byDay.amount)} of its ${money(facts.total)} — ${[`${others} service${others === 1 ? '' : 's'} not on invoice ${reach.invoice.invoiceNumber}`, ...byDay.otherKinds].join(', ')} — is not counted)`;
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
 * Whether `next` starts on the day `earlier` states as its end, and that end is written the way
 * some carriers write whole months, up to the same day of a later month ("Oct 1 – Nov 1", where
 * Nov 1 is the next period's first day, not a day billed twice): the bills follow each other.
 * Unless `next` writes its own whole months up to the day before ("Nov 1 – Nov 30"): a bill
 * that writes its days so says "Oct 1 – Nov 1" is 32 days, and 1 November is billed twice.
 */
function endsWhereNextStarts(earlier: InvoiceFacts, next: InvoiceFacts): boolean {
  if (next.periodStart !== earlier.periodEnd) return false;
  return wholeMonthsEndingOn(earlier, 0) && !wholeMonthsEndingOn(next, -1);
}

/**
 * Whether a bill's stated period is whole months (1 to 12) from its start to the same day of a
 * later month, moved by `days` (0: "Oct 1 – Nov 1"; −1: "Nov 1 – Nov 30").
 */
function wholeMonthsEndingOn(facts: InvoiceFacts, days: number): boolean {
  for (let months = 1; months <= 12; months++) {
    const end = addDays(addMonths(facts.periodStart, months), days);
    if (end === facts.periodEnd) return true;
    if (end > facts.periodEnd) return false;
  }
  return false;
}

/**
 * Whether an invoice bills days at all: a recurring charge above zero. A credit memo and a
 * supplemental bill of one-time charges state a period but bill none of its days.
 */
function billsByDay(facts: InvoiceFacts): boolean {
  for (const block of facts.blocks) {
    for (let row = 0; row < block.count; row++) {
      if (block.category[row] === CATEGORY_CODE.recurring && (block.amount[row] ?? 0) > 0)
        return true;
    }
  }
  return false;
}

/** How a message names the lines not billed by the day, by category. */
const NOT_BY_DAY: Readonly<Partial<Record<ChargeCategory, string>>> = {
  'one-time': 'one-time',
  equipment: 'equipment',
  usage: 'usage',
  'late-fee': 'late fees',
  'third-party': 'third-party charges',
  credit: 'credits',
  adjustment: 'adjustments',
};

/** The services (their match keys; `''` for account-level charges) an invoice bills by the day. */
function recurringKeys(facts: InvoiceFacts): Set<string> {
  const keys = new Set<string>();
  for (const block of facts.blocks) {
    for (let row = 0; row < block.count; row++) {
      if (block.category[row] === CATEGORY_CODE.recurring) keys.add(block.serviceKey[row] ?? '');
    }
  }
  return keys;
}

/**
 * The charges of an invoice that cover days already billed, and their lines: recurring charges
 * and the discount credits on them of the services the earlier invoice also bills by the day
 * (`billedBefore`), and — in the same proportion — the taxes and surcharges billed with them.
 * One-time charges and equipment are bought once, usage happened on days the bill does not say,
 * late fees and other credits are not for a period, and a service the earlier bill does not
 * charge was not billed twice: none of them counts. `otherServices` and `otherAmount` say what
 * was left out for that last reason.
 */
function chargesByDay(
  facts: InvoiceFacts,
  billedBefore: ReadonlySet<string>,
  window: { share: number; from: IsoDate; to: IsoDate },
): {
  amount: number;
  refs: ChargeRef[];
  otherServices: number;
  otherAmount: number;
  /** The matched charges each taken for the share of its days already billed. */
  covered: number;
  matched: number;
  /** Whether some matched line states a period of its own (then `covered` is by line). */
  ownPeriods: boolean;
  /** The kinds of line on the bill not billed by the day ("one-time", "credits"), for messages. */
  otherKinds: string[];
} {
  const { recurring, credit, tax, surcharge } = CATEGORY_CODE;
  let matched = 0;
  let covered = 0;
  let ownPeriods = false;
  let other = 0;
  const others = new Set<string>();
  const refs: ChargeRef[] = [];
  const levies: { value: number; position: number; row: number }[] = [];
  const kinds = new Set<string>();
  facts.blocks.forEach((block, position) => {
    for (let row = 0; row < block.count; row++) {
      const category = block.category[row];
      const value = block.amount[row] ?? 0;
      if (category === tax || category === surcharge) {
        levies.push({ value, position, row });
        continue;
      }
      const discount = category === credit && isPriceDiscount(block.description[row] ?? '');
      if (category !== recurring && !discount) {
        const kind = NOT_BY_DAY[CHARGE_CATEGORIES[category ?? 0] ?? 'recurring'];
        if (kind !== undefined && value !== 0) kinds.add(kind);
        continue;
      }
      const key = block.serviceKey[row] ?? '';
      if (!billedBefore.has(key)) {
        other += value;
        if (category === recurring) others.add(key);
        continue;
      }
      matched += value;
      const start = block.periodStart[row] ?? '';
      const end = block.periodEnd[row] ?? '';
      if (isIsoDate(start) && isIsoDate(end) && start <= end) {
        // Its own period: the share of its days the earlier bill covered.
        ownPeriods = true;
        const first = start > window.from ? start : window.from;
        const last = end < window.to ? end : window.to;
        const days = first <= last ? daysBetween(first, last) + 1 : 0;
        if (days === 0) continue;
        covered += (value * days) / (daysBetween(start, end) + 1);
      } else covered += value * window.share;
      addRef(refs, facts, position, row);
    }
  });
  const leviesTotal = levies.reduce((sum, levy) => sum + levy.value, 0);
  const byDay = matched + other;
  // The levies follow the charges they are billed on: all of them when every service was billed
  // before, none when no service was.
  const levyShare =
    byDay === 0 || matched === 0
      ? 0
      : other === 0
        ? leviesTotal
        : Math.round((leviesTotal * matched) / byDay);
  if (matched !== 0 && levyShare !== 0)
    for (const levy of levies) addRef(refs, facts, levy.position, levy.row);
  const otherLevies = byDay === 0 ? 0 : leviesTotal - levyShare;
  return {
    amount: matched === 0 ? 0 : matched + levyShare,
    refs: matched === 0 ? [] : refs,
    otherServices: others.size,
    otherAmount: other + otherLevies,
    covered,
    matched,
    ownPeriods,
    // In the catalogue's order, whatever order the lines come in.
    otherKinds: Object.values(NOT_BY_DAY).filter((kind) => kinds.has(kind)),
  };
}
