/**
 * Contracts with each carrier: terms, renewals, notice periods and rate cards. Dates are placed
 * around the billed window so that one contract's notice deadline falls within ~60 days after the
 * last billed month (renewal-due) and Comcast's has expired (month-to-month, out-of-contract).
 */
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  daysBetween,
  endOfMonth,
  isoMonthOf,
  startOfMonth,
  type IsoDate,
  type IsoMonth,
} from '../dates/iso-date';
import type { ContractStatus } from '../model';
import { allowancesOf } from '../contracts/csv-columns';
import { cents, ZERO_CENTS } from '../money/cents';
import { CARRIER_PRODUCTS, LUMEN_DIA, LUMEN_MPLS, LUMEN_PRIVATE_LINE } from './catalog';
import { ACCOUNT_IDS, CARRIER_IDS, type BillPeriod } from './organization';
import { randomInt } from './random';
import type { RateCardEntry, SampleContract, SampleService } from './types';

/** Contract ids, by role. */
export const CONTRACT_IDS = {
  verizon: 'ctr-vzw-2024',
  att: 'ctr-att-2025',
  tmobile: 'ctr-tmo-2026',
  lumenData: 'ctr-lumen-data',
  lumenVoice: 'ctr-lumen-voice',
  comcast: 'ctr-comcast',
  ringcentral: 'ctr-rc',
} as const;

interface Terms {
  id: string;
  carrierId: string;
  name: string;
  contractNumber: string;
  accountIds: string[];
  startDate: IsoDate;
  termMonths: number;
  /** Months actually running in the current term (term plus renewals taken). */
  runningMonths?: number;
  autoRenew: boolean;
  renewalTermMonths: number;
  noticeDays: number;
  status: ContractStatus;
  rateCard: RateCardEntry[];
  notes?: string;
}

function rateCard(carrierId: string, plans?: readonly string[]): RateCardEntry[] {
  return (CARRIER_PRODUCTS[carrierId] ?? [])
    .filter((product) => plans === undefined || plans.includes(product.plan))
    .map((product) => ({
      planOrServiceType: product.plan,
      monthlyRateCents: cents(product.contractCents),
      ...allowancesOf(product),
    }));
}

/** The day Comcast's contract ended: the end of its 9th month before the last (the 2nd at least). */
export function comcastContractEnd(months: readonly IsoMonth[]): IsoDate {
  const month = months[Math.max(1, months.length - 9)] ?? months[0];
  if (month === undefined) throw new RangeError('No months to place the contract in.');
  return endOfMonth(month);
}

/**
 * Months between the Lumen data contract's start and the account's last bill: it is in its first
 * year, so the last 12 invoices are one contract year (see marc-shortfall).
 */
export const LUMEN_DATA_CONTRACT_AGE = 11;

/** The renewal check's first alert, in days before a notice deadline (its default setting). */
const FIRST_ALERT_DAYS = 120;

/**
 * Builds the contracts and sets `contractId` on the services they price. Each is placed from the
 * last bill of its account (`periods`); Lumen voice's from `today`, so that its notice deadline is
 * never within the renewal check's first alert of the day the sample is audited as of.
 */
