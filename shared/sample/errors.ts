/**
 * Which services and invoices carry the planted billing errors. The choice is made once, from the
 * seeded PRNG; the bill writers apply it and the ledger records what it cost. See PLANTED-ERRORS.md.
 */
import { addDays, type IsoDate } from '../dates/iso-date';
import { productOf } from './catalog';
import { LUMEN_DATA_CONTRACT_AGE } from './contracts';
import { phoneDigits, phoneStyles } from './inventory';
import { ACCOUNT_IDS, type BillPeriod, type SiteRoles } from './organization';
import { pick } from './random';
import type { SampleService } from './types';

/** Where each planted error goes. Month positions are indexes into the window (0 = oldest). */
export interface PlantPlan {
  /** Service id → first month billed at the list rate instead of the contract rate, and that rate per unit. */
  rateMismatch: Map<string, { fromIndex: number; billedUnitCents: number }>;
  /** Disconnected in the inventory, still billed. */
  billedAfterDisconnect: Set<string>;
  /** Active in the inventory, never billed. */
  notBilled: Set<string>;
  /** Service id → account id it is billed on instead of its own. */
  wrongAccount: Map<string, string>;
  /** Mobile lines with no usage at all, every month. */
  zeroUsage: Set<string>;
  /** A premium-SMS subscription crammed onto a Verizon line every month from `fromIndex`. */
  thirdParty: { serviceId: string; fromIndex: number; cents: number };
  /** International roaming on a Verizon line in one month. */
  overage: { serviceId: string; index: number; cents: number };
  /** AT&T lines billed that are in no inventory. */
  unknownLines: { raw: string; userName: string; plan: string; fromIndex: number }[];
  /** An AT&T line whose summary row appears twice on one invoice. */
  attDuplicateRow: { serviceId: string; index: number };
  /** A one-off AT&T device credit (a big negative amount, not an error). */
  attCredit: { serviceId: string; index: number; cents: number };
  /** A Lumen PRI whose monthly charge appears twice on one invoice. */
  lumenDuplicateCharge: { serviceId: string; index: number };
  /** A Lumen invoice whose stated total is off by `differenceCents`. */
  invoiceMath: { accountId: string; index: number; differenceCents: number };
  /** Account id → month with a late fee (the previous bill went unpaid). */
  lateFees: Map<string, number>;
  /** The T-Mobile month with no invoice. */
  missingInvoice: { accountId: string; index: number };
  /** A RingCentral number whose usage jumps `factor` times in one month. */
  spike: { serviceId: string; index: number; factor: number };
  /** The RingCentral month whose file is sent twice. */
  duplicateInvoice: { accountId: string; index: number };
  /** An installation charge on a Lumen circuit installed years ago. */
  nrcUnexpected: { serviceId: string; index: number; cents: number };
  /** A Comcast activation fee billed on install (right) and again the next month (the repeat). */
  nrcRecurring: { serviceId: string; index: number; cents: number };
  /**
   * A Verizon 10 GB hotspot whose data falls under a quarter of its allowance from `fromIndex` (a
   * cheaper plan of the rate card covers it); absent when the company has no such line.
   */
  underusedPlan?: { serviceId: string; fromIndex: number };
  /** A Lumen voice month taxed at `billedBp` instead of `normalBp` (basis points). */
  taxDrift: { accountId: string; index: number; normalBp: number; billedBp: number };
}

