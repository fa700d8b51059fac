/**
 * Inventory and site files: the canonical columns (alias-tolerant), a guess of which column holds
 * which field for any other layout, and reading rows into drafts with an error per bad cell.
 */
import type { DateOrder, IsoDate } from '../dates';
import { serviceMatchKey } from '../ids/identifiers';
import { scientificNotationProblem } from '../import/cells';
import { summaryRowReason } from '../import/summary-rows';
import { headerKey, type Table } from '../import/table';
import { SERVICE_STATUSES, SERVICE_TYPES, type ServiceStatus, type ServiceType } from '../model';
import type { Cents } from '../money/cents';
import { monthlyCostFromText } from './edits';
import type { FieldError } from '../result';
import { fileDates } from './file-dates';
import { tableProblemErrors } from './table-problems';
import { serviceTypeOf } from './service-types';

export const INVENTORY_FIELDS = {
  siteCode: {
    header: 'Site Code',
    aliases: ['Site', 'Site ID', 'Location Code', 'Store'],
    required: true,
  },
  siteName: { header: 'Site Name', aliases: ['Location', 'Location Name'] },
  costCenter: { header: 'Cost Center', aliases: ['Cost Centre', 'CC', 'Cost Center Code'] },
  carrier: { header: 'Carrier', aliases: ['Vendor', 'Provider'] },
  accountNumber: {
    header: 'Account Number',
    aliases: ['Account', 'Acct #', 'BAN', 'Account No'],
    required: true,
  },
  serviceType: { header: 'Service Type', aliases: ['Type', 'Product Type'] },
  serviceId: {
    header: 'Service ID',
    aliases: ['Circuit ID', 'Phone Number', 'Wireless Number', 'TN', 'Number'],
    required: true,
  },
  description: { header: 'Description', aliases: ['Notes'] },
  plan: { header: 'Plan', aliases: ['Rate Plan', 'Bandwidth', 'Product'] },
  monthly: {
    header: 'Expected Monthly Cost',
    aliases: ['Monthly Cost', 'MRC', 'Monthly Rate', 'Monthly'],
  },
  status: { header: 'Status', aliases: ['State'] },
  installDate: { header: 'Install Date', aliases: ['Installed', 'Activation Date', 'Activated'] },
  disconnectDate: {
    header: 'Disconnect Date',
    aliases: [
      'Disconnected',
      'Disconnected On',
      'Disconnected Date',
      'Disconnection Date',
      'Date Disconnected',
      'Cancel Date',
      'Cancellation Date',
    ],
  },
  contractId: { header: 'Contract ID', aliases: ['Contract', 'Contract Number'] },
  user: { header: 'User', aliases: ['User Name', 'Employee'] },
  department: { header: 'Department', aliases: ['Dept'] },
} as const satisfies Record<
  string,
  { header: string; aliases: readonly string[]; required?: boolean }
>;

export type InventoryField = keyof typeof INVENTORY_FIELDS;
export const INVENTORY_COLUMNS: readonly InventoryField[] = Object.keys(INVENTORY_FIELDS).filter(
  (field): field is InventoryField => field in INVENTORY_FIELDS,
);

/** Column index of each field, -1 when the file has none. */
export type InventoryMapping = Record<InventoryField, number>;

export function guessInventoryMapping(header: readonly string[]): InventoryMapping {
  const keys = header.map(headerKey);
  // The column named by the field's own name first, then by its aliases in order: a `State`
  // column (an address) does not take Status from a file that has a `Status` column too.
  const column = (field: InventoryField) => {
    const spec = INVENTORY_FIELDS[field];
    for (const name of [spec.header, ...spec.aliases]) {
      const index = keys.indexOf(headerKey(name));
      if (index >= 0) return index;
    }
    return -1;
  };
  return {
    siteCode: column('siteCode'),
    siteName: column('siteName'),
    costCenter: column('costCenter'),
    carrier: column('carrier'),
    accountNumber: column('accountNumber'),
    serviceType: column('serviceType'),
    serviceId: column('serviceId'),
    description: column('description'),
    plan: column('plan'),
    monthly: column('monthly'),
    status: column('status'),
    installDate: column('installDate'),
    disconnectDate: column('disconnectDate'),
    contractId: column('contractId'),
    user: column('user'),
    department: column('department'),
  };
}

