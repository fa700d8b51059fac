/**
 * Carrier contracts: terms, renewals and commitments. Renewal alerts count from the notice
 * deadline (`endDate` minus `noticeDays`), not from the end date.
 */
import type { Cents } from '../money/cents';
import type { IsoDate } from '../dates/iso-date';

/** Where a contract stands; `auto-renewed` means it rolled into a renewal term. */
export const CONTRACT_STATUSES = [
  'active',
  'in-review',
  'negotiating',
  'renewed',
  'auto-renewed',
  'terminated',
  'expired',
] as const;

/** See {@link CONTRACT_STATUSES}. */
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A signed agreement with a carrier covering some accounts and services. */
export interface Contract {
  id: string;
  carrierId: string;
  /** Name the team uses, e.g. `AT&T MPLS 2023`. */
  name: string;
  /** The carrier's contract or agreement number, as written. */
  contractNumber?: string;
  /** Accounts billed under this contract. */
  accountIds: string[];
  /** Services this contract prices. */
  serviceIds: string[];
  /** First day of the term. */
  startDate: IsoDate;
  /** Length of the initial term in months. */
  termMonths: number;
  /** Last day of the current term (inclusive); normally `startDate` + `termMonths` − 1 day. */
  endDate: IsoDate;
  /** Whether the contract renews by itself unless notice is given. */
  autoRenew: boolean;
  /** Length of each automatic renewal in months (0 for month-to-month after the term). */
  renewalTermMonths: number;
  /** Days before `endDate` by which notice must reach the carrier to avoid renewal. */
  noticeDays: number;
  /** Minimum annual revenue commitment in cents; 0 when there is none. */
  marcCents: Cents;
  status: ContractStatus;
  /** What the term counts from: the signature date or the installation of the services. */
  countsFrom?: 'signature' | 'installation';
  /** Early-termination terms in words, e.g. `50 % of remaining MRC`. */
  earlyTermination?: string;
  /** Contracted prices: per plan or service type, and per service. */
  rateCard?: ContractRate[];
  /** Ids of attached files (the signed PDF and others), stored locally. */
  attachmentIds?: string[];
  notes?: string;
}

/** One contracted monthly price, for a plan or service type, or for one service. */
export interface ContractRate {
  /** Plan or product name as billed (`Business Unlimited`), or a service type (`mpls-sdwan`). */
  planOrServiceType?: string;
  /** The service (inventory id) this rate is for, when it is service-specific. */
  serviceId?: string;
  /** Contracted monthly rate per unit (line, circuit, seat), in cents. */
  monthlyRateCents: Cents;
  /**
   * What the carrier bills per unit once the term ends without a renewal (month-to-month), in
   * cents; absent when not known. The year-end forecast uses it for contracts ending in the year.
   */
  monthToMonthRateCents?: Cents;
  /** The plan's monthly data allowance in GB; absent when not known or not applicable. */
  dataAllowanceGb?: Allowance;
  /** The plan's monthly voice minutes; absent when not known or not applicable. */
  voiceMinutesAllowance?: Allowance;
  /** The plan's monthly messages (SMS/MMS); absent when not known or not applicable. */
  messagesAllowance?: Allowance;
}

/** A plan allowance: an amount (zero or more) or `unlimited`. */
export type Allowance = number | 'unlimited';
