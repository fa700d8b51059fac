/**
 * The chargeback's storage: the settings and rules that persist month to month (basis, account
 * policies, GL mapping, mark-ups, split rules, export presets) and the loading of one month's
 * allocation input (the month's invoices with their charge blocks, and the inventory).
 */
import Dexie from 'dexie';
import {
  ADVANCE_BILLING_MONTHS,
  anyLineInMonth,
  ARREARS_BILLING_MONTHS,
  DATED_MONTHS_AFTER,
  DATED_MONTHS_BEFORE,
  invoicePeriodReaches,
  monthsAroundInvoiceDate,
  monthsOfInvoicePeriod,
  type AccountAllocationPolicy,
  type AllocationBasis,
  type AllocationInput,
  type GlMapping,
} from '../../shared/allocation';
import {
  addMonthsToMonth,
  endOfMonth,
  isIsoMonth,
  startOfMonth,
  type IsoMonth,
} from '../../shared/dates/iso-date';
import {
  BUILT_IN_PRESETS,
  DEFAULT_CHARGEBACK_CSV_SETTINGS,
  DETAIL_FIELDS,
  presetProblem,
  type ChargebackCsvSettings,
  type DetailField,
  type ExportPreset,
} from '../../shared/export';
import type { AllocationRule, Invoice } from '../../shared/model';
import type { ChargeBlock } from '../../shared/storage/charge-blocks';
import { basisPointsProblem } from '../../shared/money/cents';
import { fail, ok, type Result } from '../../shared/result';
import type { ExportPresetRecord, TemDeskDatabase } from './database';

/** Settings keys of the chargeback (stored in the `settings` table). */
export const CHARGEBACK_KEYS = {
  basis: 'chargeback:basis',
  accountPolicies: 'chargeback:accountPolicies',
  glMapping: 'chargeback:glMapping',
  markups: 'chargeback:markups',
  presetId: 'chargeback:presetId',
  csv: 'chargeback:csv',
} as const;

/** The chargeback's settings, as the allocation engine reads them. */
export interface ChargebackSettings {
  basis: AllocationBasis;
  /** Keyed by account id; accounts without one spread account-level charges pro rata. */
  accountPolicies: Record<string, AccountAllocationPolicy>;
  glMapping: GlMapping;
  /** Mark-up per cost center id, in basis points. */
  markups: Record<string, number>;
  /** The export layout chosen last. */
  presetId: string;
  /** The CSV's suspense cost center and GL account (for the unallocated rows) and total row. */
  csv: ChargebackCsvSettings;
}

export const DEFAULT_CHARGEBACK_SETTINGS: ChargebackSettings = {
  basis: 'invoice-date',
  accountPolicies: {},
  glMapping: { byCategory: {}, byCategoryAndServiceType: {} },
  markups: {},
  presetId: 'standard',
  csv: DEFAULT_CHARGEBACK_CSV_SETTINGS,
};

type Key = keyof ChargebackSettings;

export async function loadChargebackSettings(db: TemDeskDatabase): Promise<ChargebackSettings> {
  const keys = Object.keys(CHARGEBACK_KEYS).filter((key): key is Key => key in CHARGEBACK_KEYS);
  const records = await db.settings.bulkGet(keys.map((key) => CHARGEBACK_KEYS[key]));
  const settings: ChargebackSettings = structuredClone(DEFAULT_CHARGEBACK_SETTINGS);
  keys.forEach((key, index) => {
    const value = records[index]?.value;
    if (value !== undefined && value !== null) Object.assign(settings, { [key]: value });
  });
  // A stored CSV setting from an older version may lack a field: the defaults fill it.
  settings.csv = { ...DEFAULT_CHARGEBACK_CSV_SETTINGS, ...settings.csv };
  return settings;
}

export async function saveChargebackSetting<K extends Key>(
  db: TemDeskDatabase,
  key: K,
  value: ChargebackSettings[K],
): Promise<void> {
  await db.settings.put({ key: CHARGEBACK_KEYS[key], value });
}

/** Months that have invoices (by invoice date), newest first. */
export async function invoiceMonths(db: TemDeskDatabase): Promise<IsoMonth[]> {
  const dates = await db.invoices.orderBy('invoiceDate').uniqueKeys();
  const months = new Set<IsoMonth>();
  for (const date of dates) {
    if (typeof date !== 'string') continue;
    const month = date.slice(0, 7);
    if (isIsoMonth(month)) months.add(month);
  }
  return [...months].sort().reverse();
}

/**
 * The months the chargeback offers, newest first: by invoice date, those with invoices; by service
 * period, also each month an invoice's stated period reaches (an August bill for September to
 * November gives those three months, which may have no bill dated in them: without them their
 * share of the bill could never be seen or exported), and each month near a bill's date that a
 * line of it falls in (an October bill's line for August).
 */
export async function chargebackMonths(
  db: TemDeskDatabase,
  basis: AllocationBasis,
): Promise<IsoMonth[]> {
  return (await chargebackMonthChoice(db, basis)).months;
}