/** Required fields the mapping lacks, as sentences for the wizard. */
export const REQUIRED_INVENTORY_FIELDS = [
  'siteCode',
  'carrier',
  'accountNumber',
  'serviceId',
] as const;

export function inventoryMappingProblems(mapping: InventoryMapping): string[] {
  return REQUIRED_INVENTORY_FIELDS.filter((field) => mapping[field] < 0).map(
    (field) => `Choose the column that holds the ${INVENTORY_FIELDS[field].header}.`,
  );
}

/** One service row of an inventory file, read and checked. */
export interface InventoryDraft {
  row: number;
  siteCode: string;
  siteName: string;
  costCenterCode: string;
  carrierName: string;
  accountNumber: string;
  type: ServiceType;
  serviceIdRaw: string;
  serviceKey: string | null;
  description: string;
  plan: string;
  monthly: Cents | undefined;
  status: ServiceStatus;
  installDate: IsoDate | undefined;
  disconnectDate: IsoDate | undefined;
  contractId: string;
  userName: string;
  department: string;
  /**
   * The optional columns the file does not have: a stored service keeps those fields (a file of
   * Service ID and Status only updates statuses), where a blank cell clears its field.
   */
  absentColumns?: readonly InventoryField[];
}

/** Status words inventory spreadsheets and carrier portals use, by {@link headerKey}. */
const STATUS_ALIASES: Record<string, ServiceStatus> = {
  inactive: 'disconnected',
  cancelled: 'disconnected',
  canceled: 'disconnected',
  terminated: 'disconnected',
  onorder: 'ordered',
  pendinginstall: 'ordered',
  pendingactivation: 'ordered',
  disconnectpending: 'pending-disconnect',
  pendingdisconnection: 'pending-disconnect',
  pendingcancellation: 'pending-disconnect',
};

/**
 * A row's status with its Disconnect Date, as of `today`. A date today or earlier disconnects the
 * service, unless the row says the disconnect is still to come (a pending disconnect). A date
 * after today is a disconnect planned: an active service (the Status blank, absent or Active) is
 * a pending disconnect with that date, still in service; any other status is kept as written.
 */
export function statusWithDate(
  status: ServiceStatus,
  disconnectDate: IsoDate | undefined,
  today: IsoDate,
): ServiceStatus {
  if (disconnectDate === undefined) return status;
  if (disconnectDate > today) return status === 'active' ? 'pending-disconnect' : status;
  return status === 'pending-disconnect' ? status : 'disconnected';
}

function statusOf(text: string): ServiceStatus | null {
  const key = headerKey(text);
  if (key === '') return 'active';
  return (
    SERVICE_STATUSES.find((status) => headerKey(status) === key) ?? STATUS_ALIASES[key] ?? null
  );
}

/** A row of an inventory file read past on purpose (a Total row), and why, as a sentence. */
export interface InventorySkippedRow {
  row: number;
  message: string;
}

/**
 * Reads every row; a row with a bad cell is left out whole and each bad cell is reported; a Total
 * row is skipped, and said so.
 */
