/**
 * The contract form's values (text, as typed) and their conversion to a {@link Contract}: every
 * number and amount is read here, and a bad one is a sentence naming its field.
 */
import {
  ALLOWANCE_FIELDS,
  allowanceText,
  contractEndDate,
  readAllowance,
} from '../../../shared/contracts';
import { isIsoDate, isoDate, type IsoDate } from '../../../shared/dates';
import type { Contract, ContractRate, ContractStatus } from '../../../shared/model';
import {
  centsFromText,
  centsToDecimalString,
  ZERO_CENTS,
  type Cents,
} from '../../../shared/money/cents';
import { fail, ok, type FieldError, type Result } from '../../../shared/result';

/** One rate card line as typed. */
export interface RateValues {
  plan: string;
  /** Inventory id of the service, or '' for a plan-wide rate. */
  serviceId: string;
  monthly: string;
  /** The month-to-month rate after the term, as typed; blank when not known. */
  monthToMonth: string;
  /** Data allowance in GB, voice minutes and messages as typed: a number, `unlimited`, or blank. */
  dataAllowance: string;
  voiceAllowance: string;
  messagesAllowance: string;
}

/** A new, empty rate card line. */
export const EMPTY_RATE: RateValues = {
  plan: '',
  serviceId: '',
  monthly: '',
  monthToMonth: '',
  dataAllowance: '',
  voiceAllowance: '',
  messagesAllowance: '',
};

/** The allowance inputs of a rate line, with their labels. */
export const ALLOWANCE_INPUTS = [
  { key: 'dataAllowance', label: 'data allowance (GB)' },
  { key: 'voiceAllowance', label: 'voice minutes allowance' },
  { key: 'messagesAllowance', label: 'messages allowance' },
] as const;

/** The whole form as typed. */
export interface ContractFormValues {
  carrierId: string;
  name: string;
  contractNumber: string;
  accountIds: string[];
  serviceIds: string[];
  startDate: string;
  countsFrom: 'signature' | 'installation';
  termMonths: string;
  endDate: string;
  /** True once the user typed an end date of their own; the form then stops computing it. */
  endDateEdited: boolean;
  autoRenew: boolean;
  renewalTermMonths: string;
  noticeDays: string;
  earlyTermination: string;
  marc: string;
  status: ContractStatus;
  notes: string;
  rates: RateValues[];
}

export function formValuesFrom(contract: Contract | undefined, carrierId = ''): ContractFormValues {
  if (!contract) {
    return {
      carrierId,
      name: '',
      contractNumber: '',
      accountIds: [],
      serviceIds: [],
      startDate: '',
      countsFrom: 'signature',
      termMonths: '36',
      endDate: '',
      endDateEdited: false,
      autoRenew: true,
      renewalTermMonths: '12',
      noticeDays: '60',
      earlyTermination: '',
      marc: '',
      status: 'active',
      notes: '',
      rates: [],
    };
  }
  return {
    carrierId: contract.carrierId,
    name: contract.name,
    contractNumber: contract.contractNumber ?? '',
    accountIds: [...contract.accountIds],
    serviceIds: [...contract.serviceIds],
    startDate: contract.startDate,
    countsFrom: contract.countsFrom ?? 'signature',
    termMonths: String(contract.termMonths),
    endDate: contract.endDate,
    endDateEdited:
      computedEndDate(contract.startDate, String(contract.termMonths)) !== contract.endDate,
    autoRenew: contract.autoRenew,
    renewalTermMonths: String(contract.renewalTermMonths),
    noticeDays: String(contract.noticeDays),
    earlyTermination: contract.earlyTermination ?? '',
    marc: contract.marcCents > 0 ? centsToDecimalString(contract.marcCents) : '',
    status: contract.status,
    notes: contract.notes ?? '',
    rates: (contract.rateCard ?? []).map((rate) => ({
      plan: rate.planOrServiceType ?? '',
      serviceId: rate.serviceId ?? '',
      monthly: centsToDecimalString(rate.monthlyRateCents),
      monthToMonth:
        rate.monthToMonthRateCents === undefined
          ? ''
          : centsToDecimalString(rate.monthToMonthRateCents),
      dataAllowance: allowanceText(rate.dataAllowanceGb),
      voiceAllowance: allowanceText(rate.voiceMinutesAllowance),
      messagesAllowance: allowanceText(rate.messagesAllowance),
    })),
  };
}

/** Start date + term → end date, or '' while either is missing or unreadable. */
export function computedEndDate(startDate: string, termMonths: string): string {
  const term = Number(termMonths);
  if (!isIsoDate(startDate) || !Number.isInteger(term) || term < 1 || term > 600) return '';
  return contractEndDate(startDate, term);
}