/**
 * The months the chargeback offers ({@link chargebackMonths}) and the one it opens on: the newest
 * with a bill dated in it. By service period the newest month offered can be one only a bill's
 * period reaches, up to a year ahead of the bills (a year billed in advance: next December,
 * with a twelfth of one bill); the page opens on the latest bills' month, as by invoice date.
 */
export async function chargebackMonthChoice(
  db: TemDeskDatabase,
  basis: AllocationBasis,
): Promise<{ months: IsoMonth[]; opening: IsoMonth | null }> {
  const dated = await invoiceMonths(db);
  const opening = dated[0] ?? null;
  if (basis === 'invoice-date') return { months: dated, opening };
  const months = new Set(dated);
  const around = new Set<IsoMonth>();
  await db.invoices.each((invoice) => {
    for (const month of monthsOfInvoicePeriod(invoice)) months.add(month);
    for (const month of monthsAroundInvoiceDate(invoice)) around.add(month);
  });
  // A month near a bill's date that no bill is dated in nor states (the month before the first
  // bill) still holds the days of a line of one for it: offered only when a line falls in it.
  for (const month of [...around].filter((month) => !months.has(month))) {
    const invoices = await invoicesDated(
      db,
      addMonthsToMonth(month, -DATED_MONTHS_BEFORE),
      addMonthsToMonth(month, DATED_MONTHS_AFTER),
    );
    if (anyLineInMonth(month, invoices, await blocksOf(db, invoices))) months.add(month);
  }
  return { months: [...months].sort().reverse(), opening };
}

/** The charge blocks of `invoices`, by the invoice index. */
async function blocksOf(db: TemDeskDatabase, invoices: readonly Invoice[]): Promise<ChargeBlock[]> {
  const blocks = await Promise.all(
    invoices.map((invoice) =>
      db.chargeBlocks
        .where('[invoiceId+blockIndex]')
        .between([invoice.id, Dexie.minKey], [invoice.id, Dexie.maxKey])
        .toArray(),
    ),
  );
  return blocks.flat();
}

/** Invoices dated from the start of `from` to the end of `to` (months), by the date index. */
function invoicesDated(db: TemDeskDatabase, from: IsoMonth, to: IsoMonth): Promise<Invoice[]> {
  return db.invoices
    .where('invoiceDate')
    .between(startOfMonth(from), endOfMonth(to), true, true)
    .toArray();
}

/**
 * Everything `allocateMonth` needs for one month. With the service-period basis, invoices dated
 * from the month before to two months after are read (bills in arrears or in advance), and so are
 * those dated up to a year earlier or later whose stated period reaches the month (a quarter or a
 * year billed in advance, a quarter billed in arrears: without them the month would lose its share
 * of the bill, and the months would no longer add up to it); the engine keeps the days that fall
 * in the month, counting only the months that read the bill (`invoiceReaches`), so a line whose
 * own period runs past them is shared over the months that do.
 */
export async function loadMonthInput(
  db: TemDeskDatabase,
  month: IsoMonth,
): Promise<AllocationInput> {
  const settings = await loadChargebackSettings(db);
  const reaching = async (from: IsoMonth, to: IsoMonth) =>
    (await invoicesDated(db, from, to)).filter((invoice) => invoicePeriodReaches(invoice, month));
  // Three disjoint ranges of dates, so no bill is read twice; only the bills whose stated period
  // reaches the month are taken from the outer two (their charge lines are read, no others).
  const invoices =
    settings.basis === 'invoice-date'
      ? await invoicesDated(db, month, month)
      : [
          ...(await reaching(
            addMonthsToMonth(month, -ADVANCE_BILLING_MONTHS),
            addMonthsToMonth(month, -DATED_MONTHS_BEFORE - 1),
          )),
          ...(await invoicesDated(
            db,
            addMonthsToMonth(month, -DATED_MONTHS_BEFORE),
            addMonthsToMonth(month, DATED_MONTHS_AFTER),
          )),
          ...(await reaching(
            addMonthsToMonth(month, DATED_MONTHS_AFTER + 1),
            addMonthsToMonth(month, ARREARS_BILLING_MONTHS),
          )),
        ];
  const blocks = await blocksOf(db, invoices);
  return { month, basis: settings.basis, invoices, blocks, ...(await loadAllocationSetup(db)) };
}

/** The allocation's inventory, rules and settings: everything but the month, its invoices and lines. */
export async function loadAllocationSetup(
  db: TemDeskDatabase,
): Promise<Omit<AllocationInput, 'month' | 'basis' | 'invoices' | 'blocks'>> {
  const [services, sites, accounts, costCenters, carriers, rules, settings] = await Promise.all([
    db.services.toArray(),
    db.sites.toArray(),
    db.accounts.toArray(),
    db.costCenters.toArray(),
    db.carriers.toArray(),
    db.allocationRules.toArray(),
    loadChargebackSettings(db),
  ]);
  return {
    services,
    sites,
    accounts,
    costCenters,
    carriers,
    rules,
    accountPolicies: settings.accountPolicies,
    glMapping: settings.glMapping,
    markups: settings.markups,
  };
}

