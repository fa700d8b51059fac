/**
 * Verizon Wireless "Raw Data Download": per month one ZIP of tab-delimited CRLF text files,
 * `Account & Wireless Summary` (one row per line, plus an account-level `N/A` row) and
 * `AccountSummary` (one row per account), with the real header drift between the two.
 */
import { strToU8, zipSync } from 'fflate';
import { addDays, dateParts } from '../dates/iso-date';
import {
  accountOf,
  billedServices,
  countNonZero,
  expectTotal,
  noteServiceBilled,
  percentOf,
  fileMonth,
  periodOf,
  randomDigits,
  type BillingContext,
  type InvoiceRef,
} from './billing';
import {
  lineCharges,
  noteLineCharges,
  totalOf,
  type UsageKind,
  type WirelessRates,
} from './wireless';
import { monthDayYear, plainAmount, shortUsDate, thousandths, verizonBillPeriod } from './format';
import { dollars } from './ledger';
import { ACCOUNT_IDS, CARRIER_IDS, COMPANY_BILL_NAME } from './organization';
import { partRandom } from './random';
import { cents } from '../money/cents';

const COMMON = [
  'ECPD Profile ID',
  'Bill Cycle Date',
  'Account Number',
  'Date Due',
  'Invoice Number',
  'Bill Period',
];

/** Header of `Account & Wireless Summary`, exactly as Verizon exports it. */
export const VERIZON_LINE_HEADER = [
  ...COMMON,
  'Wireless Number',
  'User Name',
  'Cost Center',
  'User ID',
  'Your Calling Plan',
  'Account Charges and Credits',
  'Monthly Charges',
  'Usage and Purchase Charges',
  'Equipment Charges',
  'Total Surcharges and Other Charges and Credits',
  'Taxes, Governmental Surcharges and Fees',
  'Third Party Charges',
  'Total Charges',
  'Voice Plan Usage',
  'Messaging Usage',
  'Data Usage (KB)',
  'Data Usage (MB)',
  'Data Usage (GB)',
  'Voice Roaming',
  'Messaging Roaming',
  'Data Roaming (KB)',
  'Data Roaming (MB)',
  'Data Roaming (GB)',
] as const;

/** Header of `AccountSummary`; note `Surcharges, and Fees` (with a comma) here. */
export const VERIZON_ACCOUNT_HEADER = [
  ...COMMON,
  'Bill Name',
  'Previous Balance',
  'Payments',
  'Adjustments',
  'Balance Forward',
  'Account Charges and Credits',
  'Charges for Third-Party Services to Account',
  'Monthly Charges',
  'Late Fee',
  'Usage Charges - Voice',
  'Usage Charges - Messaging',
  'Usage Charges - Data',
  'Usage Charges - Roaming',
  'Usage Charges - International',
  'Usage Charges - Purchases',
  'Usage and Purchase Charges',
  'Equipment Charges',
  'Surcharges and OC&Cs',
  'Taxes, Governmental Surcharges, and Fees',
  'Charges for Third-Party Services to Lines',
  'Total Current Charges',
  'Total Amount Due',
  'Remittance Address',
] as const;

export const VERIZON_LINE_FILE = 'Account & Wireless Summary.txt';
export const VERIZON_ACCOUNT_FILE = 'AccountSummary.txt';

const RATES: WirelessRates = {
  surchargeBp: 415,
  taxBp: 790,
  flatTaxCents: 75,
  activationCents: 3_500,
  minUsageCents: 99,
};
const USAGE_ORDER: readonly UsageKind[] = [
  'voice',
  'messaging',
  'data',
  'roaming',
  'international',
  'purchases',
];
const KB_PER_MB = 1_024;
const KB_PER_GB = 1_048_576;

interface AccountTotals {
  monthly: number;
  usageByKind: Map<UsageKind, number>;
  usage: number;
  equipment: number;
  surcharges: number;
  taxes: number;
  thirdParty: number;
  total: number;
}

