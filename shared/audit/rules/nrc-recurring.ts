import { addMonthsToMonth } from '../../dates/iso-date';
import type { InvoiceFacts, ServiceCharges } from '../context';
import {
  CATEGORY_CODE,
  Tallies,
  addRef,
  forEachLineOf,
  money,
  tallyDraft,
  tallySpan,
  type Tally,
} from '../findings';
import { resolveSettings, type AuditRule, type SettingSpec } from '../rule';
import { inventoryChanges, namesCharge, normaliseDescription } from './nrc-unexpected';

const SETTINGS = [
  {
    key: 'months',
    label: 'Billed again within this many months of the time before',
    unit: 'months',
    default: 12,
    // Three years, a long contract term: a charge again after that is a new one-time charge.
    range: { min: 1, max: 36, whole: true },
  },
] as const satisfies readonly SettingSpec[];

/** Where a one-time charge was first billed. */
interface FirstTime {
  facts: InvoiceFacts;
  description: string;
  amount: number;
}

/**
 * A one-time charge billed again: the same description (normalised) on the same service on an
 * invoice of a later month, within the window of the time it was billed before (a charge billed
 * every month for years repeats every month, not only in the first year). Copies within one
 * period are `duplicate-charge`'s. An order or change the inventory records after the previous
 * charge's period and by the repeat's (a reinstall, a new activation) explains the repeat, which
 * then counts as a first time. Services the inventory does not know are `unknown-service`'s.
 * A charge reversed or credited on its own bill was never billed (see {@link chargesOf}). Impact:
 * the repeated charges.
 */