export function makeContracts(
  random: () => number,
  periods: ReadonlyMap<string, readonly BillPeriod[]>,
  services: readonly SampleService[],
  today: IsoDate,
): SampleContract[] {
  const monthsOf = (accountId: string) => (periods.get(accountId) ?? []).map((p) => p.month);
  const lastMonth = (accountId: string) => {
    const month = monthsOf(accountId).at(-1);
    if (month === undefined) throw new RangeError('No months to place the contracts in.');
    return month;
  };
  const from = (month: IsoMonth) => (offset: number) =>
    startOfMonth(addMonthsToMonth(month, offset));
  const verizonFirst = from(lastMonth(ACCOUNT_IDS.verizonMain));
  const attFirst = from(lastMonth(ACCOUNT_IDS.att));
  const tmobileFirst = from(lastMonth(ACCOUNT_IDS.tmobile));
  const lumenFirst = from(lastMonth(ACCOUNT_IDS.lumenData));
  const ringCentralFirst = from(lastMonth(ACCOUNT_IDS.ringcentral));
  // Lumen voice renewed once (36 + 12 months from 42 months before today's month); its deadline,
  // 30 days before the end, is 120 days after the end of this month at the least: a month later
  // when that would put it inside the first alert.
  let voiceStart = from(isoMonthOf(today))(-42);
  if (daysBetween(today, addDays(addMonths(voiceStart, 48), -31)) <= FIRST_ALERT_DAYS)
    voiceStart = addMonths(voiceStart, 1);
  const number = (prefix: string, date: IsoDate) =>
    `${prefix}-${date.slice(0, 4)}-${String(randomInt(random, 1000, 9999))}`;
  const dataPlans = [...LUMEN_MPLS, ...LUMEN_DIA, LUMEN_PRIVATE_LINE].map(
    (product) => product.plan,
  );
  const comcastEnd = comcastContractEnd(monthsOf(ACCOUNT_IDS.comcast));
  const comcastStart = addMonths(addDays(comcastEnd, 1), -36);
  const terms: Terms[] = [
    {
      id: CONTRACT_IDS.verizon,
      carrierId: CARRIER_IDS.verizon,
      name: 'Verizon Wireless Major Account Agreement',
      contractNumber: number('VZW-MBA', verizonFirst(-32)),
      accountIds: [ACCOUNT_IDS.verizonMain, ACCOUNT_IDS.verizonField],
      startDate: verizonFirst(-32),
      termMonths: 36,
      autoRenew: true,
      renewalTermMonths: 12,
      noticeDays: 60,
      status: 'active',
      rateCard: rateCard(CARRIER_IDS.verizon),
    },
    {
      id: CONTRACT_IDS.att,
      carrierId: CARRIER_IDS.att,
      name: 'AT&T Business Solutions Agreement',
      contractNumber: number('BSA', attFirst(-20)),
      accountIds: [ACCOUNT_IDS.att],
      startDate: attFirst(-20),
      termMonths: 36,
      autoRenew: false,
      renewalTermMonths: 0,
      noticeDays: 90,
      status: 'active',
      rateCard: rateCard(CARRIER_IDS.att),
    },
    {
      id: CONTRACT_IDS.tmobile,
      carrierId: CARRIER_IDS.tmobile,
      name: 'T-Mobile for Business Agreement',
      contractNumber: number('TFB', tmobileFirst(-8)),
      accountIds: [ACCOUNT_IDS.tmobile],
      startDate: tmobileFirst(-8),
      termMonths: 24,
      autoRenew: false,
      renewalTermMonths: 0,
      noticeDays: 30,
      status: 'active',
      rateCard: rateCard(CARRIER_IDS.tmobile),
    },
    {
      id: CONTRACT_IDS.lumenData,
      carrierId: CARRIER_IDS.lumen,
      name: 'Lumen MPLS & Internet',
      contractNumber: number('LMN-MSA', lumenFirst(-LUMEN_DATA_CONTRACT_AGE)),
      accountIds: [ACCOUNT_IDS.lumenData],
      // In its first year at the last bill: the last 12 invoices the planted MARC shortfall
      // annualises are one contract year, the span marc-shortfall judges.
      startDate: lumenFirst(-LUMEN_DATA_CONTRACT_AGE),
      termMonths: 36,
      autoRenew: true,
      renewalTermMonths: 12,
      noticeDays: 60,
      status: 'active',
      rateCard: rateCard(CARRIER_IDS.lumen, dataPlans),
      notes: 'MARC applies to all data services on the account.',
    },
    {
      id: CONTRACT_IDS.lumenVoice,
      carrierId: CARRIER_IDS.lumen,
      name: 'Lumen Voice Services',
      contractNumber: number('LMN-VS', voiceStart),
      accountIds: [ACCOUNT_IDS.lumenVoice],
      startDate: voiceStart,
      termMonths: 36,
      runningMonths: 48,
      autoRenew: true,
      renewalTermMonths: 12,
      noticeDays: 30,
      status: 'auto-renewed',
      rateCard: rateCard(CARRIER_IDS.lumen).filter(
        (entry) => !dataPlans.includes(entry.planOrServiceType),
      ),
      notes: 'Renewed automatically for 12 months at the end of the initial term.',
    },
    {
      id: CONTRACT_IDS.comcast,
      carrierId: CARRIER_IDS.comcast,
      name: 'Comcast Business Enterprise Agreement',
      contractNumber: number('CBEA', comcastStart),
      accountIds: [ACCOUNT_IDS.comcast],
      startDate: comcastStart,
      termMonths: 36,
      autoRenew: false,
      renewalTermMonths: 0,
      noticeDays: 30,
      status: 'expired',
      rateCard: rateCard(CARRIER_IDS.comcast),
      notes: `Expired ${comcastEnd}; billed month-to-month at standard rates since.`,
    },
    {
      id: CONTRACT_IDS.ringcentral,
      carrierId: CARRIER_IDS.ringcentral,
      name: 'RingCentral MVP Order Form',
      contractNumber: number('RC-OF', ringCentralFirst(-10)),
      accountIds: [ACCOUNT_IDS.ringcentral],
      startDate: ringCentralFirst(-10),
      termMonths: 36,
      autoRenew: true,
      renewalTermMonths: 12,
      noticeDays: 30,
      status: 'active',
      rateCard: rateCard(CARRIER_IDS.ringcentral),
    },
  ];
  return terms.map((term) => {
    const serviceIds: string[] = [];
    for (const service of services) {
      if (term.accountIds.includes(service.accountId)) {
        service.contractId = term.id;
        serviceIds.push(service.id);
      }
    }
    const contract: SampleContract = {
      id: term.id,
      carrierId: term.carrierId,
      name: term.name,
      contractNumber: term.contractNumber,
      accountIds: term.accountIds,
      serviceIds,
      startDate: term.startDate,
      termMonths: term.termMonths,
      endDate: addDays(addMonths(term.startDate, term.runningMonths ?? term.termMonths), -1),
      autoRenew: term.autoRenew,
      renewalTermMonths: term.renewalTermMonths,
      noticeDays: term.noticeDays,
      marcCents: ZERO_CENTS,
      status: term.status,
      rateCard: term.rateCard,
    };
    if (term.notes !== undefined) contract.notes = term.notes;
    return contract;
  });
}
