/**
 * Re-runs the validation checks whenever what they read changes: invoices and imports (deletions,
 * usage added or undone), services, sites, contracts, accounts, cost centers or the thresholds.
 * The run itself happens in a Web Worker (see `auditRunner.ts`), debounced so a burst of edits gives one run.
 */
import { liveQuery } from 'dexie';
import { useEffect } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import type { TemDeskDatabase } from '../../db/database';
import { AUDIT_SETTINGS_KEY } from '../../db/findings';
import { scheduleChecks } from './auditRunner';

/** FNV-1a over text: a cheap fingerprint, so an unchanged emission does not start a run. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(16)}`;
}

/**
 * A fingerprint of everything the audit reads except the charge lines (they change with invoices)
 * and the usage (it changes with imports: a usage-only file and its Undo add and remove a batch).
 */
export async function auditInputs(db: TemDeskDatabase): Promise<string> {
  const [invoices, batches, services, sites, contracts, accounts, costCenters, settings] =
    await Promise.all([
      db.invoices.toArray(),
      db.importBatches.toCollection().primaryKeys(),
      db.services.toArray(),
      db.sites.toArray(),
      db.contracts.toArray(),
      db.accounts.toArray(),
      db.costCenters.toArray(),
      db.settings.get(AUDIT_SETTINGS_KEY),
    ]);
  return fingerprint(
    JSON.stringify([
      invoices.map((invoice) => [invoice.id, invoice.statedTotal, invoice.linesTotal]),
      batches,
      services,
      sites,
      contracts,
      accounts,
      costCenters,
      settings?.value ?? null,
    ]),
  );
}

let lastFingerprint: string | undefined;

/** Watches the audit's inputs and schedules a run when they change (and once at start). */
export function useAutoAudit(): void {
  const db = useDatabase();
  useEffect(() => {
    const subscription = liveQuery(() => auditInputs(db)).subscribe({
      next: (value) => {
        const key = `${db.name}|${value}`;
        if (key === lastFingerprint) return;
        lastFingerprint = key;
        scheduleChecks(db);
      },
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, [db]);
}

/** Mount once under the DatabaseProvider: keeps the findings up to date with the data. */
export function AutoAudit(): null {
  useAutoAudit();
  return null;
}