export const nrcRecurringRule: AuditRule = {
  id: 'nrc-recurring',
  title: 'One-time charge billed again',
  description:
    'A one-time charge (same description, same service) billed again on an invoice of a later month, within 12 months of the time before and with no new order or change in the inventory between the two; a charge reversed or credited on its own bill does not count. Impact: the repeats.',
  severity: 'error',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const months = Math.max(1, Math.round(settings.months));
    const ordered = [...context.originals].sort(
      (a, b) =>
        a.invoice.invoiceDate.localeCompare(b.invoice.invoiceDate) ||
        a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber),
    );
    /** The first time of each charge's run of repeats, and the latest time it was billed. */
    const firstTimes = new Map<string, FirstTime>();
    const lastTimes = new Map<string, FirstTime>();
    const tallies = new Tallies();
    /** Tally key → the first time of the first repeat, for the message. */
    const firstOfTally = new Map<string, FirstTime>();
    // Repeats found so far per account and service, for credits of later bills that refund them.
    const repeats = new Map<string, Repeat[]>();
    for (const facts of ordered) {
      const { charged, left } = chargesOf(facts);
      refundEarlier(repeats, facts, left);
      for (const charge of charged) {
        const { charges, description, amount } = charge;
        const service = charges.service;
        if (service === undefined) continue;
        const key = `${facts.invoice.carrierId}|${charges.serviceKey}|${normaliseDescription(description)}`;
        const first = firstTimes.get(key);
        const before = lastTimes.get(key);
        const now: FirstTime = { facts, description, amount };
        const startsRun = () => {
          firstTimes.set(key, now);
          lastTimes.set(key, now);
        };
        if (first === undefined || before === undefined) {
          startsRun();
          continue;
        }
        if (before.facts.month === facts.month) continue;
        if (addMonthsToMonth(before.facts.month, months) < facts.month) {
          startsRun();
          continue;
        }
        const after = before.facts.periodEnd;
        if (inventoryChanges(service).some((date) => date > after && date <= facts.periodEnd)) {
          startsRun();
          continue;
        }
        lastTimes.set(key, now);
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        tally.impact += amount;
        addRef(tally.refs, facts, charge.position, charge.row);
        const tallyKey = `${facts.accountKey}|${charges.serviceKey}`;
        const words = normaliseDescription(description);
        repeats.set(tallyKey, [...(repeats.get(tallyKey) ?? []), { tally, words, amount }]);
        if (!firstOfTally.has(tallyKey)) firstOfTally.set(tallyKey, first);
      }
    }
    return tallies.list().flatMap((tally) => {
      // Refunded in full on later bills: nothing left to claim.
      if (tally.impact <= 0) return [];
      const first = firstOfTally.get(`${tally.first.accountKey}|${tally.subjectKey}`);
      const since =
        first === undefined
          ? ''
          : `, first billed as ${first.description} (${money(first.amount)}) on invoice ${first.facts.invoice.invoiceNumber} (${first.facts.month})`;
      const refunded = tally.billed > 0 ? ` (after ${money(tally.billed)} refunded later)` : '';
      const message = `${tally.serviceIdRaw}: one-time charges billed again on ${tallySpan(tally)}: ${money(tally.impact)}${refunded}${since}.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
  },
};

/** A one-time charge of a service on one invoice, net of what the invoice gives back of it. */
interface NetCharge {
  charges: ServiceCharges;
  description: string;
  /** Cents still charged: at most one charge's worth (a copy is `duplicate-charge`'s). */
  amount: number;
  /** Where its first line is. */
  position: number;
  row: number;
}

/**
 * The one-time charges an invoice still bills, per service and description: a charge reversed or
 * credited on the same bill (a negative one-time line of the same description, or a credit or
 * adjustment naming it: `Activation Fee credit`) is not billed, and a charge that was never paid
 * neither starts a run nor repeats one.
 */
function chargesOf(facts: InvoiceFacts): { charged: NetCharge[]; left: GivenBack[] } {
  const { credit, adjustment } = CATEGORY_CODE;
  const found = new Map<string, NetCharge & { charged: number; largest: number }>();
  // Negative amounts of one-time lines, and of credits and adjustments, per service.
  const givenBack: GivenBack[] = [];
  for (const code of [CATEGORY_CODE['one-time'], credit, adjustment]) {
    forEachLineOf(facts, code, (block, row, position) => {
      const amount = block.amount[row] ?? 0;
      const serviceKey = block.serviceKey[row] ?? '';
      const charges = facts.serviceCharges.get(serviceKey);
      if (amount === 0 || charges === undefined) return;
      const description = block.description[row] ?? '';
      const words = normaliseDescription(description);
      const oneTime = code === CATEGORY_CODE['one-time'];
      if (amount < 0) {
        givenBack.push({ serviceKey, words, amount: -amount, oneTime });
        return;
      }
      if (!oneTime) return;
      const key = `${serviceKey}|${words}`;
      const known = found.get(key);
      if (known === undefined) {
        found.set(key, {
          charges,
          description,
          amount,
          position,
          row,
          charged: amount,
          largest: amount,
        });
      } else {
        known.charged += amount;
        known.largest = Math.max(known.largest, amount);
      }
    });
  }
  const net = [...found.entries()].map(([key, charge]) => {
    let left = charge.charged;
    const words = key.slice(charge.charges.serviceKey.length + 1);
    for (const back of givenBack) {
      if (back.serviceKey !== charge.charges.serviceKey || words === '') continue;
      const names = back.oneTime ? back.words === words : namesCharge(back.words, words);
      // Each credit gives back one charge's money, once.
      if (!names) continue;
      const taken = Math.min(back.amount, left);
      left -= taken;
      back.amount -= taken;
    }
    return { ...charge, amount: Math.min(charge.largest, left) };
  });
  return {
    charged: net.filter((charge) => charge.amount > 0),
    left: givenBack.filter((back) => back.amount > 0),
  };
}

/** What a bill gives back of a service's one-time charges: a negative one-time line or a credit. */
interface GivenBack {
  serviceKey: string;
  /** Its description, normalised. */
  words: string;
  /** Cents not yet matched to a charge. */
  amount: number;
  oneTime: boolean;
}

/** A repeat found, with what is still claimed of it. */
interface Repeat {
  tally: Tally;
  words: string;
  amount: number;
}

/**
 * Credits of a bill left after its own charges refund the account's earlier repeats of the
 * charge they name (the "Activation Fee credit" on the bill after the repeat), the latest first:
 * money given back is no longer claimed. `tally.billed` keeps what was refunded, for the message.
 */
function refundEarlier(
  repeats: ReadonlyMap<string, Repeat[]>,
  facts: InvoiceFacts,
  left: readonly GivenBack[],
): void {
  for (const back of left) {
    const found = repeats.get(`${facts.accountKey}|${back.serviceKey}`) ?? [];
    for (let i = found.length - 1; i >= 0 && back.amount > 0; i--) {
      const repeat = found[i];
      if (repeat === undefined || repeat.amount <= 0) continue;
      const names = back.oneTime
        ? back.words === repeat.words
        : namesCharge(back.words, repeat.words);
      if (!names) continue;
      const taken = Math.min(back.amount, repeat.amount);
      repeat.amount -= taken;
      back.amount -= taken;
      repeat.tally.impact -= taken;
      repeat.tally.billed += taken;
    }
  }
}
