/**
 * The schema of every table of the workspace, each one proven at compile time to read exactly its
 * model type. Tables whose record types live with the database (`renderer/db/database.ts`) are
 * proven there, in `renderer/db/backup.ts`, because shared/ cannot import the renderer.
 */
import type { z } from 'zod';
import type {
  Account,
  AllocationRule,
  BudgetLine,
  Carrier,
  Contract,
  CostCenter,
  Dispute,
  Finding,
  ImportBatch,
  Invoice,
  Service,
  Site,
} from '../../model';
import type { ColumnMapping } from '../../import/mapping';
import type { ChargeBlock } from '../../storage/charge-blocks';
import type { ServiceTotals } from '../../storage/service-totals';
import {
  actionLogSchema,
  allocationRuleSchema,
  attachmentSchema,
  contractSchema,
  disputeSchema,
  exportPresetSchema,
  findingSchema,
  settingSchema,
} from './agreements';
import {
  chargeBlockSchema,
  columnMappingSchema,
  importBatchSchema,
  invoiceSchema,
  invoiceUsageSchema,
  originalFileSchema,
  serviceTotalsSchema,
} from './billing';
import type { AllProven, Proof } from './in-sync';
import {
  accountSchema,
  budgetLineSchema,
  carrierSchema,
  costCenterSchema,
  serviceEventSchema,
  serviceSchema,
  siteSchema,
} from './organization';

export * from './agreements';
export * from './billing';
export * from './organization';
export type { AllProven, Proof, SameType } from './in-sync';

/** Table name → the schema of its records (the latest database schema). */
export const TABLE_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  settings: settingSchema,
  carriers: carrierSchema,
  accounts: accountSchema,
  importBatches: importBatchSchema,
  originalFiles: originalFileSchema,
  invoices: invoiceSchema,
  chargeBlocks: chargeBlockSchema,
  usage: invoiceUsageSchema,
  columnMappings: columnMappingSchema,
  sites: siteSchema,
  costCenters: costCenterSchema,
  services: serviceSchema,
  serviceEvents: serviceEventSchema,
  contracts: contractSchema,
  attachments: attachmentSchema,
  findings: findingSchema,
  disputes: disputeSchema,
  allocationRules: allocationRuleSchema,
  exportPresets: exportPresetSchema,
  actionLog: actionLogSchema,
  serviceTotals: serviceTotalsSchema,
  budgets: budgetLineSchema,
};

/** The build fails here when a model type and its schema drift apart. */
export type SharedSchemasInSync = AllProven<
  [
    Proof<typeof carrierSchema, Carrier>,
    Proof<typeof accountSchema, Account>,
    Proof<typeof importBatchSchema, ImportBatch>,
    Proof<typeof invoiceSchema, Invoice>,
    Proof<typeof chargeBlockSchema, ChargeBlock>,
    Proof<typeof columnMappingSchema, ColumnMapping>,
    Proof<typeof siteSchema, Site>,
    Proof<typeof costCenterSchema, CostCenter>,
    Proof<typeof serviceSchema, Service>,
    Proof<typeof contractSchema, Contract>,
    Proof<typeof findingSchema, Finding>,
    Proof<typeof disputeSchema, Dispute>,
    Proof<typeof allocationRuleSchema, AllocationRule>,
    Proof<typeof serviceTotalsSchema, ServiceTotals>,
    Proof<typeof budgetLineSchema, BudgetLine>,
  ]
>;
