/**
 * Contracts and their rate cards as CSV: reading the user's spreadsheet (alias-tolerant headers,
 * every bad cell a sentence with its row and column) and exporting the canonical columns.
 *
 * Conventions:
 * - "Row N" is the 1-based line of the file (the header is usually row 1), as the preview shows it.
 * - A row with any bad cell is left out of `rows` whole; reading goes on with the next row.
 * - File-level problems (empty file, missing column) are errors on the header row (0 when the
 *   file has none), with the column's canonical name.
 * - Cells are trimmed; `-` and `N/A` in an amount column mean no amount.
 * - Carriers and accounts are read as names and account numbers; the app resolves them to ids.
 * - Export writes RFC 4180 text with CRLF line ends and no BOM (the caller adds one for Excel),
 *   ISO dates, `Yes`/`No`, status ids and amounts as plain decimals (`1234.50`).
 */
import type { DateOrder } from '../dates/iso-date';
import { serviceMatchKey } from '../ids/identifiers';
import { scientificNotationProblem } from '../import/cells';
import { ZERO_CENTS } from '../money/cents';
import type { Contract, ContractRate } from '../model/contract';
import type { CellReading } from './csv-columns';
import {
  ALLOWANCE_FIELDS,
  CONTRACT_COLUMNS,
  CONTRACT_RATE_COLUMNS,
  readAllowance,
  readDays,
  readMonths,
  readStatus,
  readYesNo,
} from './csv-columns';
import { fileDates } from '../inventory/file-dates';
import {
  decideDateOrder,
  locate,
  openTable,
  readAmount,
  splitList,
  type ContractCsvError,
  type ContractSource,
} from './csv-table';
import { noticeDaysForMonths, noticeMonthsOf } from './notice';
import { contractEndDate } from './terms';

export {
  ALLOWANCE_FIELDS,
  allowancesOf,
  allowanceText,
  CONTRACT_COLUMNS,
  CONTRACT_RATE_COLUMNS,
  readAllowance,
} from './csv-columns';
export { contractRatesToCsv, contractsToCsv } from './csv-export';
export type { ContractCsvError, ContractSource } from './csv-table';

/** A contract as read from a file, with carrier and accounts by name, before the app gives it ids. */
export interface ContractDraft extends Omit<Contract, 'carrierId' | 'accountIds' | 'serviceIds'> {
  /** 1-based line of the file the contract was read from. */
  line: number;
  /** Carrier as written (`Lumen`); the app matches it to a carrier. */
  carrierName: string;
  /** Account numbers as written, from the `;`-separated Accounts cell. */
  accountNumbers: string[];
  /** True when the file had no End Date and it was computed from Start Date and Term Months. */
  endDateComputed: boolean;
  /**
   * The optional columns the file does not have: a stored contract keeps those fields (a file
   * without a Notice Days column never resets a notice period to 0), where a blank cell means the
   * column's default.
   */
  absentColumns?: readonly ContractColumn[];
  /**
   * The notice period when the file wrote it in months (`3 months`): `noticeDays` holds its days
   * before this row's end date, and a stored contract that keeps its own (amended) end date or
   * renewal term has them counted again before those.
   */
  noticeMonths?: number;
}

/** One contracted rate as read from a rates file. */
export interface ContractRateDraft extends ContractRate {
  /** 1-based line of the file. */
  line: number;
  /** The Contract ID the rate belongs to, as written. */
  contractId: string;
  /**
   * The optional amount and allowance columns the file does not have: the rate the contract's
   * card already holds for the same plan or service keeps those (a file of monthly rates only
   * never drops allowances or month-to-month rates).
   */
  absentColumns?: readonly RateColumn[];
}

/** A column of the contracts file, by key. */
export type ContractColumn = (typeof CONTRACT_COLUMNS)[number]['key'];
/** A column of the rates file, by key. */
export type RateColumn = (typeof CONTRACT_RATE_COLUMNS)[number]['key'];

/** What reading a file gives: the good rows and every problem. */
export interface CsvRead<T> {
  rows: T[];
  errors: ContractCsvError[];
}

/** Options for {@link readContractsCsv}. */
export interface ReadContractsOptions {
  /**
   * How numeric dates are written. When absent it is worked out from all the file's dates together;
   * if they could be read more than one way, each such cell is an error asking for the order.
   */
  dateOrder?: DateOrder;
}

/** Contracts read from a file, and the date order the dates were read in (null: undecided). */
export interface ContractsCsvRead extends CsvRead<ContractDraft> {
  dateOrder: DateOrder | null;
}

/**
 * Reads a contracts file (UTF-8 or Windows-1252; comma, semicolon, tab or pipe separated).
 * Required columns: Contract ID, Carrier, Start Date, Term Months. Blank cells mean: Name →
 * "Carrier Contract ID"; Accounts → none; End Date → computed with {@link contractEndDate};
 * Auto Renew → No; Renewal Term Months → 0 (month-to-month); Notice Days → 0 (notice due by the
 * end date); MARC → 0; Status → active. An End Date that is written is kept as written (amended
 * terms), unless it is before the Start Date.
 */
