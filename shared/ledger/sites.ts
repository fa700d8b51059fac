/**
 * What a sites file changes, decided once for both doors. A row's site is found by its code and
 * updated, or added; a later row with the same code updates what the earlier one planned. A cost
 * center is found by its code or its name; one nothing has is refused (the app, unless the user
 * agreed to create it) or created, named by its code (the CLI without a cost centers file).
 */
import type { SiteDraft, SiteField } from '../inventory/sites-file';
import type { CostCenter, Site } from '../model';
import { costCenterFinder } from './cost-centers';
import type { NewRecordId, RecordUpdate, RowRefusal } from './records';
import { withoutUndefined } from './records';

/** What to do with a cost center code nothing stored has. */
export type UnknownCostCenters = 'refuse' | 'create';

/** How a plan treats cost centers, and how it names new records. */
export interface CostCenterOptions {
  newId: NewRecordId;
  /** `refuse` the row (the app), or `create` the cost center named by its code (the CLI). */
  unknownCostCenters: UnknownCostCenters;
  /**
   * Codes to create (named by their code) even when unknown ones are refused: those the user
   * agreed to create in the set-up preview.
   */
  confirmedCodes?: ReadonlySet<string>;
}

/** A cost center code resolved: its id (undefined for a blank code), or why the row is refused. */
export type CostCenterLookup =
  { ok: true; id: string | undefined } | { ok: false; refusal: RowRefusal };

/**
 * How site codes are matched: case and runs of spaces aside (`str-0300`, `STR-0300 ` and
 * `STR-0300` are one site), as carriers and accounts are, so one building never becomes two.
 */
export function siteCodeKey(code: string): string {
  return code.trim().replace(/\s+/g, ' ').toUpperCase();
}

function byCode<T extends { code: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) {
    const key = siteCodeKey(record.code);
    if (!map.has(key)) map.set(key, record);
  }
  return map;
}

/** The sentence for a cost center nothing has. */
export function unknownCostCenterMessage(row: number, code: string): string {
  return `Row ${row}, column "Cost Center": there is no cost center “${code}” (by code or name); add it to the Cost centers list, import a cost centers file, or create it in Set up from files.`;
}

/** Cost centers by code or name: the stored ones and those a plan creates (in `created`). */
export class CostCenterBook {
  private readonly find: (text: string) => CostCenter | undefined;
  private readonly createdByCode = new Map<string, CostCenter>();
  /** Cost centers met for the first time, in the order met. */
  readonly created: CostCenter[] = [];
  /** Codes nothing has, in the order met, with the rows naming them (created or refused). */
  readonly unknownCodes = new Map<string, number[]>();

  constructor(
    stored: readonly CostCenter[],
    private readonly options: CostCenterOptions,
  ) {
    this.find = costCenterFinder(stored);
  }

  /** The cost center a row names (blank: none); refused when unknown and not to be created. */
  resolve(code: string, row: number): CostCenterLookup {
    if (code === '') return { ok: true, id: undefined };
    let costCenter = this.find(code) ?? this.createdByCode.get(code);
    if (costCenter === undefined) {
      this.unknownCodes.set(code, [...(this.unknownCodes.get(code) ?? []), row]);
      const create =
        this.options.unknownCostCenters === 'create' || this.options.confirmedCodes?.has(code);
      if (create) {
        costCenter = { id: this.options.newId('cost-center'), code, name: code, active: true };
        this.createdByCode.set(code, costCenter);
        this.created.push(costCenter);
      }
    }
    if (costCenter !== undefined) return { ok: true, id: costCenter.id };
    const message = unknownCostCenterMessage(row, code);
    return { ok: false, refusal: { row, column: 'Cost Center', value: code, message } };
  }
}

/** Sites by code for an inventory file; a code nothing has is a new site, as the row names it. */
export class SiteBook {
  private readonly byCode: Map<string, Site>;
  /** Sites met for the first time, in the order met. */
  readonly created: Site[] = [];

  constructor(
    stored: readonly Site[],
    private readonly newId: NewRecordId,
  ) {
    this.byCode = byCode(stored);
  }

  /** The site with this code; a new one is named by `name` (else its code), in the US, active. */
  siteFor(code: string, name: string, costCenterId: string | undefined): Site {
    const key = siteCodeKey(code);
    let site = this.byCode.get(key);
    if (site === undefined) {
      site = withoutUndefined<Site>({
        id: this.newId('site'),
        code,
        name: name || code,
        country: 'US',
        status: 'active',
        costCenterId,
      });
      this.byCode.set(key, site);
      this.created.push(site);
    }
    return site;
  }
}

/** What a sites file changes. */
export interface SitePlan {
  /** New sites, in file order. */
  added: Site[];
  /** Stored sites the file updates (a site named twice alike is one update; otherwise refused). */
  updated: RecordUpdate<Site>[];
  /** Cost centers met for the first time (`unknownCostCenters: 'create'`, or confirmed codes). */
  newCostCenters: CostCenter[];
  /** Cost center codes nothing has, with the rows naming them (created or refused). */
  unknownCostCenterCodes: Map<string, number[]>;
  /** Rows left out, and why. */
  refusals: RowRefusal[];
}

