/**
 * What the allocation engine reads and returns. Amounts are integer cents; percentages are basis
 * points (10,000 = 100%). See `allocate.ts` for the rules these types carry.
 */
import type { IsoMonth } from '../dates/iso-date';
import type { Cents } from '../money/cents';
import type {
  Account,
  AllocationRule,
  Carrier,
  ChargeCategory,
  CostCenter,
  Invoice,
  Service,
  ServiceType,
  Site,
} from '../model';
import type { ChargeBlock } from '../storage/charge-blocks';

/**
 * Which month a charge belongs to: the month of its invoice date, or the days of its service
 * period (the line's own period, else the invoice's; a period spanning months is split by days).
 */
export type AllocationBasis = 'invoice-date' | 'service-period';

/**
 * Where an account's account-level charges (taxes, surcharges, fees, credits with no service) go:
 * spread pro rata over the account's service charges on the same invoice, or all to one cost center.
 */
export type AccountLevelPolicy = 'pro-rata' | { costCenterId: string };

/** Per-account settings for account-level charges; accounts without one use `'pro-rata'`. */
export interface AccountAllocationPolicy {
  accountLevel: AccountLevelPolicy;
}

/**
 * Which GL account a charge is booked to. Precedence, most specific first:
 * 1. `byCategoryAndServiceType[category][serviceType]` (service charges only: account-level
 *    charges have no service type);
 * 2. `byCategory[category]`;
 * 3. the cost center's own `glAccount`;
 * 4. `fallback`;
 * 5. `''` (no GL account: the export leaves the cell blank for finance to fill).
 */
export interface GlMapping {
  byCategory: Partial<Record<ChargeCategory, string>>;
  byCategoryAndServiceType: Partial<Record<ChargeCategory, Partial<Record<ServiceType, string>>>>;
  fallback?: string;
}

/** Everything one month's allocation needs, as plain data (the caller loads it from the database). */
export interface AllocationInput {
  month: IsoMonth;
  basis: AllocationBasis;
  /**
   * Candidate invoices. With `invoice-date` only those dated in `month` count; with
   * `service-period` pass every invoice that reaches the month (`invoiceReaches`) and the engine
   * keeps the days that fall in it (an invoice that does not reach it gives it nothing).
   */
  invoices: readonly Invoice[];
  /** Charge blocks of those invoices; blocks of other invoices are ignored. */
  blocks: readonly ChargeBlock[];
  services: readonly Service[];
  sites: readonly Site[];
  accounts: readonly Account[];
  costCenters: readonly CostCenter[];
  carriers: readonly Carrier[];
  rules: readonly AllocationRule[];
  /** Keyed by account id. */
  accountPolicies: Readonly<Record<string, AccountAllocationPolicy>>;
  glMapping: GlMapping;
  /** Mark-up per cost center id, in basis points (`500` = 5%); reported apart from the amount. */
  markups: Readonly<Record<string, number>>;
}

/** How an allocated row got its cost center. */
export type AllocationOrigin =
  /** A service charge: the service's, site's or account's cost center, or a split rule. */
  | 'service'
  /**
   * An account-level charge spread over the invoice's service charges (those of its own billing
   * account, when it is billed on one of a consolidated bill's accounts that has any).
   */
  | 'account-pro-rata'
  /** An account-level charge sent to the account's chosen cost center. */
  | 'account-chosen'
  /** An account-level charge on an invoice with no service charges to spread over: account default. */
  | 'account-default';

