/**
 * Command-line arguments of the headless CLI: `audit` and `chargeback`, each with its options.
 * Every mistake becomes one sentence the user can act on; nothing here touches the disk.
 */
import {
  DATE_ORDERS,
  isIsoDate,
  isIsoMonth,
  type DateOrder,
  type IsoDate,
  type IsoMonth,
} from '../../shared/dates/iso-date';
import {
  DEFAULT_CHARGEBACK_CSV_SETTINGS,
  type ChargebackCsvSettings,
} from '../../shared/export/chargeback';
import type { ImportLimits } from '../../shared/import/limits';
import type { InvoiceDetails } from '../../shared/import/profiles/types';
import { exchangeRatesOption } from './exchange-rate-option';

/** The files every command reads. */
export interface WorkspaceArgs {
  /** `--cost-centers`: the cost centers file, read before the sites. */
  costCenters: string | null;
  /** `--workspace`: a `.temdesk` backup of the app to start from. */
  workspace: string | null;
  /** `--mappings`: a column mappings file exported from the app's Settings. */
  mappings: string | null;
  /** Required unless `--workspace` is given. */
  sites: string | null;
  /** Required unless `--workspace` is given. */
  inventory: string | null;
  contracts: string | null;
  rates: string | null;
  /** Files or folders (read recursively). */
  bills: string[];
  /**
   * `--allow-row-errors`: write the outputs even when bill rows could not be read (they are left
   * out and listed with their amounts). Without it such a run writes nothing and exits 1.
   */
  allowRowErrors: boolean;
  /** `--sheet`: the sheet to read in every Excel bill workbook that holds one of this name. */
  sheet: string | null;
  /** `--date-order`: how to read bill dates that could be read more than one way (`11/01/2026`). */
  dateOrder: DateOrder | null;
  /** `--setup-date-order`: the same for the sites, inventory and contracts files. */
  setupDateOrder: DateOrder | null;
  /**
   * `--account-number` and `--invoice-date`: the invoice facts of every bill file that does not
   * say them (a Teams PSTN usage report, a T-Mobile summary without its account column);
   * `--exchange-rate EUR=1.0842` the rate of such a report in another currency than dollars.
   */
  invoiceDetails: InvoiceDetails;
  /** Import limits raised by flags (`--max-file-mb`, `--max-zip-mb`, `--max-zip-ratio`, `--allow-any-year`). */
  limits: Partial<ImportLimits>;
}

export interface AuditArgs extends WorkspaceArgs {
  command: 'audit';
  /** Folder the CSV files are written to (created when missing). */
  out: string;
  /** The audit date; null means today. */
  asOf: IsoDate | null;
}

export interface ChargebackArgs extends WorkspaceArgs {
  command: 'chargeback';
  month: IsoMonth;
  /** `.csv` or `.xlsx` file. */
  out: string;
  format: 'csv' | 'xlsx';
  /** Where the CSV books the unallocated charges, and whether it ends with a total row. */
  csv: ChargebackCsvSettings;
}

export interface PaymentsArgs extends WorkspaceArgs {
  command: 'payments';
  /** First and last due date of the invoices to pay (inclusive). */
  from: IsoDate;
  to: IsoDate;
  /** `.csv` or `.xlsx` file. */
  out: string;
  format: 'csv' | 'xlsx';
  /** Take invoices already in the payment register beside the output too. */
  includeExported: boolean;
  /** The date the checks and the approval policy run as of; null means today. */
  asOf: IsoDate | null;
}

export type CliArgs = AuditArgs | ChargebackArgs | PaymentsArgs | { command: 'help' };

export type ParsedArgs = { ok: true; args: CliArgs } | { ok: false; message: string };

/** Options of both commands that raise import limits or allow row errors. */
const IMPORT_OPTIONS = [
  'allow-row-errors',
  'allow-any-year',
  'max-file-mb',
  'max-zip-mb',
  'max-zip-ratio',
  'sheet',
  'date-order',
  'setup-date-order',
  'account-number',
  'invoice-date',
  'exchange-rate',
] as const;

/** The input files and the output of both commands. */
const FILE_OPTIONS = [
  'workspace',
  'mappings',
  'cost-centers',
  'sites',
  'inventory',
  'contracts',
  'rates',
  'bills',
  'out',
] as const;