/** The stored records a sites file is planned against. */
export interface SiteLedger {
  sites: readonly Site[];
  costCenters: readonly CostCenter[];
}

/** The site a row describes; a blank cell clears its field, fields the file lacks are kept. */
function siteFromDraft(draft: SiteDraft, base: Site | { id: string }, costCenterId?: string): Site {
  const stored = 'code' in base ? base : undefined;
  /** The file's value of a field, or the stored one when the file has none of its columns. */
  const read = <T>(columns: readonly SiteField[], value: T, kept: T): T =>
    stored !== undefined && columns.every((column) => draft.absentColumns?.includes(column))
      ? kept
      : value;
  // With no Status column, a Closed date still closes the site and a blank one in a file that has
  // the column opens it (never closed with no date: every charge there would need review); with
  // neither column the stored status stays.
  const statusWithoutColumn =
    draft.closedOn !== undefined
      ? 'closed'
      : draft.absentColumns?.includes('closed') === true
        ? stored?.status
        : 'active';
  return withoutUndefined({
    ...base,
    code: draft.code,
    name: draft.name,
    street: read(['street'], draft.street || undefined, stored?.street),
    city: read(['city'], draft.city || undefined, stored?.city),
    region: read(['state', 'region'], draft.state || undefined, stored?.region),
    postalCode: read(['postalCode'], draft.postalCode || undefined, stored?.postalCode),
    country: read(['country'], draft.country, stored?.country ?? draft.country),
    costCenterId: read(['costCenter'], costCenterId, stored?.costCenterId),
    status: read(['status'], draft.status, statusWithoutColumn ?? draft.status),
    openedOn: read(['opened'], draft.openedOn, stored?.openedOn),
    closedOn: read(['closed'], draft.closedOn, stored?.closedOn),
  });
}

/** Plans a sites file against the stored sites and cost centers. */
export function planSites(
  drafts: readonly SiteDraft[],
  stored: SiteLedger,
  options: CostCenterOptions,
): SitePlan {
  const costCenters = new CostCenterBook(stored.costCenters, options);
  const storedSites = byCode(stored.sites);
  const planned = new Map<string, { before: Site | undefined; after: Site; draft: SiteDraft }>();
  const refusals: RowRefusal[] = [];
  for (const draft of drafts) {
    const costCenter = costCenters.resolve(draft.costCenterCode, draft.row);
    if (!costCenter.ok) {
      refusals.push(costCenter.refusal);
      continue;
    }
    const key = siteCodeKey(draft.code);
    const earlier = planned.get(key);
    if (earlier !== undefined) {
      // A file names each site once: a repeat that says otherwise is refused, not the last word.
      const refusal = repeatedSiteRefusal(
        draft,
        earlier,
        siteFromDraft(draft, earlier.after, costCenter.id),
      );
      if (refusal !== null) refusals.push(refusal);
      continue;
    }
    const before = storedSites.get(key);
    const base = before ?? { id: options.newId('site') };
    planned.set(key, { before, after: siteFromDraft(draft, base, costCenter.id), draft });
  }
  const added: Site[] = [];
  const updated: RecordUpdate<Site>[] = [];
  for (const { before, after } of planned.values()) {
    if (before === undefined) added.push(after);
    else updated.push({ before, after });
  }
  return {
    added,
    updated,
    newCostCenters: costCenters.created,
    unknownCostCenterCodes: costCenters.unknownCodes,
    refusals,
  };
}

/** The columns of a site's fields (the sites file's canonical headers). */
const COLUMN_OF_SITE_FIELD: Partial<Record<keyof Site, string>> = {
  name: 'Site Name',
  street: 'Address',
  city: 'City',
  region: 'State',
  postalCode: 'Postal Code',
  country: 'Country',
  costCenterId: 'Cost Center',
  status: 'Status',
  openedOn: 'Opened',
  closedOn: 'Closed',
};

/** A row naming a site an earlier row planned: null when it says the same, else its refusal. */
function repeatedSiteRefusal(
  draft: SiteDraft,
  earlier: { after: Site; draft: SiteDraft },
  again: Site,
): RowRefusal | null {
  const columns = (Object.entries(COLUMN_OF_SITE_FIELD) as [keyof Site, string][])
    .filter(([field]) => earlier.after[field] !== again[field])
    .map(([, column]) => column);
  if (columns.length === 0) return null;
  const spelled = earlier.draft.code === draft.code ? '' : ` (written “${earlier.draft.code}”)`;
  return {
    row: draft.row,
    column: 'Site Code',
    value: draft.code,
    message: `Row ${draft.row}: site “${draft.code}” is already listed on row ${earlier.draft.row}${spelled}, with ${differentColumns(columns)}. List each site once: keep the row that is right and remove the other.`,
  };
}

/** “a different Plan”, “a different Plan and Status”, “a different Plan, City and Status”. */
export function differentColumns(columns: readonly string[]): string {
  const last = columns[columns.length - 1] ?? '';
  return columns.length <= 1
    ? `a different ${last}`
    : `a different ${columns.slice(0, -1).join(', ')} and ${last}`;
}