/** One piece of a charge line booked to one cost center. */
export interface AllocatedCharge {
  month: IsoMonth;
  costCenterId: string;
  /** `''` when no mapping, cost center or fallback names one. */
  glAccount: string;
  /** The service's site (or its account's default site); null for account-level charges. */
  siteId: string | null;
  carrierId: string;
  accountNumber: string;
  invoiceNumber: string;
  invoiceId: string;
  /** As on the bill; `''` for account-level charges. */
  serviceIdRaw: string;
  /** Inventory id of the service; null for account-level charges. */
  serviceId: string | null;
  userName: string | null;
  category: ChargeCategory;
  description: string;
  /** This cost center's share of the line (in the month), in cents. */
  amount: Cents;
  /**
   * This row's share of its cost center's mark-up (rate × the cost center's month, rounded once),
   * in cents: its own rate × `amount` rounded down or up so the cost center's rows add up to it;
   * not part of any reconciled total.
   */
  markup: Cents;
  /** Line number in the source file, to show the original row. */
  sourceRow: number;
  origin: AllocationOrigin;
}

/** Why a charge could not be allocated. */
export const ALLOCATION_EXCEPTION_KINDS = [
  'no-cost-center',
  'inactive-cost-center',
  'unknown-service',
  'closed-site',
] as const;

/** See {@link ALLOCATION_EXCEPTION_KINDS}. */
export type AllocationExceptionKind = (typeof ALLOCATION_EXCEPTION_KINDS)[number];

/**
 * An amount left unallocated (or, for `closed-site`, allocated but listed for review), with the
 * reason in words a finance person understands.
 */
export interface AllocationException {
  kind: AllocationExceptionKind;
  invoiceId: string;
  carrierId: string;
  accountNumber: string;
  invoiceNumber: string;
  serviceIdRaw: string;
  category: ChargeCategory;
  description: string;
  sourceRow: number;
  /** The unallocated part, in cents (the whole line, or the share of a split that failed). */
  amount: Cents;
  /** The cost center concerned, when there is one (inactive or unknown). */
  costCenterId: string | null;
  /** The service's site, user and inventory id, when the line's service is in the inventory. */
  siteId?: string | null;
  userName?: string | null;
  serviceId?: string | null;
  message: string;
}

/** A split rule the engine ignored because its shares are unusable (it fell back to the defaults). */
export interface RuleProblem {
  ruleId: string;
  message: string;
}

/** One cost center's month: per category and in all. `costCenterId` null holds the exceptions. */
export interface CostCenterTotal {
  costCenterId: string | null;
  byCategory: Record<ChargeCategory, Cents>;
  total: Cents;
  /** The cost center's rate × `total`, rounded half away from zero (the sum of its rows' mark-ups). */
  markup: Cents;
}

/** The month's chargeback. */
export interface AllocationResult {
  month: IsoMonth;
  basis: AllocationBasis;
  rows: AllocatedCharge[];
  /** What is left unallocated (`totals.unallocated`); never `closed-site`. */
  exceptions: AllocationException[];
  /**
   * Charges allocated as usual but listed for review: a service billed at a site that had closed
   * (`closed-site`). They are in `rows` (the cost was incurred there), not in `exceptions`, so
   * nothing is counted twice.
   */
  reviews: AllocationException[];
  /**
   * `invoices`: with `invoice-date`, the sum of the month's invoices' stored `linesTotal` (so a
   * missing charge block shows as a difference); with `service-period`, the sum of the lines' parts
   * that fall in the month. `allocated + unallocated === invoices` to the cent; mark-up excluded.
   */
  totals: { invoices: Cents; allocated: Cents; unallocated: Cents; markup: Cents };
  /** Cost centers by code, then the unallocated (null) entry when there are exceptions. */
  byCostCenter: CostCenterTotal[];
  /** Number of invoices that contributed at least one line to the month. */
  invoiceCount: number;
  ruleProblems: RuleProblem[];
  /**
   * The month's invoices whose stated total differs from their lines (see `not-itemised.ts`):
   * outside `totals`, which are the lines', and shown beside them. Absent or empty when none.
   */
  notItemised?: NotItemised[];
}

/** An invoice stating another total than its charge lines add up to: the difference. */
export interface NotItemised {
  invoiceId: string;
  invoiceNumber: string;
  /** Its stated total less its lines, in cents (below zero when it asks less than it itemises). */
  amount: Cents;
}
