/**
 * What the sample-company generator returns: a whole fictional company (organization, inventory,
 * contracts), a year of carrier bill files in the carriers' real export layouts, and the list of
 * billing errors planted in those files, with what each costs.
 */
import type { IsoDate, IsoMonth } from '../dates/iso-date';
import type { Account, Carrier, Contract, CostCenter, Service, Site, ContractRate } from '../model';
import type { Cents } from '../money/cents';

/** Options of `generateSampleCompany`; every field has a default. */
export interface SampleOptions {
  /** PRNG seed: the same seed gives byte-identical files. Default 20261031. */
  seed?: number;
  /** Monthly bill cycles to generate, ending with `endMonth`; at least 6. Default 12. */
  months?: number;
  /** Multiplies sites, lines and services (1 ≈ 1,500 mobile lines and 200 wireline services). */
  scale?: number;
  /**
   * Last billed month. Default `2026-10` (`DEFAULT_SAMPLE_END_MONTH`), or `sampleEndMonth(today)`,
   * the month before today's, when `today` is given (the app's way). The same options give the
   * same company.
   */
  endMonth?: IsoMonth;
  /**
   * The day the sample is audited as of; the app passes its today. Each account is billed up to
   * its last bill date on or before it (this month's bill too, once its bill day has passed), and
   * the contracts are placed so that no notice deadline other than the planted one is near it.
   * Default: the last day of `endMonth`; when only `today` is given, `endMonth` is
   * `sampleEndMonth(today)`.
   */
  today?: IsoDate;
}

/** A site, with the day it closed when it did (`status: 'closed'`). */
export interface SampleSite extends Site {
  closedOn?: IsoDate;
}

/** A cost center with the general-ledger account finance books telecom spend to. */
export interface SampleCostCenter extends CostCenter {
  /** GL account, e.g. `0000603900`. */
  glAccount: string;
}

/** A carrier account with what a normal month costs. */
export interface SampleAccount extends Account {
  /** Sum of the expected monthly recurring charges of the account's services, in cents. */
  expectedMonthlyCents: Cents;
  /** `arrears`: the period ends on the bill date; `advance`: the period is the bill's calendar month. */
  billing: 'arrears' | 'advance';
}

/** An inventory service with its plan and, for mobile lines, who uses it. */
export interface SampleService extends Service {
  /** Plan or product name as the carrier prints it; the contract's rate card is keyed by it. */
  plan: string;
  /** Seats or paths billed as one line item (UCaaS seat bundles); 1 otherwise. */
  quantity: number;
  /** Department of a mobile line's user. */
  department?: string;
  /** Employee id of a mobile line's user. */
  userId?: string;
}

/** One contracted price: a {@link ContractRate} for a billed plan. */
export type RateCardEntry = ContractRate & { planOrServiceType: string };

/** A contract with the prices it fixes. */
export interface SampleContract extends Contract {
  rateCard: RateCardEntry[];
}

/** One bill file exactly as the carrier's portal exports it. */
export interface SampleFile {
  /** File name, e.g. `verizon-wireless-2026-10.zip`. */
  name: string;
  /** Carrier id (see `SampleCompany.carriers`). */
  carrier: string;
  /** Bill cycle month the file holds. */
  month: IsoMonth;
  bytes: Uint8Array;
}

/** A billing error planted in the files on purpose, as the audit rule with `ruleId` should report it. */
export interface PlantedError {
  /** Audit rule id from the catalogue, e.g. `rate-mismatch`. */
  ruleId: string;
  /** Carrier id. */
  carrier: string;
  accountNumber: string;
  /** The invoice showing it first (for one-invoice errors, the invoice). */
  invoiceNumber?: string;
  /** Service identifier as printed on the bill. */
  serviceId?: string;
  /** First bill month showing it. */
  month: IsoMonth;
  /** Last bill month showing it (equal to `month` for one-invoice errors). */
  throughMonth: IsoMonth;
  /** Money impact as the catalogue defines it for the rule; 0 for "—" rules (inventory gaps). */
  impactCents: Cents;
  /** What was billed for the subject in the affected invoices (for context), in cents. */
  billedCents: Cents;
  /** One sentence with the numbers. */
  description: string;
}

/** What an importer must find for one invoice, to reconcile it to the cent. */
export interface ExpectedTotal {
  /** Carrier id. */
  carrier: string;
  accountNumber: string;
  /** As printed; AT&T Premier has none, so `<account>-<invoice date as YYYYMMDD>`. */
  invoiceNumber: string;
  month: IsoMonth;
  invoiceDate: IsoDate;
  /** Due date the file states; null when its layout has none (AT&T Premier, T-Mobile detail). */
  dueDate: IsoDate | null;
  /** Sum of the invoice's charges as the file itemises them, in cents. */
  totalCents: Cents;
  /** Total the file states for the invoice (Verizon AccountSummary, TEM CSV Invoice Total); null when none. */
  statedTotalCents: Cents | null;
  /** Charge lines an importer makes: one per non-zero amount column, or one per CSV row. */
  chargeLines: number;
  /** File holding the invoice. */
  fileName: string;
}

/** The whole sample company. */
export interface SampleCompany {
  seed: number;
  /** Billed months, oldest first. */
  months: IsoMonth[];
  sites: SampleSite[];
  costCenters: SampleCostCenter[];
  carriers: Carrier[];
  accounts: SampleAccount[];
  services: SampleService[];
  contracts: SampleContract[];
  files: SampleFile[];
  plantedErrors: PlantedError[];
  /** One entry per distinct invoice (a re-sent duplicate file adds none). */
  expectedTotals: ExpectedTotal[];
  /** Charge lines across all files, counted as in {@link ExpectedTotal.chargeLines}. */
  chargeLineCount: number;
}