const OPTIONS = {
  audit: [...FILE_OPTIONS, 'as-of', ...IMPORT_OPTIONS],
  chargeback: [
    ...FILE_OPTIONS,
    'month',
    'suspense-cost-center',
    'suspense-gl',
    'total-row',
    ...IMPORT_OPTIONS,
  ],
  payments: [
    ...FILE_OPTIONS,
    'from',
    'to',
    'format',
    'include-exported',
    'as-of',
    ...IMPORT_OPTIONS,
  ],
} as const;

/** Options that are switches: they take no value. */
const FLAGS: readonly string[] = [
  'allow-row-errors',
  'allow-any-year',
  'total-row',
  'include-exported',
];

const MB = 1024 * 1024;

/** Limits from the size options, or a sentence naming the option given a bad number. */
function limitsOf(one: (name: string) => string | null): Partial<ImportLimits> | string {
  const limits: Partial<ImportLimits> = {};
  const sizes = [
    ['max-file-mb', 'maxFileBytes', MB],
    ['max-zip-mb', 'maxArchiveBytes', MB],
    ['max-zip-ratio', 'maxCompressionRatio', 1],
  ] as const;
  for (const [option, key, unit] of sizes) {
    const text = one(option);
    if (text === null) continue;
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || value * unit > 2 ** 31) {
      return `--${option} must be a positive number (at most ${Math.floor(2 ** 31 / unit)}), not "${text}".`;
    }
    limits[key] = Math.round(value * unit);
  }
  return limits;
}

const REQUIRED = {
  audit: ['sites', 'inventory', 'contracts', 'bills', 'out'],
  chargeback: ['sites', 'inventory', 'bills', 'month', 'out'],
  payments: ['sites', 'inventory', 'bills', 'from', 'to', 'out'],
} as const;

/** What a `--workspace` backup gives, so those files are optional with it. */
const GIVEN_BY_BACKUP: readonly string[] = ['sites', 'inventory', 'contracts'];

function fail(message: string): ParsedArgs {
  return { ok: false, message: `${message} Run "npm run cli -- --help" for the usage.` };
}

