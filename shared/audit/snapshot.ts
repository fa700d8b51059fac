/**
 * Everything one audit run reads, as plain data: the rules never touch the database, so the same
 * run works in a Web Worker, in the headless CLI and in unit tests.
 */
import type { IsoDate } from '../dates/iso-date';
import type {
  Account,
  AuditSettings,
  Carrier,
  Contract,
  CostCenter,
  Invoice,
  Service,
  Site,
  UsageRecord,
} from '../model';
import type { Cents } from '../money/cents';
import type { ChargeBlock } from '../storage/charge-blocks';

/**
 * A dispute with a carrier as the audit reads it: a plain shape the app fills from its dispute
 * records, so the rules can check that promised credits show up on later bills.
 */
export interface AuditDispute {
  id: string;
  carrierId: string;
  accountNumber: string;
  /** Filed (submitted) with the carrier on; not filed yet when missing. */
  filedOn?: IsoDate;
  /** The credit expected: the agreed credit, else the amount claimed (positive cents). */
  expectedCredit: Cents;
  /** Credits recorded as received so far (positive cents). */
  creditedAmount: Cents;
  /** Where the dispute stands, e.g. `submitted`, `partially-credited`, `credited`, `denied`. */
  status: string;
  /** The carrier's ticket or claim number, for messages. */
  reference?: string;
}

/** The inputs of {@link runAudit}. */
export interface AuditSnapshot {
  invoices: Invoice[];
  /**
   * Charge lines as stored: packed column blocks. Rules read the columns directly; turning a
   * million lines into a million objects would cost more than the whole audit.
   */
  chargeBlocks: ChargeBlock[];
  usage: UsageRecord[];
  services: Service[];
  sites: Site[];
  costCenters: CostCenter[];
  accounts: Account[];
  carriers: Carrier[];
  contracts: Contract[];
  /** Disputes with carriers; missing (as in older snapshots) means none. */
  disputes?: AuditDispute[];
  /** Thresholds the user changed; missing values take the rules' defaults. */
  settings: AuditSettings;
  /** The day the audit runs as (passed in: shared code never reads the clock). */
  today: IsoDate;
}
