/**
 * Exporting contracts and rate cards as the canonical CSV files that `readContractsCsv`
 * reads back, through the shared writer (`toCsv`: RFC 4180 quoting, formulas neutralised, CRLF
 * line ends): no BOM (the caller adds one for Excel), ISO dates, `Yes`/`No`, status ids, amounts as
 * plain decimals (`1234.50`).
 */
import { toCsv } from '../export/csv';
import { centsToDecimalString } from '../money/cents';
import type { Contract } from '../model/contract';
import type { Account, Carrier } from '../model/organization';
import { allowanceText, CONTRACT_COLUMNS, CONTRACT_RATE_COLUMNS } from './csv-columns';

/** The canonical contracts file for `contracts`; carriers and accounts are written by name and number. */
export function contractsToCsv(
  contracts: readonly Contract[],
  carriersById: ReadonlyMap<string, Pick<Carrier, 'name'>>,
  accountsById: ReadonlyMap<string, Pick<Account, 'accountNumber'>>,
): string {
  const lines: string[][] = [];
  for (const contract of contracts) {
    lines.push([
      contract.id,
      carriersById.get(contract.carrierId)?.name ?? contract.carrierId,
      contract.name,
      contract.accountIds.map((id) => accountsById.get(id)?.accountNumber ?? id).join('; '),
      contract.startDate,
      String(contract.termMonths),
      contract.endDate,
      contract.autoRenew ? 'Yes' : 'No',
      String(contract.renewalTermMonths),
      String(contract.noticeDays),
      centsToDecimalString(contract.marcCents),
      contract.status,
    ]);
  }
  return toCsv(
    CONTRACT_COLUMNS.map((column) => column.header),
    lines,
  );
}

/**
 * The canonical rates file: one line per rate of every contract's rate card. Service ID is written
 * as `serviceLabels.get(serviceId)` (e.g. the circuit ID) when given, else the inventory id.
 * The month-to-month rate and the allowances are written blank when not known (allowances as
 * numbers or `unlimited`).
 */
export function contractRatesToCsv(
  contracts: readonly Pick<Contract, 'id' | 'rateCard'>[],
  serviceLabels: ReadonlyMap<string, string> = new Map(),
): string {
  const lines: string[][] = [];
  for (const contract of contracts) {
    for (const rate of contract.rateCard ?? []) {
      const serviceId = rate.serviceId ?? '';
      lines.push([
        contract.id,
        rate.planOrServiceType ?? '',
        serviceLabels.get(serviceId) ?? serviceId,
        centsToDecimalString(rate.monthlyRateCents),
        rate.monthToMonthRateCents === undefined
          ? ''
          : centsToDecimalString(rate.monthToMonthRateCents),
        allowanceText(rate.dataAllowanceGb),
        allowanceText(rate.voiceMinutesAllowance),
        allowanceText(rate.messagesAllowance),
      ]);
    }
  }
  return toCsv(
    CONTRACT_RATE_COLUMNS.map((column) => column.header),
    lines,
  );
}