/** Why a split rule cannot be saved, as a sentence; null when it is fine. */
export function ruleProblem(rule: AllocationRule): string | null {
  if (rule.name.trim() === '') return 'Give the rule a name.';
  if (rule.splits.length < 2) return 'A split needs at least two cost centers.';
  if (rule.splits.some((split) => split.costCenterId === ''))
    return 'Choose a cost center for every share.';
  const ids = new Set(rule.splits.map((split) => split.costCenterId));
  if (ids.size !== rule.splits.length) return 'Each cost center can appear only once in a split.';
  const shares = basisPointsProblem(rule.splits.map((split) => split.basisPoints));
  if (shares !== null) return shares;
  if (!isIsoMonth(rule.effectiveFrom)) return 'Choose the first month the rule applies.';
  if (rule.effectiveTo !== undefined && rule.effectiveTo < rule.effectiveFrom)
    return 'The last month cannot be before the first.';
  return null;
}

export async function saveRule(db: TemDeskDatabase, rule: AllocationRule): Promise<Result<string>> {
  const problem = ruleProblem(rule);
  if (problem !== null) return fail(problem);
  await db.allocationRules.put(rule);
  return ok(rule.id);
}

export async function deleteRule(db: TemDeskDatabase, id: string): Promise<void> {
  await db.allocationRules.delete(id);
}

const KNOWN_FIELDS = new Set<string>(DETAIL_FIELDS);

function isDetailField(field: string): field is DetailField {
  return KNOWN_FIELDS.has(field);
}

/** A stored layout as the exporter reads it; unknown fields (from an older version) are dropped. */
function presetFromRecord(record: ExportPresetRecord): ExportPreset {
  const grouping =
    'grouping' in record && record.grouping === 'cost-center-gl' ? 'cost-center-gl' : 'charge';
  return {
    id: record.id,
    name: record.name,
    grouping,
    columns: record.columns.flatMap(({ field, header }) =>
      isDetailField(field) ? [{ field, header }] : [],
    ),
  };
}

/** Built-in layouts first (read-only), then the user's, by name. */
export async function loadPresets(db: TemDeskDatabase): Promise<ExportPreset[]> {
  const stored = (await db.exportPresets.toArray()).map(presetFromRecord);
  stored.sort((a, b) => a.name.localeCompare(b.name));
  return [...BUILT_IN_PRESETS, ...stored];
}

export function isBuiltInPreset(id: string): boolean {
  return BUILT_IN_PRESETS.some((preset) => preset.id === id);
}

/** Saves a user layout (the grouping is kept in the record beside the columns). */
export async function savePreset(
  db: TemDeskDatabase,
  preset: ExportPreset,
): Promise<Result<string>> {
  if (isBuiltInPreset(preset.id)) return fail('Built-in layouts cannot be changed; save a copy.');
  const problem = presetProblem(preset);
  if (problem !== null) return fail(problem);
  const clash = (await loadPresets(db)).find(
    (other) =>
      other.id !== preset.id &&
      other.name.trim().toLowerCase() === preset.name.trim().toLowerCase(),
  );
  if (clash !== undefined) return fail(`A layout called "${clash.name}" already exists.`);
  const record: ExportPresetRecord & Pick<ExportPreset, 'grouping'> = {
    id: preset.id,
    name: preset.name.trim(),
    grouping: preset.grouping,
    columns: preset.columns.map(({ field, header }) => ({ field, header: header.trim() })),
  };
  await db.exportPresets.put(record);
  return ok(preset.id);
}

export async function deletePreset(db: TemDeskDatabase, id: string): Promise<void> {
  await db.exportPresets.delete(id);
}

/** One-click fix: give a site a cost center (its services without their own follow it). */
export async function setSiteCostCenter(
  db: TemDeskDatabase,
  siteId: string,
  costCenterId: string,
): Promise<Result<string>> {
  return db.transaction('rw', [db.sites, db.costCenters], async () => {
    const costCenter = await db.costCenters.get(costCenterId);
    if (costCenter === undefined) return fail('That cost center no longer exists.');
    if (!costCenter.active) return fail(`${costCenter.code} is inactive; choose an active one.`);
    const updated = await db.sites.update(siteId, { costCenterId });
    if (updated === 0) return fail('That site no longer exists.');
    return ok(siteId);
  });
}

/** One-click fix: give an account a default cost center (for its account-level charges). */
export async function setAccountDefaultCostCenter(
  db: TemDeskDatabase,
  accountId: string,
  costCenterId: string,
): Promise<Result<string>> {
  return db.transaction('rw', [db.accounts, db.costCenters], async () => {
    const costCenter = await db.costCenters.get(costCenterId);
    if (costCenter === undefined) return fail('That cost center no longer exists.');
    if (!costCenter.active) return fail(`${costCenter.code} is inactive; choose an active one.`);
    const updated = await db.accounts.update(accountId, { defaultCostCenterId: costCenterId });
    if (updated === 0) return fail('That account no longer exists.');
    return ok(accountId);
  });
}