export function readContractsCsv(
  source: ContractSource,
  options: ReadContractsOptions = {},
): ContractsCsvRead {
  const table = openTable(source, CONTRACT_COLUMNS);
  if (!table.ok) return { rows: [], errors: table.errors, dateOrder: options.dateOrder ?? null };
  const { header, body, indexOf } = table;
  const dateColumns = [indexOf('startDate'), indexOf('endDate')];
  const dateOrder = options.dateOrder ?? decideDateOrder(body, dateColumns);
  // Read as the inventory and sites files read theirs: an Excel date serial (`45352`, what a
  // date column formatted General exports) is a date too.
  const readDate = fileDates(body, dateColumns, dateOrder ?? undefined);
  const errors: ContractCsvError[] = [...table.errors];
  const rows: ContractDraft[] = [];
  const seen = new Map<string, { id: string; line: number }>();
  const absentColumns = CONTRACT_COLUMNS.filter(
    (column) => !column.required && indexOf(column.key) < 0,
  ).map((column) => column.key);

  for (const { line, cells } of body) {
    const cell = (key: ContractColumn) => (cells[indexOf(key)] ?? '').trim();
    const before = errors.length;
    const reject = (key: ContractColumn, message: string) =>
      errors.push(locate(line, header, indexOf(key), cells, message));
    const take = <T>(key: ContractColumn, reading: CellReading<T>, blank: T): T => {
      if (cell(key) === '') return blank;
      if (reading.ok) return reading.value;
      reject(key, reading.message);
      return blank;
    };

    const id = cell('id');
    // An identifier Excel saved as `2.87012E+11` lost its last digits: it names no one account.
    for (const key of ['id', 'accounts'] as const) {
      for (const part of key === 'id' ? [id] : splitList(cell(key))) {
        const problem = scientificNotationProblem(part);
        if (problem !== null) reject(key, problem);
      }
    }
    if (id === '') reject('id', 'is blank; every contract needs an ID (its number will do).');
    // Told apart by more than case: `vzw-2024` under `VZW-2024` is the same contract twice, and
    // a service or rate naming one would be linked to whichever it spells alike.
    const earlier = seen.get(id.toLowerCase());
    if (id !== '' && earlier !== undefined) {
      const as = earlier.id === id ? '' : ` (as "${earlier.id}")`;
      reject(
        'id',
        `"${id}" is already used on row ${earlier.line}${as}; each contract needs its own ID.`,
      );
    } else if (id !== '') seen.set(id.toLowerCase(), { id, line });
    const carrierName = cell('carrier');
    if (carrierName === '') reject('carrier', 'is blank; name the carrier (e.g. Lumen).');

    const startDate = readDate(cell('startDate'));
    if (startDate.ok && startDate.value === undefined)
      reject('startDate', 'is blank; every contract needs a start date.');
    else if (!startDate.ok) reject('startDate', startDate.message);
    const termText = cell('termMonths');
    const termMonths = termText === '' ? null : readMonths(termText, { min: 1 });
    if (termMonths === null) reject('termMonths', 'is blank; enter the term in months, like 36.');
    else if (!termMonths.ok) reject('termMonths', termMonths.message);
    const endRead = readDate(cell('endDate'));
    if (!endRead.ok) reject('endDate', endRead.message);

    const autoRenew = take('autoRenew', readYesNo(cell('autoRenew')), false);
    const renewalTermMonths = take(
      'renewalTermMonths',
      readMonths(cell('renewalTermMonths'), { min: 0, monthToMonth: true }),
      0,
    );
    // A notice period in months (`3 months`) is turned into days once the end date is known.
    const noticeMonths = noticeMonthsOf(cell('noticeDays'));
    const noticeDays =
      noticeMonths === null ? take('noticeDays', readDays(cell('noticeDays')), 0) : 0;
    const marcCents = take('marc', readAmount(cell('marc'), '120,000.00'), null) ?? ZERO_CENTS;
    const status = take('status', readStatus(cell('status')), 'active');

    if (!startDate.ok || startDate.value === undefined || termMonths === null || !termMonths.ok)
      continue;
    const endDate =
      endRead.ok && endRead.value !== undefined
        ? endRead.value
        : contractEndDate(startDate.value, termMonths.value);
    if (endDate < startDate.value) {
      reject('endDate', `the contract ends (${endDate}) before it starts (${startDate.value}).`);
    }
    if (errors.length > before) continue;
    rows.push({
      line,
      id,
      carrierName,
      name: cell('name') === '' ? `${carrierName} ${id}` : cell('name'),
      accountNumbers: splitList(cell('accounts')),
      startDate: startDate.value,
      termMonths: termMonths.value,
      endDate,
      endDateComputed: endRead.ok && endRead.value === undefined,
      ...(absentColumns.length > 0 ? { absentColumns } : {}),
      autoRenew,
      renewalTermMonths,
      ...(noticeMonths === null
        ? { noticeDays }
        : {
            noticeMonths,
            noticeDays: noticeDaysForMonths(noticeMonths, endDate, renewalTermMonths),
          }),
      marcCents,
      status,
    });
  }
  return { rows, errors, dateOrder };
}

