/**
 * When two charge lines are the same charge billed twice, for `chargeCopiesOf`: the same
 * category, description, amount and period, except for lines that repeat on a correct bill
 * (usage, taxes and surcharges: {@link isPerEvent}), which are copies only in a copy of the whole
 * group of a service's lines.
 */
import { pushAll } from '../arrays';
import type { ChargeBlock } from '../storage/charge-blocks';
import type { InvoiceFacts } from './context';
import { CATEGORY_CODE } from './findings';

/** A line of a service group, wherever it is. */
export interface ChargeLine {
  facts: InvoiceFacts;
  block: ChargeBlock;
  row: number;
  position: number;
}

/** Above this many lines a service's lines are compared through a map instead of pairwise. */
export const PAIRWISE_LIMIT = 16;

/**
 * Lines identical to an earlier line of the list (first copy kept: the list comes ordered). Usage
 * and taxes are copies only when the service's whole group of lines is billed again
 * ({@link perEventCopies}).
 */
export function extraCopies(lines: readonly ChargeLine[]): ChargeLine[] {
  const extras: ChargeLine[] = [];
  let perEvent = false;
  if (lines.length <= PAIRWISE_LIMIT) {
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line === undefined || (line.block.amount[line.row] ?? 0) === 0) continue;
      if (isPerEvent(line.block, line.row)) {
        perEvent = true;
        continue;
      }
      for (let j = 0; j < i; j++) {
        const other = lines[j];
        if (other !== undefined && sameCharge(line, other)) {
          extras.push(line);
          break;
        }
      }
    }
  } else {
    const seen = new Set<string>();
    for (const line of lines) {
      const { block, row } = line;
      if ((block.amount[row] ?? 0) === 0) continue;
      if (isPerEvent(block, row)) {
        perEvent = true;
        continue;
      }
      const key = chargeSignature(block, row);
      if (seen.has(key)) extras.push(line);
      else seen.add(key);
    }
  }
  if (perEvent && extras.length > 0) pushAll(extras, perEventCopies(lines));
  return extras;
}

const { usage: USAGE, tax: TAX, surcharge: SURCHARGE } = CATEGORY_CODE;

/**
 * Whether a line is billed per event or per charge: a call, a message or a data session (usage),
 * or a tax or surcharge worked out on each charge. Three "Intl call - Mexico" $1.20 lines are
 * three calls, and two $0.85 "Federal Universal Service Fund" lines the same surcharge on two
 * charges: lines like these repeat on a correct bill, so repeating is no sign of a copy.
 */
export function isPerEvent(block: ChargeBlock, row: number): boolean {
  const category = block.category[row];
  return category === USAGE || category === TAX || category === SURCHARGE;
}

/**
 * The usage, tax and surcharge lines billed again when the service's whole group of lines is
 * billed more than once: a summary row printed twice repeats the plan, its usage and its taxes.
 * That is so when every distinct line of the group appears the same number of times or a
 * multiple of it (each twice, say) and a charge that is not usage or tax is among them; the
 * copies beyond the first set are extra. Calls and taxes repeating beside a plan billed once are
 * not.
 */
export function perEventCopies(lines: readonly ChargeLine[]): ChargeLine[] {
  const bySignature = new Map<string, ChargeLine[]>();
  for (const line of lines) {
    const { block, row } = line;
    if ((block.amount[row] ?? 0) === 0) continue;
    const key = chargeSignature(block, row);
    const same = bySignature.get(key);
    if (same === undefined) bySignature.set(key, [line]);
    else same.push(line);
  }
  let times = 0;
  for (const same of bySignature.values()) times = greatestCommonDivisor(times, same.length);
  if (times < 2) return [];
  const extras: ChargeLine[] = [];
  for (const same of bySignature.values()) {
    const [first] = same;
    if (first !== undefined && isPerEvent(first.block, first.row))
      pushAll(extras, same.slice(same.length / times));
  }
  return extras;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/** What makes two lines the same charge: category, description, amount and period. */
function chargeSignature(block: ChargeBlock, row: number): string {
  return `${block.category[row]}\u0000${block.description[row]}\u0000${block.amount[row]}\u0000${block.periodStart[row]}\u0000${block.periodEnd[row]}`;
}

/**
 * Whether two lines are the same charge: a usage line and a one-time charge of the same words
 * and amount are two charges.
 */
export function sameCharge(
  a: Pick<ChargeLine, 'block' | 'row'>,
  b: Pick<ChargeLine, 'block' | 'row'>,
): boolean {
  return (
    a.block.amount[a.row] === b.block.amount[b.row] &&
    a.block.category[a.row] === b.block.category[b.row] &&
    a.block.description[a.row] === b.block.description[b.row] &&
    a.block.periodStart[a.row] === b.block.periodStart[b.row] &&
    a.block.periodEnd[a.row] === b.block.periodEnd[b.row]
  );
}