/** Parses `argv` (without `node` and the script). */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.some((arg) => arg === '--help' || arg === '-h' || arg === 'help'))
    return { ok: true, args: { command: 'help' } };
  const [command, ...rest] = argv;
  if (command !== 'audit' && command !== 'chargeback' && command !== 'payments') {
    return fail(`Unknown command "${command ?? ''}": use "audit", "chargeback" or "payments".`);
  }
  const allowed: readonly string[] = OPTIONS[command];
  const values = new Map<string, string[]>();
  let current: string | null = null;
  for (const arg of rest) {
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      const equals = body.indexOf('=');
      const name = equals < 0 ? body : body.slice(0, equals);
      if (!allowed.includes(name)) {
        return fail(`"${command}" has no option --${name}; it takes --${allowed.join(', --')}.`);
      }
      if (values.has(name)) return fail(`The option --${name} is given twice.`);
      if (FLAGS.includes(name)) {
        if (equals >= 0) return fail(`The option --${name} takes no value.`);
        values.set(name, ['yes']);
        current = null;
        continue;
      }
      values.set(name, equals < 0 ? [] : [body.slice(equals + 1)]);
      current = name;
      continue;
    }
    if (current === null) return fail(`"${arg}" is not an option: options start with --.`);
    const list = values.get(current) ?? [];
    if (current !== 'bills' && list.length > 0) {
      return fail(`The option --${current} takes one value, but "${arg}" follows it too.`);
    }
    list.push(arg);
    values.set(current, list);
  }
  for (const [name, list] of values) {
    if (list.length === 0 || list.some((value) => value.trim() === '')) {
      return fail(`The option --${name} needs a value.`);
    }
  }
  const missing = REQUIRED[command].filter(
    (name) => !values.has(name) && !(values.has('workspace') && GIVEN_BY_BACKUP.includes(name)),
  );
  if (missing.length > 0) {
    return fail(`"${command}" needs --${missing.join(', --')}.`);
  }
  const one = (name: string): string | null => values.get(name)?.[0] ?? null;
  const limits = limitsOf(one);
  if (typeof limits === 'string') return fail(limits);
  if (values.has('allow-any-year')) limits.allowDatesOutsideYears = true;
  const orderOf = (name: string): { order: DateOrder | null } | { problem: string } => {
    const text = one(name);
    if (text === null) return { order: null };
    const order = DATE_ORDERS.find((candidate) => candidate === text.trim().toUpperCase());
    return order === undefined
      ? { problem: `--${name} must be MDY, DMY or YMD, not "${text}".` }
      : { order };
  };
  const billOrder = orderOf('date-order');
  if ('problem' in billOrder) return fail(billOrder.problem);
  const setupOrder = orderOf('setup-date-order');
  if ('problem' in setupOrder) return fail(setupOrder.problem);
  const invoiceDetails: InvoiceDetails = {};
  const accountNumber = one('account-number')?.trim();
  if (accountNumber !== undefined) invoiceDetails.accountNumber = accountNumber;
  const invoiceDate = one('invoice-date')?.trim();
  if (invoiceDate !== undefined) {
    if (!isIsoDate(invoiceDate))
      return fail(
        `--invoice-date must be a date written YYYY-MM-DD (like 2026-11-15), not "${invoiceDate}".`,
      );
    invoiceDetails.invoiceDate = invoiceDate;
  }
  const rate = one('exchange-rate');
  const rates = rate === null ? null : exchangeRatesOption(rate);
  if (rates !== null && 'problem' in rates) return fail(rates.problem);
  if (rates !== null) invoiceDetails.exchangeRates = rates.rates;
  const workspace: WorkspaceArgs = {
    costCenters: one('cost-centers'),
    workspace: one('workspace'),
    mappings: one('mappings'),
    sites: one('sites'),
    inventory: one('inventory'),
    contracts: one('contracts'),
    rates: one('rates'),
    bills: values.get('bills') ?? [],
    allowRowErrors: values.has('allow-row-errors'),
    sheet: one('sheet'),
    dateOrder: billOrder.order,
    setupDateOrder: setupOrder.order,
    invoiceDetails,
    limits,
  };
  const out = one('out') ?? '';
  if (command === 'audit') {
    const asOf = one('as-of');
    if (asOf !== null && !isIsoDate(asOf)) {
      return fail(`--as-of must be a date written YYYY-MM-DD (like 2026-11-15), not "${asOf}".`);
    }
    return { ok: true, args: { command, ...workspace, out, asOf } };
  }
  const format = one('format');
  if (format !== null && format !== 'csv' && format !== 'xlsx') {
    return fail(`--format must be csv or xlsx, not "${format}".`);
  }
  const extension = format ?? out.toLowerCase().slice(out.lastIndexOf('.') + 1);
  if (extension !== 'csv' && extension !== 'xlsx') {
    return fail(`--out must name a .csv or .xlsx file (or give --format), not "${out}".`);
  }
  if (command === 'payments')
    return paymentsArgs(one, values.has('include-exported'), workspace, out, extension);
  const month = one('month') ?? '';
  if (!isIsoMonth(month)) {
    return fail(`--month must be a month written YYYY-MM (like 2026-10), not "${month}".`);
  }
  const csv: ChargebackCsvSettings = {
    suspenseCostCenter:
      one('suspense-cost-center')?.trim() ?? DEFAULT_CHARGEBACK_CSV_SETTINGS.suspenseCostCenter,
    suspenseGlAccount:
      one('suspense-gl')?.trim() ?? DEFAULT_CHARGEBACK_CSV_SETTINGS.suspenseGlAccount,
    totalRow: values.has('total-row'),
  };
  return { ok: true, args: { command, ...workspace, month, out, format: extension, csv } };
}

function paymentsArgs(
  one: (name: string) => string | null,
  includeExported: boolean,
  workspace: WorkspaceArgs,
  out: string,
  format: 'csv' | 'xlsx',
): ParsedArgs {
  const dates: Partial<Record<'from' | 'to' | 'as-of', IsoDate>> = {};
  for (const name of ['from', 'to', 'as-of'] as const) {
    const text = one(name);
    if (text === null) continue;
    if (!isIsoDate(text))
      return fail(`--${name} must be a date written YYYY-MM-DD (like 2026-11-15), not "${text}".`);
    dates[name] = text;
  }
  const { from, to } = dates;
  if (from === undefined || to === undefined) return fail('"payments" needs --from and --to.');
  if (from > to) return fail(`--from (${from}) is after --to (${to}).`);
  return {
    ok: true,
    args: {
      command: 'payments',
      ...workspace,
      from,
      to,
      out,
      format,
      includeExported,
      asOf: dates['as-of'] ?? null,
    },
  };
}
