/**
 * Everything one audit run reads, as plain data: the rules never touch the database, so the same
 * run works in a Web Worker, in the headless CLI and in unit tests.
 */
import type { IsoDate } from '../dates/iso-date';
import type {
  Account,
  Carrier,
  Contract,
  CostCenter,
  Invoice,
  Service,
  Site,
  UsageRecord,
} from '../model';
import type { ChargeBlock } from '../storage/charge-blocks';
import type { AuditSettings } from './settings';

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
  /** Thresholds the user changed; missing values take the rules' defaults. */
  settings: AuditSettings;
  /** The day the audit runs as (passed in: shared code never reads the clock). */
  today: IsoDate;
}
