/** Site files: the canonical site columns (alias-tolerant), read into drafts, and written back. */
import type { DateOrder, IsoDate } from '../dates';
import { toCsv } from '../export/csv';
import { writeXlsx } from '../export/xlsx';
import { headerKey, type Table } from '../import/table';
import type { CostCenter, Site } from '../model';
import type { FieldError } from '../result';
import { fileDates } from './file-dates';
import { tableProblemErrors } from './table-problems';

export const SITE_FIELDS = {
  code: { header: 'Site Code', aliases: ['Site', 'Site ID', 'Location Code', 'Store'] },
  name: { header: 'Site Name', aliases: ['Name', 'Location', 'Location Name'] },
  street: { header: 'Address', aliases: ['Street', 'Address 1', 'Street Address'] },
  city: { header: 'City', aliases: ['Town'] },
  state: { header: 'State', aliases: ['Province', 'State/Province'] },
  postalCode: { header: 'Postal Code', aliases: ['Zip', 'ZIP Code', 'Postcode'] },
  country: { header: 'Country', aliases: ['Country Code'] },
  region: { header: 'Region', aliases: ['Area', 'District'] },
  costCenter: { header: 'Cost Center', aliases: ['Cost Centre', 'CC'] },
  status: { header: 'Status', aliases: ['State Of Site'] },
  opened: { header: 'Opened', aliases: ['Open Date', 'Opened On'] },
  closed: { header: 'Closed', aliases: ['Close Date', 'Closed On'] },
} as const satisfies Record<string, { header: string; aliases: readonly string[] }>;

export type SiteField = keyof typeof SITE_FIELDS;
const FIELDS = Object.keys(SITE_FIELDS).filter((f): f is SiteField => f in SITE_FIELDS);

export interface SiteDraft {
  row: number;
  code: string;
  name: string;
  street: string;
  city: string;
  /** State or province; the model's `region` holds it (the file's Region column goes to notes-free grouping). */
  state: string;
  postalCode: string;
  country: string;
  costCenterCode: string;
  status: Site['status'];
  openedOn: IsoDate | undefined;
  closedOn: IsoDate | undefined;
  /**
   * The optional columns the file does not have: a stored site keeps those fields (a file of Site
   * Code, Site Name and Cost Center never blanks addresses or reopens a closed site), where a blank
   * cell clears its field.
   */
  absentColumns?: readonly SiteField[];
}

/** Reads a site file; a row with a bad cell is left out whole and each bad cell reported. */
export function readSiteRows(
  table: Pick<Table, 'header' | 'rows'> & Partial<Pick<Table, 'problems'>>,
  dateOrder?: DateOrder,
): {
  drafts: SiteDraft[];
  errors: (FieldError & { row: number })[];
  missing: string[];
} {
  const keys = table.header.map(headerKey);
  // A field's own name first, then its aliases in order (see `guessInventoryMapping`).
  const index = Object.fromEntries(
    FIELDS.map((field) => {
      const names = [SITE_FIELDS[field].header, ...SITE_FIELDS[field].aliases].map(headerKey);
      const found = names.map((name) => keys.indexOf(name)).find((at) => at >= 0);
      return [field, found ?? -1];
    }),
  );
  const at = (field: SiteField) => index[field] ?? -1;
  const missing = (['code', 'name'] as const)
    .filter((f) => at(f) < 0)
    .map((f) => SITE_FIELDS[f].header);
  const drafts: SiteDraft[] = [];
  const errors: (FieldError & { row: number })[] = [];
  if (missing.length > 0) return { drafts, errors, missing };
  errors.push(...tableProblemErrors(table));
  const readDate = fileDates(table.rows, [at('opened'), at('closed')], dateOrder);
  const absentColumns = FIELDS.filter((field) => at(field) < 0);
  for (const { line, cells } of table.rows) {
    const cell = (field: SiteField) => (at(field) < 0 ? '' : (cells[at(field)] ?? '').trim());
    const rowErrors: (FieldError & { row: number })[] = [];
    const refuse = (field: SiteField, value: string, message: string) =>
      rowErrors.push({
        row: line,
        column: SITE_FIELDS[field].header,
        value,
        message: `Row ${line}, column "${SITE_FIELDS[field].header}": ${message}`,
      });
    if (!cell('code')) refuse('code', '', 'the site code is blank.');
    if (!cell('name')) refuse('name', '', 'the site name is blank.');
    const statusText = headerKey(cell('status'));
    const status: Site['status'] | null =
      statusText === '' || statusText === 'open' || statusText === 'active'
        ? 'active'
        : statusText === 'closed' || statusText === 'inactive'
          ? 'closed'
          : null;
    if (status === null)
      refuse('status', cell('status'), `expected Open or Closed but found "${cell('status')}".`);
    const date = (field: 'opened' | 'closed'): IsoDate | undefined => {
      const text = cell(field);
      const read = readDate(text);
      if (!read.ok) {
        refuse(field, text, read.message);
        return undefined;
      }
      return read.value;
    };
    const openedOn = date('opened');
    const closedOn = date('closed');
    if (rowErrors.length > 0 || status === null) {
      errors.push(...rowErrors);
      continue;
    }
    drafts.push({
      row: line,
      code: cell('code'),
      name: cell('name'),
      street: cell('street'),
      city: cell('city'),
      state: cell('state') || cell('region'),
      postalCode: cell('postalCode'),
      country: cell('country') || 'US',
      costCenterCode: cell('costCenter'),
      status: closedOn ? 'closed' : status,
      openedOn,
      closedOn,
      ...(absentColumns.length > 0 ? { absentColumns } : {}),
    });
  }
  return { drafts, errors, missing };
}

function siteCells(sites: readonly Site[], costCenters: readonly CostCenter[]) {
  const codes = new Map(costCenters.map((c) => [c.id, c.code]));
  const header = FIELDS.map((f) => SITE_FIELDS[f].header);
  const rows = [...sites]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((site) => [
      site.code,
      site.name,
      site.street ?? '',
      site.city ?? '',
      site.region ?? '',
      site.postalCode ?? '',
      site.country,
      '',
      site.costCenterId ? (codes.get(site.costCenterId) ?? '') : '',
      site.status === 'closed' ? 'Closed' : 'Open',
      site.openedOn ?? '',
      site.closedOn ?? '',
    ]);
  return { header, rows };
}

export function sitesCsv(sites: readonly Site[], costCenters: readonly CostCenter[]): string {
  const { header, rows } = siteCells(sites, costCenters);
  return toCsv(header, rows, { bom: true });
}

export function sitesXlsx(sites: readonly Site[], costCenters: readonly CostCenter[]): Uint8Array {
  const { header, rows } = siteCells(sites, costCenters);
  return writeXlsx({
    sheets: [
      {
        name: 'Sites',
        columns: header.map((name) => ({
          header: name,
          kind: name === 'Opened' || name === 'Closed' ? 'date' : 'text',
        })),
        rows: rows.map((row) => row.map((cell) => (cell === '' ? null : cell))),
        autoFilter: true,
      },
    ],
  });
}
