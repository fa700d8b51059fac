/**
 * Reading what the findings screens show, and the charge lines behind a finding (from the packed
 * blocks, by the rule's references).
 */
import type { ChargeRef } from '../../../shared/audit/rule';
import {
  CHARGE_CATEGORIES,
  type Carrier,
  type Invoice,
  type Service,
  type Site,
} from '../../../shared/model';
import { cents, type Cents } from '../../../shared/money/cents';
import { lineFileOf } from '../../../shared/storage/charge-blocks';
import type { TemDeskDatabase } from '../../db/database';
import {
  disputesTable,
  findingsTable,
  readLastRun,
  type AuditRunSummary,
  type DisputeRecord,
  type FindingRecord,
} from '../../db/findings';

export interface FindingsData {
  findings: FindingRecord[];
  disputes: DisputeRecord[];
  carriers: Carrier[];
  services: Service[];
  sites: Site[];
  invoices: Invoice[];
  lastRun: AuditRunSummary | undefined;
}

export async function loadFindingsData(db: TemDeskDatabase): Promise<FindingsData> {
  const [findings, disputes, carriers, services, sites, invoices, lastRun] = await Promise.all([
    findingsTable(db).toArray(),
    disputesTable(db).toArray(),
    db.carriers.toArray(),
    db.services.toArray(),
    db.sites.toArray(),
    db.invoices.toArray(),
    readLastRun(db),
  ]);
  return { findings, disputes, carriers, services, sites, invoices, lastRun };
}

/** One charge line behind a finding, as the carrier billed it. */
export interface ChargeLineRef {
  invoiceId: string;
  /** Where the line is stored (with `row`), as the finding's reference names it. */
  blockIndex: number;
  row: number;
  invoiceNumber: string;
  /** 1-based line number in the source file. */
  sourceRow: number;
  /** The file the line was read from (an invoice may come in several files). */
  sourceFile: string;
  serviceIdRaw: string;
  description: string;
  category: string;
  period: string;
  amount: Cents;
}

/** The lines `refs` point at, in the order given; refs to deleted invoices are skipped. */
export async function loadChargeRefs(
  db: TemDeskDatabase,
  refs: readonly ChargeRef[],
): Promise<ChargeLineRef[]> {
  const keys = [
    ...new Map(
      refs.map((r) => [`${r.invoiceId}|${r.blockIndex}`, [r.invoiceId, r.blockIndex]]),
    ).values(),
  ].filter((key): key is [string, number] => key.length === 2);
  const blocks = await db.chargeBlocks.bulkGet(keys);
  const invoiceIds = [...new Set(refs.map((r) => r.invoiceId))];
  const invoices = await db.invoices.bulkGet(invoiceIds);
  const numberOf = new Map(
    invoices.filter((i) => i !== undefined).map((i) => [i.id, i.invoiceNumber]),
  );
  const fileOf = new Map(
    invoices.filter((i) => i !== undefined).map((i) => [i.id, i.sourceFile ?? '']),
  );
  const byKey = new Map(
    blocks.filter((b) => b !== undefined).map((b) => [`${b.invoiceId}|${b.blockIndex}`, b]),
  );
  const lines: ChargeLineRef[] = [];
  for (const ref of refs) {
    const block = byKey.get(`${ref.invoiceId}|${ref.blockIndex}`);
    if (block === undefined || ref.row >= block.count) continue;
    const start = block.periodStart[ref.row] ?? '';
    const end = block.periodEnd[ref.row] ?? '';
    lines.push({
      invoiceId: ref.invoiceId,
      blockIndex: ref.blockIndex,
      row: ref.row,
      invoiceNumber: numberOf.get(ref.invoiceId) ?? '',
      sourceRow: block.sourceRow[ref.row] ?? 0,
      sourceFile: lineFileOf(block, ref.row) ?? fileOf.get(ref.invoiceId) ?? '',
      serviceIdRaw: block.serviceIdRaw[ref.row] ?? '',
      description: block.description[ref.row] ?? '',
      category: CHARGE_CATEGORIES[block.category[ref.row] ?? 0] ?? '',
      period: start && end ? `${start} – ${end}` : start || end,
      amount: cents(block.amount[ref.row] ?? 0),
    });
  }
  return lines;
}