/** Chooses the planted errors and adjusts the inventory where an error needs it (dates, statuses). */
export function plantErrors(
  random: () => number,
  monthCount: number,
  services: SampleService[],
  roles: SiteRoles,
  windowStart: IsoDate,
  periods: ReadonlyMap<string, readonly BillPeriod[]>,
): PlantPlan {
  const n = monthCount;
  const claimed = new Set<string>();
  const candidatesOf = (
    accountId: string,
    filter: (service: SampleService) => boolean = () => true,
  ) =>
    services.filter(
      (service) =>
        service.accountId === accountId &&
        service.status === 'active' &&
        service.activatedOn !== undefined &&
        service.activatedOn < windowStart &&
        service.siteId !== roles.closedBilled.id &&
        service.siteId !== roles.kiosk.id &&
        !claimed.has(service.id) &&
        filter(service),
    );
  const choose = (accountId: string, filter: (service: SampleService) => boolean = () => true) => {
    const service = pick(random, candidatesOf(accountId, filter));
    claimed.add(service.id);
    return service;
  };
  const period = (accountId: string, index: number) => {
    const found = periods.get(accountId)?.[index];
    if (found === undefined) throw new RangeError(`No period ${index} for ${accountId}`);
    return found;
  };
  const isPhone = (service: SampleService) => !productOf(service.plan).dataOnly;
  const listRate = (service: SampleService, fromIndex: number) => ({
    fromIndex,
    billedUnitCents: productOf(service.plan).listCents,
  });

  const rateMismatch = new Map<string, { fromIndex: number; billedUnitCents: number }>();
  for (let i = 0; i < 4; i += 1) {
    const service = choose(ACCOUNT_IDS.verizonMain);
    rateMismatch.set(service.id, listRate(service, n - 4));
  }
  for (let i = 0; i < 2; i += 1) {
    const service = choose(ACCOUNT_IDS.att);
    rateMismatch.set(service.id, listRate(service, n - 3));
  }
  // Only the months of the Lumen data contract have a contracted rate to be above: before it
  // started, the list rate is simply the price, and the rule judges nothing there.
  const lumenContractFrom = Math.max(0, n - 1 - LUMEN_DATA_CONTRACT_AGE);
  for (let i = 0; i < 2; i += 1) {
    const service = choose(ACCOUNT_IDS.lumenData, (s) => s.type === 'mpls-sdwan');
    rateMismatch.set(service.id, listRate(service, lumenContractFrom));
  }

  const lateVerizonLine = choose(ACCOUNT_IDS.verizonMain);
  lateVerizonLine.status = 'disconnected';
  lateVerizonLine.disconnectedOn = addDays(period(ACCOUNT_IDS.verizonMain, n - 5).end, -8);
  lateVerizonLine.disconnectRequestedOn = addDays(lateVerizonLine.disconnectedOn, -20);
  const lateCircuit = choose(ACCOUNT_IDS.lumenData, (s) => s.type === 'internet');
  lateCircuit.status = 'disconnected';
  lateCircuit.disconnectedOn = addDays(period(ACCOUNT_IDS.lumenData, n - 3).start, 10);
  lateCircuit.disconnectRequestedOn = addDays(lateCircuit.disconnectedOn, -30);

  const notBilled = new Set([
    choose(ACCOUNT_IDS.verizonMain).id,
    choose(ACCOUNT_IDS.lumenVoice, (s) => s.plan === 'SIP Trunk 20 Call Paths').id,
  ]);
  const wrongAccount = new Map([[choose(ACCOUNT_IDS.verizonMain).id, ACCOUNT_IDS.verizonField]]);
  const zeroUsage = new Set([
    ...[0, 1, 2].map(() => choose(ACCOUNT_IDS.verizonField, isPhone).id),
    ...[0, 1].map(() => choose(ACCOUNT_IDS.att, isPhone).id),
  ]);

  // Services ordered but not yet installed: in the inventory, on no bill, and not an error.
  for (const accountId of [ACCOUNT_IDS.verizonMain, ACCOUNT_IDS.att, ACCOUNT_IDS.lumenData]) {
    const ordered = choose(accountId);
    ordered.status = 'ordered';
    delete ordered.activatedOn;
    ordered.notes = 'Order placed; installation is scheduled after the last bill.';
  }

  const recurringFee = choose(ACCOUNT_IDS.comcast, (s) => s.type === 'internet');
  const nrcIndex = n - 4;
  recurringFee.activatedOn = addDays(period(ACCOUNT_IDS.comcast, nrcIndex).start, 3);

  const unknownLines = [1, 2, 3].map((i) => ({
    raw: phoneStyles.parens(phoneDigits(900, 40 + i * 7)),
    userName: pick(random, ['SPARE DEVICE', 'TEMP CONTRACTOR', 'UNASSIGNED']),
    plan: 'Business Unlimited Performance',
    fromIndex: n - 3,
  }));

  // Chosen without the PRNG, after every other choice, so the rest of the company stays as it was.
  const [hotspot] = candidatesOf(
    ACCOUNT_IDS.verizonMain,
    (s) => s.plan === 'Mobile Broadband 4G LTE 10GB',
  );
  if (hotspot !== undefined) claimed.add(hotspot.id);

  const thirdPartyLine = choose(ACCOUNT_IDS.verizonMain, isPhone);
  // The overage rule judges usage charges only on a line whose use is past a numbered allowance,
  // so the line must be on such a plan (Flexible 5GB). Still one PRNG draw, and a line of an
  // unlimited plan swapped for the first one that has an allowance, so the rest of the company
  // stays as it was.
  const numbered = (s: SampleService) =>
    isPhone(s) && typeof productOf(s.plan).dataAllowanceGb === 'number';
  let overageLine = choose(ACCOUNT_IDS.verizonMain, isPhone);
  const [allowanceLine] = numbered(overageLine)
    ? []
    : candidatesOf(ACCOUNT_IDS.verizonMain, numbered);
  if (allowanceLine !== undefined) {
    claimed.delete(overageLine.id);
    claimed.add(allowanceLine.id);
    overageLine = allowanceLine;
  }

  return {
    ...(hotspot === undefined
      ? {}
      : { underusedPlan: { serviceId: hotspot.id, fromIndex: n - 3 } }),
    rateMismatch,
    billedAfterDisconnect: new Set([lateVerizonLine.id, lateCircuit.id]),
    notBilled,
    wrongAccount,
    zeroUsage,
    thirdParty: {
      serviceId: thirdPartyLine.id,
      fromIndex: n - 3,
      cents: 999,
    },
    overage: {
      serviceId: overageLine.id,
      index: n - 2,
      cents: 18_740,
    },
    unknownLines,
    attDuplicateRow: { serviceId: choose(ACCOUNT_IDS.att).id, index: n - 4 },
    attCredit: { serviceId: choose(ACCOUNT_IDS.att).id, index: n - 6, cents: -94_803 },
    lumenDuplicateCharge: {
      serviceId: choose(ACCOUNT_IDS.lumenVoice, (s) => s.plan === 'PRI 23B+D').id,
      index: n - 2,
    },
    invoiceMath: { accountId: ACCOUNT_IDS.lumenData, index: n - 5, differenceCents: 12_500 },
    lateFees: new Map([
      [ACCOUNT_IDS.verizonField, n - 5],
      [ACCOUNT_IDS.comcast, n - 2],
    ]),
    missingInvoice: { accountId: ACCOUNT_IDS.tmobile, index: n - 3 },
    spike: { serviceId: choose(ACCOUNT_IDS.ringcentral).id, index: n - 2, factor: 8 },
    duplicateInvoice: { accountId: ACCOUNT_IDS.ringcentral, index: n - 4 },
    nrcUnexpected: {
      serviceId: choose(ACCOUNT_IDS.lumenData, (s) => s.type === 'mpls-sdwan').id,
      index: n - 6,
      cents: 45_000,
    },
    nrcRecurring: { serviceId: recurringFee.id, index: nrcIndex, cents: 4_999 },
    taxDrift: { accountId: ACCOUNT_IDS.lumenVoice, index: n - 4, normalBp: 625, billedBp: 1_025 },
  };
}
