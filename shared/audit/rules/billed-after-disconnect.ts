import { addMonths, type IsoMonth } from '../../dates/iso-date';
import type { InvoiceFacts } from '../context';
import type { ChargeBlock } from '../../storage/charge-blocks';
import { describedStart } from '../described-period';
import {
  CATEGORY_CODE,
  Tallies,
  addRef,
  forEachLine,
  lineStart,
  monthSpan,
  money,
  tallyDraft,
  tallySpan,
  wordingTest,
} from '../findings';
import { resolveSettings, type AuditRule, type SettingSpec } from '../rule';

const SETTINGS = [
  {
    key: 'longMonths',
    label: 'Months after the disconnect that make it a long-running case',
    unit: 'months',
    default: 3,
    // Two years of billing after a disconnect is long-running by any measure; the date stays real.
    range: { min: 1, max: 24, whole: true },
  },
] as const satisfies readonly SettingSpec[];

/**
 * Charges for a service whose disconnect date is before the charge period. One finding per
 * service, bucketed by how long after the disconnect each line's period starts: a finding whose
 * months fall in both buckets says which months are in which, with their money. An
 * early-termination fee is billed because of the disconnect, not for a period after it, and is
 * left out; a credit nets only when it gives back days the finding charges.
 */
export const billedAfterDisconnectRule: AuditRule = {
  id: 'billed-after-disconnect',
  title: 'Billed after disconnect',
  description:
    'Charges for a service whose disconnect date is before the period they cover (an early-termination fee is not one), bucketed as under or over 3 months after the disconnect. Impact: all such charges, less the credits given back for them.',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const tallies = new Tallies();
    // Per tally: what each bucket holds, so a finding spanning both says which months are which.
    const buckets = new Map<string, Record<Bucket, Part>>();
    // Services the inventory calls disconnected without saying when: billed, they are said (no
    // money at stake is claimed, since the bill may be the one before the disconnect).
    const undated = new Tallies();
    const firstBilledAfter = firstChargesAfter(context.originals);
    for (const facts of context.originals) {
      for (const charges of facts.services) {
        const disconnectedOn = charges.service?.disconnectedOn;
        if (disconnectedOn === undefined && charges.service?.status === 'disconnected') {
          const tally = undated.on(
            facts,
            charges.serviceKey,
            charges.serviceIdRaw,
            charges.service,
          );
          forEachLine(facts, charges, (block, row, position) => {
            tally.impact += block.amount[row] ?? 0;
            addRef(tally.refs, facts, position, row);
          });
        }
        if (disconnectedOn === undefined) continue;
        const longFrom = addMonths(disconnectedOn, settings.longMonths);
        const firstBilled = firstBilledAfter.get(`${facts.accountKey}|${charges.serviceKey}`);
        forEachLine(facts, charges, (block, row, position) => {
          if (isTermination(block, row)) return;
          const start = lineStart(facts, block, row);
          if (start <= disconnectedOn) return;
          // A credit counts only for days the finding charges (see `givesBackFrom`).
          if (
            (block.amount[row] ?? 0) < 0 &&
            (firstBilled === undefined || givesBackFrom(facts, block, row) < firstBilled)
          )
            return;
          const tally = tallies.on(
            facts,
            charges.serviceKey,
            charges.serviceIdRaw,
            charges.service,
          );
          const amount = block.amount[row] ?? 0;
          tally.impact += amount;
          addRef(tally.refs, facts, position, row);
          const key = `${facts.accountKey}|${charges.serviceKey}`;
          let parts = buckets.get(key);
          if (parts === undefined) {
            parts = { short: emptyPart(), long: emptyPart() };
            buckets.set(key, parts);
          }
          addToPart(parts[start >= longFrom ? 'long' : 'short'], facts, amount);
        });
      }
    }
    const undatedDrafts = undated
      .list()
      .flatMap((tally) =>
        tally.impact <= 0
          ? []
          : [
              tallyDraft(
                { id: this.id, severity: 'warning' },
                tally,
                0,
                `${tally.serviceIdRaw} is disconnected in the inventory, with no disconnect date, but billed ${money(tally.impact)} on ${tallySpan(tally)}: add the date it was disconnected, so the charges after it are checked.`,
              ),
            ],
      );
    // Credits for the months after the disconnect are netted: charges refunded in full (or a
    // refund alone) leave nothing billed, never a finding of $0.00 or less.
    return tallies
      .list()
      .flatMap((tally) => {
        if (tally.impact <= 0) return [];
        const disconnectedOn = tally.service?.disconnectedOn;
        const parts = buckets.get(`${tally.first.accountKey}|${tally.subjectKey}`);
        const { short, long } = parts ?? { short: emptyPart(), long: emptyPart() };
        const months = settings.longMonths;
        const shortWords = `less than ${months} months after the disconnect`;
        const longWords = `${months} months or more after the disconnect`;
        // Both buckets billed: each its months and money. Else the one that holds the charges.
        const bucket =
          short.amount > 0 && long.amount > 0
            ? `: ${money(short.amount)} on ${partSpan(short)}, ${shortWords}, and ${money(long.amount)} on ${partSpan(long)}, ${months} months or more after`
            : `, ${long.amount > 0 ? longWords : shortWords}`;
        const message = `${tally.serviceIdRaw} was disconnected on ${disconnectedOn ?? '?'} but billed ${money(tally.impact)} on ${tallySpan(tally)}${bucket}.`;
        return [tallyDraft(this, tally, tally.impact, message)];
      })
      .concat(undatedDrafts);
  },
};

