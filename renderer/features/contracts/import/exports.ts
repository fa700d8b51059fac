/** Contracts and rate cards as CSV files and as one XLSX workbook (Contracts + Rates sheets). */
import { strToU8 } from 'fflate';
import { contractRatesToCsv, contractsToCsv } from '../../../../shared/contracts';
import { writeXlsx, type XlsxColumn } from '../../../../shared/export/xlsx';
import type { ContractsData } from '../../../db/contracts';

function lookups(data: ContractsData) {
  return {
    carriers: new Map(data.carriers.map((c) => [c.id, c])),
    accounts: new Map(data.accounts.map((a) => [a.id, a])),
    serviceLabels: new Map(data.services.map((s) => [s.id, s.serviceIdRaw])),
  };
}

/** The canonical contracts file, with a BOM so Excel reads accents. */
export function contractsCsvBytes(data: ContractsData): Uint8Array {
  const { carriers, accounts } = lookups(data);
  return strToU8(`\uFEFF${contractsToCsv(data.contracts, carriers, accounts)}`);
}

/** The canonical rates file (Service ID as the circuit ID or phone number). */
export function ratesCsvBytes(data: ContractsData): Uint8Array {
  return strToU8(`\uFEFF${contractRatesToCsv(data.contracts, lookups(data).serviceLabels)}`);
}

export function contractsXlsxBytes(data: ContractsData): Uint8Array {
  const { carriers, accounts, serviceLabels } = lookups(data);
  const text = (header: string): XlsxColumn => ({ header, kind: 'text' });
  return writeXlsx({
    sheets: [
      {
        name: 'Contracts',
        autoFilter: true,
        columns: [
          text('Contract ID'),
          text('Carrier'),
          text('Name'),
          text('Accounts'),
          { header: 'Start Date', kind: 'date' },
          { header: 'Term Months', kind: 'number' },
          { header: 'End Date', kind: 'date' },
          text('Auto Renew'),
          { header: 'Renewal Term Months', kind: 'number' },
          { header: 'Notice Days', kind: 'number' },
          { header: 'MARC', kind: 'money', total: false },
          text('Status'),
        ],
        rows: data.contracts.map((c) => [
          c.id,
          carriers.get(c.carrierId)?.name ?? c.carrierId,
          c.name,
          c.accountIds.map((id) => accounts.get(id)?.accountNumber ?? id).join('; '),
          c.startDate,
          c.termMonths,
          c.endDate,
          c.autoRenew ? 'Yes' : 'No',
          c.renewalTermMonths,
          c.noticeDays,
          c.marcCents,
          c.status,
        ]),
      },
      {
        name: 'Rates',
        autoFilter: true,
        columns: [
          text('Contract ID'),
          text('Plan Or Service Type'),
          text('Service ID'),
          { header: 'Monthly Rate', kind: 'money', total: false },
          { header: 'Month-to-Month Rate', kind: 'money', total: false },
          { header: 'Data Allowance GB', kind: 'number', total: false },
          { header: 'Voice Minutes Allowance', kind: 'number', total: false },
          { header: 'Messages Allowance', kind: 'number', total: false },
        ],
        rows: data.contracts.flatMap((c) =>
          (c.rateCard ?? []).map((rate) => [
            c.id,
            rate.planOrServiceType ?? '',
            rate.serviceId ? (serviceLabels.get(rate.serviceId) ?? rate.serviceId) : '',
            rate.monthlyRateCents,
            rate.monthToMonthRateCents ?? null,
            rate.dataAllowanceGb ?? null,
            rate.voiceMinutesAllowance ?? null,
            rate.messagesAllowance ?? null,
          ]),
        ),
      },
    ],
  });
}
