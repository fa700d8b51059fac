/**
 * Who bills whom, and where: carriers, their accounts, the company's sites and cost centers.
 * Ids are opaque strings made by the app; numbers printed on bills are kept as written.
 */
import type { IsoDate } from '../dates/iso-date';
import type { Cents } from '../money/cents';

/** A telecom provider that sends bills (Verizon, AT&T, a regional CLEC…). */
export interface Carrier {
  id: string;
  /** Display name, e.g. `Verizon Wireless`. */
  name: string;
  /** Id of the import profile used by default for this carrier's files, if any. */
  defaultProfileId?: string;
  /** Free text: account manager, support numbers, portal address. */
  notes?: string;
}

/** A billing account at a carrier: one invoice per account per bill cycle. */
export interface Account {
  id: string;
  carrierId: string;
  /** The account number exactly as printed on the bill (leading zeros and dashes kept). */
  accountNumber: string;
  /** Name on the bill, e.g. `ACME CORP - EAST`. */
  name?: string;
  /** Day of the month the bill cycle closes (1–31), used to expect invoices. */
  billCycleDay?: number;
  /** Cost center charged when a service on this account has none of its own. */
  defaultCostCenterId?: string;
  /** Site of the account's services when they have none of their own. */
  defaultSiteId?: string;
  /** What a normal month costs on this account, in cents (for spotting surprises). */
  expectedMonthlyCents?: Cents;
  /** Whether the account is still billing; closed accounts are kept for history. */
  status: 'open' | 'closed';
  /** When the account was closed, if it was. */
  closedOn?: IsoDate;
}

/** A place where services are delivered: an office, a store, a data center. */
export interface Site {
  id: string;
  /** The company's own site code, e.g. `STORE-0142`. */
  code: string;
  name: string;
  street?: string;
  city?: string;
  /** State or province code, e.g. `TX`, `ON`. */
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2 country code, e.g. `US`. */
  country: string;
  /** Cost center charged for this site's services by default. */
  costCenterId?: string;
  status: 'active' | 'closed';
  /** Day the site opened, if known. */
  openedOn?: IsoDate;
  /** Day the site closed; services still billed after it are findings. */
  closedOn?: IsoDate;
}

/** A finance cost center that telecom spend is charged back to. */
export interface CostCenter {
  id: string;
  /** The code finance uses, e.g. `0045250140` or `0045250140:0000603900`. */
  code: string;
  name: string;
  /** Person who approves this cost center's spend. */
  owner?: string;
  /** Parent cost center for roll-ups, if any. */
  parentId?: string;
  /** Inactive cost centers stay for history but take no new allocations. */
  active: boolean;
  /** The GL account finance books this cost center's telecom spend to, e.g. `6420-000`. */
  glAccount?: string;
}