/** Options for {@link readContractRatesCsv}. */
export interface ReadContractRatesOptions {
  /** When given, a Contract ID not in this set is an error (e.g. the ids of the contracts file). */
  knownContractIds?: ReadonlySet<string>;
}

/**
 * Reads a rates file: Contract ID and Monthly Rate required, and each row needs a Plan Or
 * Service Type, a Service ID, or both. Negative rates are refused. Month-to-Month Rate (what the
 * carrier charges after the contract ends; the forecast uses it) is optional: an amount, or blank
 * when not known. The allowance columns (Data
 * Allowance GB, Voice Minutes Allowance, Messages Allowance) are optional: a number, `unlimited`,
 * or blank for not known (see {@link readAllowance}).
 */
export function readContractRatesCsv(
  source: ContractSource,
  options: ReadContractRatesOptions = {},
): CsvRead<ContractRateDraft> {
  const table = openTable(source, CONTRACT_RATE_COLUMNS);
  if (!table.ok) return { rows: [], errors: table.errors };
  const { header, body, indexOf } = table;
  const errors: ContractCsvError[] = [...table.errors];
  const rows: ContractRateDraft[] = [];
  /** The row each contract's plan or service was first rated on, and its rates. */
  const rated = new Map<string, { line: number; rate: number; monthToMonth: number | null }>();
  const absentColumns = (
    ['monthToMonthRate', ...ALLOWANCE_FIELDS.map(({ key }) => key)] as const
  ).filter((key) => indexOf(key) < 0);
  for (const { line, cells } of body) {
    const cell = (key: RateColumn) => (cells[indexOf(key)] ?? '').trim();
    const reject = (key: RateColumn, message: string) =>
      errors.push(locate(line, header, indexOf(key), cells, message));
    const before = errors.length;
    const contractId = cell('id');
    if (contractId === '') reject('id', 'is blank; say which contract this rate belongs to.');
    else if (options.knownContractIds !== undefined && !options.knownContractIds.has(contractId)) {
      reject('id', `"${contractId}" is not a contract in the contracts file.`);
    }
    const plan = cell('plan');
    const serviceId = cell('serviceId');
    for (const key of ['id', 'serviceId'] as const) {
      const problem = scientificNotationProblem(cell(key));
      if (problem !== null) reject(key, problem);
    }
    if (plan === '' && serviceId === '') {
      reject('plan', 'is blank, and so is Service ID; a rate needs a plan, a service, or both.');
    }
    const rateText = cell('monthlyRate');
    const rate = readAmount(rateText, '45.00');
    if (rate.ok && rate.value === null)
      reject('monthlyRate', 'is blank; enter the monthly rate, like 45.00.');
    else if (!rate.ok) reject('monthlyRate', rate.message);
    // Optional: blank (or `-`, `N/A`) when the rate after the contract ends is not known.
    const monthToMonthText = cell('monthToMonthRate');
    const monthToMonth = readAmount(monthToMonthText, '55.00');
    if (!monthToMonth.ok) {
      reject(
        'monthToMonthRate',
        `${monthToMonth.message.replace(/\.$/, '')}; this is the monthly rate charged after the contract ends (leave it blank when not known).`,
      );
    }
    const allowances: Pick<ContractRate, (typeof ALLOWANCE_FIELDS)[number]['field']> = {};
    for (const spec of ALLOWANCE_FIELDS) {
      const { key, field } = spec;
      const reading = readAllowance(cell(key), spec);
      if (!reading.ok) reject(key, reading.message);
      else if (reading.value !== undefined) allowances[field] = reading.value;
    }
    if (errors.length > before || !rate.ok || rate.value === null) continue;
    // One rate per plan or service of a contract: two that differ would leave the checks to pick
    // one by row order (`Business Unlimited` at 30.00 and `business unlimited` at 40.00).
    const key = [
      contractId,
      plan.toLowerCase().replace(/\s+/g, ' '),
      serviceId === '' ? '' : (serviceMatchKey(serviceId) ?? serviceId.toLowerCase()),
    ].join('\u0000');
    const same = rated.get(key);
    const monthToMonthCents = monthToMonth.ok ? monthToMonth.value : null;
    if (same !== undefined) {
      if (same.rate !== rate.value || same.monthToMonth !== monthToMonthCents) {
        reject(
          plan === '' ? 'serviceId' : 'plan',
          `rates "${plan || serviceId}" of contract ${contractId} again, differently than row ${same.line}; a contract has one rate per plan or service. Keep the row that is right.`,
        );
      }
      continue;
    }
    rated.set(key, { line, rate: rate.value, monthToMonth: monthToMonthCents });
    rows.push({
      line,
      contractId,
      ...(plan === '' ? {} : { planOrServiceType: plan }),
      ...(serviceId === '' ? {} : { serviceId }),
      monthlyRateCents: rate.value,
      ...(monthToMonth.ok && monthToMonth.value !== null
        ? { monthToMonthRateCents: monthToMonth.value }
        : {}),
      ...allowances,
      ...(absentColumns.length > 0 ? { absentColumns } : {}),
    });
  }
  return { rows, errors };
}
