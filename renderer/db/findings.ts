/**
 * The audit's repository: saving a run's findings (the user's status kept) and status changes with
 * a dated note. Disputes and their credits are in `disputes.ts`.
 *
 * Two fields the shared model does not have yet are stored on the same records (IndexedDB keeps
 * whatever the object holds; no index changes): a finding's `evidence` (invoice, charge lines,
 * service) and a dispute's `contact`, `expectedCredit` and dated `credits`.
 */
import { mergeFindings, runAudit, type AuditRunResult } from '../../shared/audit/run';
import type { FindingDraft, FindingEvidence } from '../../shared/audit/rule';
import type { RuleFailure } from '../../shared/audit/rule-failure';
import type { AuditSnapshot } from '../../shared/audit/snapshot';
import {
  AUDIT_SETTINGS_KEY,
  auditDisputeOf,
  auditSettingsOf,
} from '../../shared/audit/stored-state';
import { isIsoDate, type IsoDate } from '../../shared/dates';
import type {
  AuditSettings,
  Dispute,
  Finding,
  FindingStatus,
  StatusChange,
} from '../../shared/model';
import type { Cents } from '../../shared/money/cents';
import { applyApprovalPolicy } from './approvals';
import type { TemDeskDatabase } from './database';
import { blocksOfInvoices } from './staged-blocks';

/** A stored finding with what it points at (the rule's evidence). */
export type FindingRecord = Finding & { evidence?: FindingEvidence };

/** Money the carrier gave back for a dispute, on a date. */
export interface CreditRecord {
  on: IsoDate;
  /** Positive cents. */
  amount: Cents;
  note?: string;
}

/** A stored dispute with the contact, the credit expected and every credit received. */
export type DisputeRecord = Dispute & {
  /** Who at the carrier handles it (name, e-mail, phone). */
  contact?: string;
  /** Credit the carrier agreed to (or that is hoped for); the claimed amount when not set. */
  expectedCredit?: Cents;
  credits?: CreditRecord[];
};

export { AUDIT_SETTINGS_KEY };
/** Settings key of the last run's summary. */
export const AUDIT_LAST_RUN_KEY = 'audit:lastRun';

/** What the findings screen shows about the last run. */
export interface AuditRunSummary {
  /** ISO 8601 timestamp in UTC. */
  at: string;
  total: number;
  added: number;
  resolvedByAudit: number;
  byRule: AuditRunResult['byRule'];
  /** Checks that could not run (absent in summaries saved before checks ran isolated). */
  failedRules?: RuleFailure[];
  /** Wall time of the whole run (snapshot, rules, save), in milliseconds. */
  ms: number;
}

export function findingsTable(db: TemDeskDatabase) {
  return db.table<FindingRecord, string>('findings');
}

export function disputesTable(db: TemDeskDatabase) {
  return db.table<DisputeRecord, string>('disputes');
}

/** The thresholds the user changed, by rule id and setting key. */
export async function readAuditSettings(db: TemDeskDatabase): Promise<AuditSettings> {
  const record = await db.settings.get(AUDIT_SETTINGS_KEY);
  return auditSettingsOf(record?.value);
}

/** Sets one threshold; `undefined` goes back to the rule's default. */
export async function writeAuditSetting(
  db: TemDeskDatabase,
  ruleId: string,
  key: string,
  value: number | undefined,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const settings = await readAuditSettings(db);
    const values = Object.fromEntries(
      Object.entries(settings[ruleId] ?? {}).filter(([name]) => name !== key),
    );
    if (value !== undefined) values[key] = value;
    await db.settings.put({ key: AUDIT_SETTINGS_KEY, value: { ...settings, [ruleId]: values } });
  });
}

export async function readLastRun(db: TemDeskDatabase): Promise<AuditRunSummary | undefined> {
  const record = await db.settings.get(AUDIT_LAST_RUN_KEY);
  const value: unknown = record?.value;
  return typeof value === 'object' && value !== null && 'at' in value
    ? // Written only by saveAuditRun below, in this shape.
      (value as AuditRunSummary)
    : undefined;
}