/** Writes one ZIP per month for both Verizon accounts. */
export function writeVerizon(ctx: BillingContext): void {
  const random = partRandom(ctx.seed, 'verizon');
  const accountIds = [ACCOUNT_IDS.verizonMain, ACCOUNT_IDS.verizonField];
  const previousDue = new Map<string, number>();
  ctx.months.forEach((_, index) => {
    const month = fileMonth(ctx, accountIds, index);
    const lineRows: string[] = [VERIZON_LINE_HEADER.join('\t')];
    const accountRows: string[] = [VERIZON_ACCOUNT_HEADER.join('\t')];
    const fileName = `verizon-wireless-${month}.zip`;
    for (const accountId of accountIds) {
      const account = accountOf(ctx, accountId);
      const period = periodOf(ctx, accountId, index);
      const invoice: InvoiceRef = {
        carrier: CARRIER_IDS.verizon,
        account,
        invoiceNumber: randomDigits(random, 10),
        period,
      };
      const due = addDays(period.invoiceDate, 23);
      const lead = [
        '',
        monthDayYear(period.invoiceDate),
        account.accountNumber,
        shortUsDate(due),
        invoice.invoiceNumber,
        verizonBillPeriod(period.start, period.end),
      ];
      const totals: AccountTotals = {
        monthly: 0,
        usageByKind: new Map(),
        usage: 0,
        equipment: 0,
        surcharges: 0,
        taxes: 0,
        thirdParty: 0,
        total: 0,
      };
      let chargeLines = 0;
      for (const service of billedServices(ctx, CARRIER_IDS.verizon, accountId, period)) {
        const charges = lineCharges(ctx, random, service, period, RATES);
        const total = totalOf(charges);
        const billedId = service.serviceIdRaw.startsWith('(')
          ? dashed(service.serviceKey)
          : service.serviceIdRaw;
        const costCenter =
          service.costCenterId === undefined
            ? undefined
            : ctx.costCenters.get(service.costCenterId);
        const costCenterText =
          costCenter === undefined || service.id.endsWith('7')
            ? 'N/A'
            : `${costCenter.code}:${costCenter.glAccount}`;
        const surcharges = charges.surcharges + charges.oneTime;
        lineRows.push(
          [
            ...lead,
            billedId,
            (service.userName ?? '').toUpperCase(),
            costCenterText,
            service.userId ?? '',
            service.plan,
            '0.00',
            amount(charges.monthly),
            amount(charges.usage),
            amount(charges.equipment),
            amount(surcharges),
            amount(charges.taxes),
            amount(charges.thirdParty),
            amount(total),
            String(charges.minutes),
            String(charges.messages),
            String(charges.dataKb),
            thousandths(charges.dataKb, KB_PER_MB),
            thousandths(charges.dataKb, KB_PER_GB),
            String(charges.roamingMinutes),
            '0',
            String(charges.roamingKb),
            thousandths(charges.roamingKb, KB_PER_MB),
            thousandths(charges.roamingKb, KB_PER_GB),
          ].join('\t'),
        );
        chargeLines += countNonZero(
          charges.monthly,
          charges.usage,
          charges.equipment,
          surcharges,
          charges.taxes,
          charges.thirdParty,
        );
        totals.monthly += charges.monthly;
        totals.usage += charges.usage;
        totals.usageByKind.set(
          charges.usageKind,
          (totals.usageByKind.get(charges.usageKind) ?? 0) + charges.usage,
        );
        totals.equipment += charges.equipment;
        totals.surcharges += surcharges;
        totals.taxes += charges.taxes;
        totals.thirdParty += charges.thirdParty;
        totals.total += total;
        noteServiceBilled(ctx, invoice, service, billedId, total, charges.monthly);
        noteLineCharges(ctx, invoice, service, billedId, charges);
      }
      // Account level: a loyalty credit, and the late fee when the previous bill went unpaid.
      const credit = -percentOf(totals.monthly, 200);
      const prior = previousDue.get(accountId) ?? totals.total + credit;
      const late = ctx.plan.lateFees.get(accountId) === index;
      const lateFee = late ? percentOf(prior, 150) : 0;
      const accountCharges = credit + lateFee;
      lineRows.push(
        [
          ...lead,
          'N/A',
          '',
          'N/A',
          '',
          '',
          amount(accountCharges),
          '0.00',
          '0.00',
          '0.00',
          '0.00',
          '0.00',
          '0.00',
          amount(accountCharges),
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
          '',
        ].join('\t'),
      );
      chargeLines += countNonZero(credit, lateFee);
      const current = totals.total + accountCharges;
      const payments = late ? 0 : -prior;
      const balanceForward = prior + payments;
      const amountDue = balanceForward + current;
      previousDue.set(accountId, amountDue);
      accountRows.push(
        [
          ...lead,
          account.name ?? COMPANY_BILL_NAME,
          amount(prior),
          amount(payments),
          '0.00',
          amount(balanceForward),
          amount(credit),
          '0.00',
          amount(totals.monthly),
          amount(lateFee),
          ...USAGE_ORDER.map((kind) => amount(totals.usageByKind.get(kind) ?? 0)),
          amount(totals.usage),
          amount(totals.equipment),
          amount(totals.surcharges),
          amount(totals.taxes),
          amount(totals.thirdParty),
          amount(current),
          amount(amountDue),
          'PO BOX 16810 NEWARK NJ 07101-6810',
        ].join('\t'),
      );
      if (late) {
        ctx.ledger.add({
          ruleId: 'late-fee',
          carrier: invoice.carrier,
          accountNumber: account.accountNumber,
          invoiceNumber: invoice.invoiceNumber,
          month,
          impact: lateFee,
          billed: lateFee,
          describe: (e) =>
            `Late fee of ${dollars(e.impact)} (1.5 % of the unpaid ${dollars(prior)}) on invoice ${invoice.invoiceNumber}, in the AccountSummary Late Fee column and the N/A row.`,
        });
      }
      expectTotal(ctx, invoice, fileName, current, current, chargeLines, due);
    }
    const {
      year,
      month: m,
      day,
    } = dateParts(periodOf(ctx, ACCOUNT_IDS.verizonField, index).invoiceDate);
    const mtime = new Date(year, m - 1, day + 1, 6, 0, 0);
    const bytes = zipSync(
      {
        [VERIZON_LINE_FILE]: strToU8(`${lineRows.join('\r\n')}\r\n`),
        [VERIZON_ACCOUNT_FILE]: strToU8(`${accountRows.join('\r\n')}\r\n`),
      },
      { level: 1, mtime },
    );
    ctx.files.push({ name: fileName, carrier: CARRIER_IDS.verizon, month, bytes });
  });
}

function amount(value: number): string {
  return plainAmount(cents(value));
}

/** `+15550100001` → `555-010-0001`: Verizon prints every number dashed. */
function dashed(key: string | null): string {
  const digits = (key ?? '').slice(-10);
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
}
