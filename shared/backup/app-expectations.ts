/**
 * What the app's own database expects of a backup: its tables and keys (from the schema's stores),
 * the references a restore insists on and each table's record schema. The app's restore and the
 * command line's `--workspace` read a `.temdesk` file with the same expectations, so a backup one
 * refuses the other refuses too.
 */
import { MAX_LINES_TOTAL_CENTS } from '../billing/aggregates';
import { MAX_AMOUNT_CENTS } from '../import/limits';
import { cents, formatCents } from '../money/cents';
import { SCHEMA_STORES } from '../storage/schema-stores';
import type { BackupExpectations } from './read';
import { tableKeysFromSchema } from './schema-keys';
import { TABLE_SCHEMAS } from './schemas';

/**
 * References a restore insists on: the ones whose loss would corrupt what the user sees (a charge
 * block without its invoice, an invoice without its import). Looser links (a site's cost center)
 * are not checked, so a workspace with an imperfect link can always be restored.
 */
const REFERENCES: BackupExpectations['references'] = [
  { table: 'accounts', field: 'carrierId', references: { table: 'carriers', key: 'id' } },
  { table: 'originalFiles', field: 'batchId', references: { table: 'importBatches', key: 'id' } },
  { table: 'invoices', field: 'importBatchId', references: { table: 'importBatches', key: 'id' } },
  { table: 'invoices', field: 'carrierId', references: { table: 'carriers', key: 'id' } },
  {
    table: 'invoices',
    field: ['carrierId', 'accountNumber'],
    references: { table: 'accounts', key: ['carrierId', 'accountNumber'] },
  },
  { table: 'chargeBlocks', field: 'invoiceId', references: { table: 'invoices', key: 'id' } },
  { table: 'usage', field: 'invoiceId', references: { table: 'invoices', key: 'id' } },
  { table: 'serviceTotals', field: 'invoiceId', references: { table: 'invoices', key: 'id' } },
];

/** An invoice's and a charge block's fields the billing check reads (as their schemas give them). */
interface InvoiceTotals {
  id: string;
  invoiceNumber: string;
  linesTotal: number;
  statedTotal: number | null;
}
interface BlockAmounts {
  invoiceId: string;
  blockIndex: number;
  amount: ArrayLike<number>;
}

/**
 * Amounts a bill can hold, and invoice totals that are their lines' sum: a crafted backup with a
 * line of 2⁵³ − 1 cents or an invoice whose total is not its lines would make every figure read
 * from it (checks, chargeback, payment file) wrong or fail half-way. Every import holds these.
 */
export function billingConsistency(tables: Readonly<Record<string, readonly unknown[]>>): string[] {
  const problems: string[] = [];
  const money = (amount: number) => formatCents(cents(amount));
  const sums = new Map<string, number>();
  /** Invoices with a charge past the bound: their lines are not added up. */
  const unsummed = new Set<string>();
  for (const block of (tables.chargeBlocks ?? []) as readonly BlockAmounts[]) {
    let sum = sums.get(block.invoiceId) ?? 0;
    for (let i = 0; i < block.amount.length; i += 1) {
      const amount = block.amount[i] ?? 0;
      if (Math.abs(amount) > MAX_AMOUNT_CENTS) {
        unsummed.add(block.invoiceId);
        problems.push(
          `chargeBlocks: block ${block.blockIndex} of invoice "${block.invoiceId}" holds a charge of ${money(amount)}, beyond the ${money(MAX_AMOUNT_CENTS)} one charge can be. The backup is damaged or was not written by TEM Desk; nothing was restored.`,
        );
        break;
      }
      sum += amount;
    }
    sums.set(block.invoiceId, sum);
  }
  for (const invoice of (tables.invoices ?? []) as readonly InvoiceTotals[]) {
    for (const [field, total] of [
      ['linesTotal', invoice.linesTotal],
      ['statedTotal', invoice.statedTotal],
    ] as const) {
      if (total !== null && Math.abs(total) > MAX_LINES_TOTAL_CENTS) {
        problems.push(
          `invoices: invoice ${invoice.invoiceNumber} (id "${invoice.id}") has a ${field} of ${money(total)}, beyond the ${money(MAX_LINES_TOTAL_CENTS)} one invoice can be. The backup is damaged or was not written by TEM Desk; nothing was restored.`,
        );
      }
    }
    if (unsummed.has(invoice.id)) continue;
    const lines = sums.get(invoice.id) ?? 0;
    if (Math.abs(lines) <= MAX_LINES_TOTAL_CENTS && lines !== invoice.linesTotal) {
      problems.push(
        `invoices: invoice ${invoice.invoiceNumber} (id "${invoice.id}") says its lines total ${money(invoice.linesTotal)}, but its charge lines add up to ${money(lines)}. The backup is damaged or was edited by hand; nothing was restored.`,
      );
    }
  }
  return problems;
}

/** The expectations of the app's current database schema. */
export function appBackupExpectations(): BackupExpectations {
  return {
    ...tableKeysFromSchema(SCHEMA_STORES),
    references: REFERENCES,
    schemas: TABLE_SCHEMAS,
    consistency: billingConsistency,
  };
}
