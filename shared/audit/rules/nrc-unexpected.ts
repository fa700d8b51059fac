import { addDays, type IsoDate } from '../../dates/iso-date';
import type { Service } from '../../model';
import type { InvoiceFacts } from '../context';
import {
  CATEGORY_CODE,
  Tallies,
  addRef,
  forEachLineOf,
  linePeriod,
  money,
  tallyDraft,
  tallySpan,
  type Tally,
} from '../findings';
import { resolveSettings, type AuditRule, type SettingSpec } from '../rule';

const SETTINGS = [
  {
    key: 'windowDays',
    label: 'An order or change this many days around the charge explains it',
    unit: 'days',
    default: 60,
    // An order a year away from a charge explains nothing; the window's dates stay real.
    range: { min: 0, max: 365, whole: true },
  },
] as const satisfies readonly SettingSpec[];

/** The days the inventory records an order or a change of a service (install, disconnect). */
export function inventoryChanges(service: Service): IsoDate[] {
  return [service.activatedOn, service.disconnectRequestedOn, service.disconnectedOn].filter(
    (date): date is IsoDate => date !== undefined,
  );
}

/** A one-time charge description as compared: lower case, words only, single spaces. */
export function normaliseDescription(description: string): string {
  return description
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a credit's words (normalised) name a charge's (`activation fee credit`, `reversal
 * activation fee` name `activation fee`): the credit gives that charge back.
 */
export function namesCharge(creditWords: string, chargeWords: string): boolean {
  return chargeWords !== '' && ` ${creditWords} `.includes(` ${chargeWords} `);
}

/**
 * One-time charges (install, activation, termination, porting) on a service whose inventory shows
 * no order or change (installed, disconnect requested, disconnected) within the window around the
 * charge's period. A service still `ordered` has its order pending; a service with no recorded
 * installation date is not judged (missing data is not "no order"); charges on identifiers the
 * inventory does not know are `unknown-service`'s. Impact: the charges, less one-time credits of
 * the same service and credits naming them, on its bill or a later one (a fee waived, refunded);
 * a charge waived in full is no finding.
 */
export const nrcUnexpectedRule: AuditRule = {
  id: 'nrc-unexpected',
  title: 'One-time charge with no order',
  description:
    'A one-time charge on a service with no order, installation or change in the inventory within 60 days of the charge’s period. Services without an installation date are not judged. Impact: the charges.',
  severity: 'warning',
  settings: SETTINGS,
  check(context) {
    const settings = resolveSettings(context.settings, this.id, SETTINGS);
    const window = Math.max(0, Math.round(settings.windowDays));
    const oneTime = CATEGORY_CODE['one-time'];
    const tallies = new Tallies();
    const descriptions = new Map<string, Set<string>>();
    // Per account and service, the charges found (their words, bill and what is still charged of
    // them), for the credits; and the same charges by line.
    const found = new Map<string, OneTime[]>();
    const foundLines = new Map<string, OneTime>();
    for (const facts of context.originals) {
      forEachLineOf(facts, oneTime, (block, row, position) => {
        const amount = block.amount[row] ?? 0;
        if (amount === 0) return;
        const charges = facts.serviceCharges.get(block.serviceKey[row] ?? '');
        const service = charges?.service;
        if (charges === undefined || service === undefined || service.status === 'ordered') return;
        if (service.activatedOn === undefined) return;
        const [start, end] = linePeriod(facts, block, row);
        const from = addDays(start, -window);
        const to = addDays(end, window);
        if (inventoryChanges(service).some((date) => date >= from && date <= to)) return;
        const tally = tallies.on(facts, charges.serviceKey, charges.serviceIdRaw, service);
        // A one-time credit (a fee waived) nets what the service was charged.
        tally.impact += amount;
        if (amount < 0) return;
        tally.billed += amount;
        addRef(tally.refs, facts, position, row);
        const key = `${facts.accountKey}|${charges.serviceKey}`;
        const seen = descriptions.get(key) ?? new Set<string>();
        seen.add(block.description[row] ?? '');
        descriptions.set(key, seen);
        const charge: OneTime = {
          words: normaliseDescription(block.description[row] ?? ''),
          date: facts.invoice.invoiceDate,
          invoiceId: facts.invoice.id,
          left: amount,
          tally,
        };
        found.set(key, [...(found.get(key) ?? []), charge]);
        foundLines.set(`${facts.invoice.id}|${position}|${row}`, charge);
      });
    }
    // A credit or adjustment naming one of those charges (`Upgrade Fee waived`), on its bill or a
    // later one of the account, gives it back.
    for (const facts of context.originals) giveBack(facts, found, foundLines);
    return tallies.list().flatMap((tally) => {
      if (tally.impact <= 0 || tally.billed <= 0) return [];
      const service = tally.service;
      const what = [
        ...(descriptions.get(`${tally.first.accountKey}|${tally.subjectKey}`) ?? []),
      ].join(', ');
      const since = service?.activatedOn === undefined ? '' : ` (installed ${service.activatedOn})`;
      const less =
        tally.billed > tally.impact
          ? `, ${money(tally.billed)} less ${money(tally.billed - tally.impact)} waived or credited`
          : '';
      const message = `${tally.serviceIdRaw}: ${money(tally.impact)} of one-time charges (${what}${less}) on ${tallySpan(tally)}, with no order or change in the inventory within ${window} days${since}.`;
      return [tallyDraft(this, tally, tally.impact, message)];
    });
  },
};

/** A positive one-time charge, and what credits have not given back of it. */
interface OneTime {
  /** Its description, normalised. */
  words: string;
  /** Its bill's date and id. */
  date: string;
  invoiceId: string;
  /** Cents still charged. */
  left: number;
  /** The finding holding it; none for a charge the inventory explains. */
  tally?: Tally;
}

/**
 * Nets a bill's credits and adjustments naming a one-time charge of their service: each gives
 * back, up to its amount, first the charges it names on its own bill (found or not: a waiver of a
 * fee the inventory explains refunds that fee, not an earlier one), then those found on earlier
 * bills of the account, the latest first. A charge is given back at most once.
 */
function giveBack(
  facts: InvoiceFacts,
  found: Map<string, OneTime[]>,
  foundLines: Map<string, OneTime>,
): void {
  // This bill's one-time charges per service, the findings' own entries where they are ones.
  const own = new Map<string, OneTime[]>();
  forEachLineOf(facts, CATEGORY_CODE['one-time'], (block, row, position) => {
    const amount = block.amount[row] ?? 0;
    if (amount <= 0) return;
    const key = block.serviceKey[row] ?? '';
    const charge = foundLines.get(`${facts.invoice.id}|${position}|${row}`) ?? {
      words: normaliseDescription(block.description[row] ?? ''),
      date: facts.invoice.invoiceDate,
      invoiceId: facts.invoice.id,
      left: amount,
    };
    own.set(key, [...(own.get(key) ?? []), charge]);
  });
  for (const code of [CATEGORY_CODE.credit, CATEGORY_CODE.adjustment]) {
    forEachLineOf(facts, code, (block, row) => {
      const amount = block.amount[row] ?? 0;
      if (amount >= 0) return;
      const serviceKey = block.serviceKey[row] ?? '';
      const words = normaliseDescription(block.description[row] ?? '');
      const earlier = (found.get(`${facts.accountKey}|${serviceKey}`) ?? [])
        .filter((charge) => charge.invoiceId !== facts.invoice.id)
        .filter((charge) => charge.date <= facts.invoice.invoiceDate)
        .sort((a, b) => b.date.localeCompare(a.date));
      let remaining = -amount;
      for (const charge of [...(own.get(serviceKey) ?? []), ...earlier]) {
        if (remaining <= 0) break;
        if (charge.left <= 0 || !namesCharge(words, charge.words)) continue;
        const taken = Math.min(remaining, charge.left);
        charge.left -= taken;
        remaining -= taken;
        if (charge.tally !== undefined) charge.tally.impact -= taken;
      }
    });
  }
}