/** The values as a contract, or every problem, each naming its field. */
export function contractFromValues(
  values: ContractFormValues,
  id: string,
  existing?: Contract,
): Result<Contract> {
  const errors: FieldError[] = [];
  const whole = (column: string, text: string, min: number, unit: string): number => {
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isInteger(value) || value < min) {
      errors.push({
        column,
        value: text,
        message: `Enter a whole number of ${unit}, ${min} or more.`,
      });
      return min;
    }
    return value;
  };
  const date = (column: string, text: string): IsoDate => {
    if (isIsoDate(text)) return text;
    errors.push({ column, value: text, message: 'Enter a date like 2026-01-31.' });
    return isoDate(1970, 1, 1);
  };
  /**
   * An amount of zero or more, at most two decimals. `required` names what to ask for when the
   * text is blank or a "no amount" marker (`-`, `N/A`), which would otherwise read as not known;
   * without it such text gives null (not known).
   */
  const money = (column: string, text: string, required?: string): Cents | null => {
    const read = centsFromText(text);
    if (!read.ok) {
      errors.push({ column, value: text, message: read.errors.map((e) => e.message).join(' ') });
      return ZERO_CENTS;
    }
    // Rounding 45.005 to 45.01 would save a rate nobody typed.
    if (!centsFromText(text, { subCent: 'reject' }).ok) {
      errors.push({
        column,
        value: text,
        message: `“${text.trim()}” has a fraction of a cent; enter dollars and cents, at most two decimals.`,
      });
      return ZERO_CENTS;
    }
    if (read.value === null) {
      if (required !== undefined) errors.push({ column, value: text, message: required });
      return null;
    }
    if (read.value < 0)
      errors.push({ column, value: text, message: 'An amount cannot be negative.' });
    return read.value;
  };

  if (values.carrierId === '') errors.push({ column: 'Carrier', message: 'Choose the carrier.' });
  if (values.name.trim() === '')
    errors.push({ column: 'Name', message: 'Give the contract a name, like “Lumen MPLS 2024”.' });
  const startDate = date('Start date', values.startDate);
  const termMonths = whole('Term (months)', values.termMonths, 1, 'months');
  const endDate = date('End date', values.endDate);
  const renewalTermMonths = values.autoRenew
    ? whole('Renewal term (months)', values.renewalTermMonths || '0', 0, 'months')
    : 0;
  const noticeDays = whole('Notice period (days)', values.noticeDays || '0', 0, 'days');
  // No commitment: a blank or `N/A` MARC is zero, which is what the checks read as none.
  const marcCents = money('MARC', values.marc) ?? ZERO_CENTS;
  const rateCard: ContractRate[] = values.rates.map((rate, index) => {
    const column = `Rate ${index + 1}`;
    if (rate.plan.trim() === '' && rate.serviceId === '')
      errors.push({ column, message: 'Type a plan or service type, or choose a service.' });
    const monthly = money(
      column,
      rate.monthly,
      'Enter the contracted monthly rate, like 45.00 (a dash or N/A is not a rate).',
    );
    // Not known when blank, `-` or `N/A`: the forecast then changes nothing when the term ends.
    const monthToMonth = money(column, rate.monthToMonth);
    const card: ContractRate = {
      ...(rate.plan.trim() === '' ? {} : { planOrServiceType: rate.plan.trim() }),
      ...(rate.serviceId === '' ? {} : { serviceId: rate.serviceId }),
      monthlyRateCents: monthly ?? ZERO_CENTS,
      ...(monthToMonth === null ? {} : { monthToMonthRateCents: monthToMonth }),
    };
    for (const spec of ALLOWANCE_FIELDS) {
      const { key, field } = spec;
      const text = rate[key];
      const reading = readAllowance(text, spec, 'leave it empty when not known');
      if (!reading.ok) {
        const message = reading.message.charAt(0).toUpperCase() + reading.message.slice(1);
        errors.push({ column, value: text, message: message.replace(/^Expected/, 'Enter') });
      } else if (reading.value !== undefined) card[field] = reading.value;
    }
    return card;
  });
  if (errors.length > 0) return fail(errors);
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  return ok({
    ...existing,
    id,
    carrierId: values.carrierId,
    name: values.name.trim(),
    contractNumber: optional(values.contractNumber),
    accountIds: values.accountIds,
    serviceIds: values.serviceIds,
    startDate,
    countsFrom: values.countsFrom,
    termMonths,
    endDate,
    autoRenew: values.autoRenew,
    renewalTermMonths,
    noticeDays,
    earlyTermination: optional(values.earlyTermination),
    marcCents,
    status: values.status,
    rateCard,
    attachmentIds: existing?.attachmentIds ?? [],
    notes: optional(values.notes),
  });
}

/** Errors as one sentence each, prefixed with their field: `Term (months): Enter a whole…`. */
export function errorSentences(errors: readonly FieldError[]): string[] {
  return errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message));
}