/**
 * An early-termination fee, or its waiver: billed because the service was disconnected, not a
 * charge for a period after it (`nrc-unexpected` judges it against the inventory's disconnect).
 */
function isTermination(block: ChargeBlock, row: number): boolean {
  const category = block.category[row];
  return (
    (category === ONE_TIME || category === CREDIT || category === ADJUSTMENT) &&
    isTerminationWording(block.description[row] ?? '')
  );
}

const { 'one-time': ONE_TIME, credit: CREDIT, adjustment: ADJUSTMENT } = CATEGORY_CODE;

const isTerminationWording = wordingTest(
  /\bearly[\s-]*(?:termination|cancell?ation)|\betf\b|\btermination\s+(?:fee|charge)|\bcancell?ation\s+fee/i,
);

/**
 * Per service (`accountKey|serviceKey`), the first day of the first charge billed for a period
 * after its disconnect: a credit for earlier days gives back a bill the finding does not count.
 */
function firstChargesAfter(invoices: readonly InvoiceFacts[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const facts of invoices) {
    for (const charges of facts.services) {
      const disconnectedOn = charges.service?.disconnectedOn;
      if (disconnectedOn === undefined) continue;
      const key = `${facts.accountKey}|${charges.serviceKey}`;
      forEachLine(facts, charges, (block, row) => {
        if ((block.amount[row] ?? 0) <= 0 || isTermination(block, row)) return;
        const start = lineStart(facts, block, row);
        const known = first.get(key);
        if (start > disconnectedOn && (known === undefined || start < known)) first.set(key, start);
      });
    }
  }
  return first;
}

/**
 * The first day a credit gives back: its own period's, else the days its words name ("Partial
 * month credit Mar 16-31" on April's bill is March's), else its bill's. A credit of the rest of
 * a month the disconnect fell in gives back that month's bill, which the finding does not count,
 * so it takes nothing off the months billed after.
 */
function givesBackFrom(facts: InvoiceFacts, block: ChargeBlock, row: number): string {
  if ((block.periodStart[row] ?? '') !== '') return lineStart(facts, block, row);
  return (
    describedStart(block.description[row] ?? '', facts.periodEnd) ?? lineStart(facts, block, row)
  );
}

/** Under or over the setting's months after the disconnect (the catalogue's buckets). */
type Bucket = 'short' | 'long';

/** The lines of one bucket of a tally: their net amount and the invoices they are on. */
interface Part {
  amount: number;
  invoices: Set<string>;
  first: IsoMonth | undefined;
  last: IsoMonth | undefined;
}

function emptyPart(): Part {
  return { amount: 0, invoices: new Set(), first: undefined, last: undefined };
}

function addToPart(part: Part, facts: InvoiceFacts, amount: number): void {
  part.amount += amount;
  part.invoices.add(facts.invoice.id);
  if (part.first === undefined || facts.month < part.first) part.first = facts.month;
  if (part.last === undefined || facts.month > part.last) part.last = facts.month;
}

/** `2026-09`, or `2026-07 to 2026-09 (3 invoices)`. */
function partSpan(part: Part): string {
  const { first, last } = part;
  return first === undefined || last === undefined
    ? ''
    : monthSpan(first, last, part.invoices.size);
}