/** Everything the rules read, from the database, audited as of `today`. */
export async function loadAuditSnapshot(
  db: TemDeskDatabase,
  today: IsoDate,
): Promise<AuditSnapshot> {
  return db.transaction(
    'r',
    [
      db.invoices,
      db.chargeBlocks,
      db.usage,
      db.services,
      db.sites,
      db.costCenters,
      db.accounts,
      db.carriers,
      db.contracts,
      db.settings,
      disputesTable(db),
    ],
    async () => {
      const [invoices, chargeBlocks, usage, services, sites, costCenters, accounts, carriers] =
        await Promise.all([
          db.invoices.toArray(),
          db.chargeBlocks.toArray(),
          db.usage.toArray(),
          db.services.toArray(),
          db.sites.toArray(),
          db.costCenters.toArray(),
          db.accounts.toArray(),
          db.carriers.toArray(),
        ]);
      const contracts = await db.contracts.toArray();
      const settings = await readAuditSettings(db);
      const disputes = await disputesTable(db).toArray();
      return {
        invoices,
        // Blocks an import is staging belong to no invoice yet (see db/staged-blocks).
        chargeBlocks: blocksOfInvoices(chargeBlocks, invoices),
        usage: usage.flatMap((record) => record.records),
        services,
        sites,
        costCenters,
        accounts,
        carriers,
        contracts,
        disputes: disputes.map(auditDisputeOf),
        settings,
        today,
      };
    },
  );
}

/**
 * Folds a run's drafts into the stored findings in one transaction: new ones open, known ones
 * refreshed with their status kept (a dismissed finding stays dismissed), gone ones resolved.
 */
export async function saveAuditRun(
  db: TemDeskDatabase,
  result: Pick<AuditRunResult, 'findings' | 'byRule'> &
    Partial<Pick<AuditRunResult, 'failedRules'>>,
  now: string,
  ms = 0,
): Promise<AuditRunSummary> {
  const table = findingsTable(db);
  return db.transaction('rw', [table, db.settings], async () => {
    const previous = await table.toArray();
    const failedRules = result.failedRules ?? [];
    const notRun = new Set(failedRules.map((failure) => failure.ruleId));
    const merged = mergeFindings(previous, result.findings, now, notRun);
    // A draft carrying on a stored finding (an earlier month imported later) is stored under its id.
    const evidenceById = new Map<string, FindingDraft['evidence']>(
      result.findings.map((draft) => [merged.continued.get(draft.id) ?? draft.id, draft.evidence]),
    );
    const records: FindingRecord[] = merged.findings.map((finding) => {
      const evidence = evidenceById.get(finding.id);
      return evidence === undefined ? finding : { ...finding, evidence };
    });
    await table.bulkPut(records);
    const summary: AuditRunSummary = {
      at: now,
      total: result.findings.length,
      added: merged.added,
      resolvedByAudit: merged.resolvedByAudit,
      byRule: result.byRule,
      failedRules,
      ms,
    };
    await db.settings.put({ key: AUDIT_LAST_RUN_KEY, value: summary });
    return summary;
  });
}

/** Reads the snapshot, runs every rule and saves the result: one whole audit run. */
export async function runAndSaveAudit(
  db: TemDeskDatabase,
  now: string,
  clock: () => number = () => Date.now(),
): Promise<AuditRunSummary> {
  const start = clock();
  const snapshot = await loadAuditSnapshot(db, isoDateOf(now));
  const result = runAudit(snapshot);
  const summary = await saveAuditRun(db, result, now, clock() - start);
  // Findings changed: the approval policy re-decides the invoices it decided (never a person's).
  await applyApprovalPolicy(db, new Date(now));
  return summary;
}

/** The calendar day of an ISO timestamp (UTC). */
export function isoDateOf(timestamp: string): IsoDate {
  const day = timestamp.slice(0, 10);
  if (!isIsoDate(day)) throw new Error(`Not an ISO 8601 timestamp: ${timestamp}`);
  return day;
}

/** Moves findings to `status`, each with a history entry (date and note). Returns how many changed. */
export async function setFindingStatus(
  db: TemDeskDatabase,
  ids: readonly string[],
  status: FindingStatus,
  at: string,
  note?: string,
): Promise<number> {
  const table = findingsTable(db);
  return db.transaction('rw', table, async () => {
    const found = await table.bulkGet([...ids]);
    const changed: FindingRecord[] = [];
    for (const finding of found) {
      if (finding === undefined || finding.status === status) continue;
      changed.push({ ...finding, status, statusHistory: [...finding.statusHistory, entry()] });
    }
    await table.bulkPut(changed);
    return changed.length;
  });
  function entry(): StatusChange {
    const trimmed = note?.trim();
    return trimmed ? { status, at, note: trimmed } : { status, at };
  }
}