export function readInventoryRows(
  table: Pick<Table, 'header' | 'rows'> & Partial<Pick<Table, 'problems'>>,
  mapping: InventoryMapping,
  today: IsoDate,
  dateOrder?: DateOrder,
): {
  drafts: InventoryDraft[];
  errors: (FieldError & { row: number })[];
  skipped: InventorySkippedRow[];
} {
  const drafts: InventoryDraft[] = [];
  const errors: (FieldError & { row: number })[] = tableProblemErrors(table);
  const skipped: InventorySkippedRow[] = [];
  const readDate = fileDates(table.rows, [mapping.installDate, mapping.disconnectDate], dateOrder);
  const identifying = [mapping.accountNumber, mapping.serviceId].filter((index) => index >= 0);
  const absentColumns = INVENTORY_COLUMNS.filter((field) => mapping[field] < 0);
  for (const { line, cells } of table.rows) {
    const rowErrors: (FieldError & { row: number })[] = [];
    const cell = (field: InventoryField) => {
      const index = mapping[field];
      return index < 0 ? '' : (cells[index] ?? '').trim();
    };
    // A `Total` row under the services (the app's own XLSX export writes one) names no service:
    // it is no row to refuse, but one the preview names. One that names an account or a service is
    // read, and refused if bad.
    const summary =
      cell('accountNumber') === '' && cell('serviceId') === ''
        ? summaryRowReason(cells, identifying)
        : null;
    if (summary !== null) {
      skipped.push({ row: line, message: `Row ${line} is skipped: ${summary}` });
      continue;
    }
    const refuse = (field: InventoryField, value: string, message: string) =>
      rowErrors.push({
        row: line,
        column: table.header[mapping[field]] ?? INVENTORY_FIELDS[field].header,
        value,
        message: `Row ${line}, column "${table.header[mapping[field]] ?? INVENTORY_FIELDS[field].header}": ${message}`,
      });
    // A blank Site Code is a service at no site (the app lets a service have none, and its export
    // writes it so), unless the row names a site without its code.
    for (const field of REQUIRED_INVENTORY_FIELDS) {
      if (cell(field) !== '' || (field === 'siteCode' && cell('siteName') === '')) continue;
      refuse(
        field,
        '',
        field === 'siteCode'
          ? `the Site Code is blank but the Site Name is "${cell('siteName')}"; give the site's code, or leave both blank for a service at no site.`
          : `the ${INVENTORY_FIELDS[field].header} is blank.`,
      );
    }
    for (const field of ['accountNumber', 'serviceId'] as const) {
      const problem = scientificNotationProblem(cell(field));
      if (problem !== null) refuse(field, cell(field), problem);
    }
    // `N/A`, `Account` or a masked number (`***-***-0003`) names no service a bill can match: it
    // would be reported never billed every month.
    if (cell('serviceId') !== '' && serviceMatchKey(cell('serviceId')) === null)
      refuse(
        'serviceId',
        cell('serviceId'),
        `expected the line's phone number or circuit ID but found "${cell('serviceId')}", which names no service a bill can match.`,
      );
    const type = serviceTypeOf(cell('serviceType'));
    if (type === null)
      refuse(
        'serviceType',
        cell('serviceType'),
        `expected a service type (${SERVICE_TYPES.join(', ')}) but found "${cell('serviceType')}".`,
      );
    const status = statusOf(cell('status'));
    if (status === null)
      refuse(
        'status',
        cell('status'),
        `expected ordered, active, pending-disconnect or disconnected but found "${cell('status')}".`,
      );
    let monthly: Cents | undefined;
    if (cell('monthly') !== '') {
      const parsed = monthlyCostFromText(cell('monthly'));
      if (!parsed.ok)
        refuse('monthly', cell('monthly'), parsed.errors.map((e) => e.message).join(' '));
      else monthly = parsed.value ?? undefined;
    }
    const date = (field: 'installDate' | 'disconnectDate'): IsoDate | undefined => {
      const text = cell(field);
      const read = readDate(text);
      if (!read.ok) {
        refuse(field, text, read.message);
        return undefined;
      }
      return read.value;
    };
    const installDate = date('installDate');
    const disconnectDate = date('disconnectDate');
    if (installDate !== undefined && disconnectDate !== undefined && disconnectDate < installDate)
      refuse(
        'disconnectDate',
        cell('disconnectDate'),
        `expected a disconnect date on or after the install date (${installDate}) but found ${disconnectDate}; a service cannot be disconnected before it was installed.`,
      );
    if (rowErrors.length > 0 || type === null || status === null) {
      errors.push(...rowErrors);
      continue;
    }
    drafts.push({
      row: line,
      siteCode: cell('siteCode'),
      siteName: cell('siteName'),
      costCenterCode: cell('costCenter'),
      carrierName: cell('carrier'),
      accountNumber: cell('accountNumber'),
      type,
      serviceIdRaw: cell('serviceId'),
      serviceKey: serviceMatchKey(cell('serviceId')),
      description: cell('description'),
      plan: cell('plan'),
      monthly,
      status: statusWithDate(status, disconnectDate, today),
      installDate,
      disconnectDate,
      contractId: cell('contractId'),
      userName: cell('user'),
      department: cell('department'),
      ...(absentColumns.length > 0 ? { absentColumns } : {}),
    });
  }
  return { drafts, errors, skipped };
}
