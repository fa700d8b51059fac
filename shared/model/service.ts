/**
 * The inventory: every billed service, tied to a carrier account, a site and a cost center.
 */
import type { Cents } from '../money/cents';
import type { IsoDate } from '../dates/iso-date';

/** Kinds of service in the inventory. */
export const SERVICE_TYPES = [
  'circuit',
  'internet',
  'mpls-sdwan',
  'pots-line',
  'trunk',
  'toll-free',
  'mobile-line',
  'ucaas-seat',
  'other',
] as const;

/**
 * Kind of service: data `circuit`, dedicated or broadband `internet`, `mpls-sdwan`, analog
 * `pots-line`, PRI or SIP `trunk`, `toll-free` number, `mobile-line`, `ucaas-seat` (Teams, Zoom
 * Phone…), or `other`.
 */
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** Where a service is in its life; billing after `disconnected` is an audit finding. */
export const SERVICE_STATUSES = [
  'ordered',
  'active',
  'pending-disconnect',
  'disconnected',
] as const;

/** See {@link SERVICE_STATUSES}. */
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** One billed service: a circuit, a line, a seat. */
export interface Service {
  id: string;
  type: ServiceType;
  status: ServiceStatus;
  carrierId: string;
  accountId: string;
  siteId?: string;
  /** Cost center charged; falls back to the site's, then the account's. */
  costCenterId?: string;
  /** The identifier as the carrier writes it (phone number, circuit ID), kept for display and disputes. */
  serviceIdRaw: string;
  /** Normalized match key from `serviceMatchKey` (`+15551234567`, `12HCGS123456LEC`); null when unmatched. */
  serviceKey: string | null;
  /** Other identifiers seen for the same service (old circuit IDs, a BTN), as match keys. */
  aliasKeys: string[];
  /** Short human description, e.g. `100M DIA` or `iPhone 15 — J. Smith`. */
  description?: string;
  /** Person using a mobile line or seat. */
  userName?: string;
  /** Department of the user, as finance names it. */
  department?: string;
  /** Plan or product as the carrier bills it (`Business Unlimited`, `100M DIA`). */
  plan?: string;
  /** Bandwidth in kilobits per second, for circuits and internet. */
  bandwidthKbps?: number;
  /** Expected monthly recurring charge in cents, from the contract or quote. */
  expectedMonthlyCents?: Cents;
  contractId?: string;
  /** Day the service was installed or activated. */
  activatedOn?: IsoDate;
  /** Day a disconnect was requested (start of `pending-disconnect`). */
  disconnectRequestedOn?: IsoDate;
  /** Day the carrier confirmed the disconnect; charges after it are disputed. */
  disconnectedOn?: IsoDate;
  notes?: string;
}
