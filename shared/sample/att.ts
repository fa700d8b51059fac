/**
 * AT&T Mobility "Premier billing summary report": one row per wireless number per cycle, comma
 * separated, every field quoted, `MM/dd/yyyy` dates, `$0.00` / `($948.03)` amounts and `"2,393"`
 * counts. There is no invoice number: an invoice is an account and its invoice date.
 */
import { strToU8 } from 'fflate';
import { cents } from '../money/cents';
import {
  accountOf,
  billedServices,
  countNonZero,
  expectTotal,
  noteServiceBilled,
  percentOf,
  fileMonth,
  periodOf,
  type BillingContext,
  type InvoiceRef,
} from './billing';
import {
  lineCharges,
  noteLineCharges,
  totalOf,
  type LineCharges,
  type WirelessRates,
} from './wireless';
import { productOf } from './catalog';
import { attAmount, compactDate, csvQuoted, groupThousands, usDate } from './format';
import { dollars, monthSpan } from './ledger';
import { ACCOUNT_IDS, CARRIER_IDS, COMPANY_BILL_NAME, issuedOn } from './organization';
import { partRandom } from './random';
import type { SampleService } from './types';

/** Header of the Premier billing summary report, exactly as AT&T exports it. */
export const ATT_HEADER = [
  'Foundation account',
  'Foundation account name',
  'Account number',
  'Account and descriptions',
  'Billing account name',
  'Wireless number and descriptions',
  'Wireless number',
  'DEPARTMENT NAME',
  'User name',
  'VIS CODE',
  'ASSET TAG',
  'Market cycle end date',
  'Invoice date',
  'Rate code',
  'Rate plan name',
  'Group ID',
  'Total current charges',
  'Total monthly charges',
  'Total activity since last bill',
  'Total taxes',
  'Total company fees and surcharges',
  'Total KB usage',
  'Total minutes usage',
  'Total messages',
  'Total FAN level charges',
  'Total adjustments',
] as const;

const RATES: WirelessRates = {
  surchargeBp: 360,
  taxBp: 810,
  flatTaxCents: 98,
  activationCents: 3_500,
  minUsageCents: 99,
};
/** Lines with a recurring promotional credit of $10.00. */
const PROMO_CREDIT = -1_000;

/** Writes one CSV per month for the AT&T account. */
export function writeAtt(ctx: BillingContext): void {
  const random = partRandom(ctx.seed, 'att');
  const account = accountOf(ctx, ACCOUNT_IDS.att);
  const foundation = `0${account.accountNumber.slice(2, 9)}`;
  const { plan } = ctx;
  ctx.months.forEach((_, index) => {
    const month = fileMonth(ctx, [ACCOUNT_IDS.att], index);
    const period = periodOf(ctx, ACCOUNT_IDS.att, index);
    const invoiceDate = issuedOn(account, period);
    const invoice: InvoiceRef = {
      carrier: CARRIER_IDS.att,
      account,
      invoiceNumber: `${account.accountNumber}-${compactDate(invoiceDate)}`,
      period,
    };
    const fileName = `att-premier-billing-summary-${month}.csv`;
    const lead = [
      foundation,
      COMPANY_BILL_NAME,
      account.accountNumber,
      `${account.accountNumber} - ${COMPANY_BILL_NAME}`,
      COMPANY_BILL_NAME,
    ];
    const rows: string[] = [ATT_HEADER.map(csvQuoted).join(',')];
    let total = 0;
    let chargeLines = 0;
    const emit = (
      service: SampleService | undefined,
      raw: string,
      userName: string,
      planName: string,
      charges: LineCharges,
      department: string,
      visCode: string,
    ) => {
      const product = productOf(planName);
      const activity = charges.usage + charges.equipment + charges.oneTime + charges.thirdParty;
      const lineTotal = totalOf(charges);
      const assetTag =
        service !== undefined && service.id.endsWith('1') ? `AT${service.id.slice(-6)}` : '';
      rows.push(
        [
          ...lead,
          `${raw} - ${userName}`,
          raw,
          department,
          userName,
          visCode,
          assetTag,
          usDate(period.end),
          usDate(invoiceDate),
          product.rateCode ?? '',
          planName,
          '1',
          attAmount(cents(lineTotal)),
          attAmount(cents(charges.monthly)),
          attAmount(cents(activity)),
          attAmount(cents(charges.taxes)),
          attAmount(cents(charges.surcharges)),
          groupThousands(charges.dataKb),
          groupThousands(charges.minutes),
          groupThousands(charges.messages),
          attAmount(cents(0)),
          attAmount(cents(charges.adjustments)),
        ]
          .map(csvQuoted)
          .join(','),
      );
      total += lineTotal;
      chargeLines += countNonZero(
        charges.monthly,
        activity,
        charges.taxes,
        charges.surcharges,
        charges.adjustments,
      );
      return lineTotal;
    };
    for (const service of billedServices(ctx, CARRIER_IDS.att, ACCOUNT_IDS.att, period)) {
      const charges = lineCharges(ctx, random, service, period, RATES);
      if (service.id.endsWith('3')) charges.adjustments += PROMO_CREDIT;
      if (plan.attCredit.serviceId === service.id && plan.attCredit.index === index)
        charges.adjustments += plan.attCredit.cents;
      const costCenter =
        service.costCenterId === undefined ? undefined : ctx.costCenters.get(service.costCenterId);
      const visCode = costCenter === undefined ? '' : `V${costCenter.code.slice(-4)}`;
      const department = (service.department ?? '').toUpperCase();
      const userName = (service.userName ?? '').toUpperCase();
      const lineTotal = emit(
        service,
        service.serviceIdRaw,
        userName,
        service.plan,
        charges,
        department,
        visCode,
      );
      noteServiceBilled(ctx, invoice, service, service.serviceIdRaw, lineTotal, charges.monthly);
      noteLineCharges(ctx, invoice, service, service.serviceIdRaw, charges);
      if (plan.attDuplicateRow.serviceId === service.id && plan.attDuplicateRow.index === index) {
        emit(service, service.serviceIdRaw, userName, service.plan, charges, department, visCode);
        ctx.ledger.add({
          ruleId: 'duplicate-charge',
          carrier: invoice.carrier,
          accountNumber: account.accountNumber,
          invoiceNumber: invoice.invoiceNumber,
          serviceId: service.serviceIdRaw,
          month,
          impact: lineTotal,
          billed: lineTotal * 2,
          describe: (e) =>
            `The summary row of ${service.serviceIdRaw} appears twice on the ${invoice.invoiceNumber} invoice: every charge of the line (${dollars(e.impact)}) is billed a second time.`,
        });
      }
    }
    for (const unknown of plan.unknownLines) {
      if (index < unknown.fromIndex) continue;
      const monthly = productOf(unknown.plan).contractCents;
      const charges: LineCharges = {
        monthly,
        usage: 0,
        usageKind: 'data',
        equipment: 0,
        oneTime: 0,
        thirdParty: 0,
        adjustments: 0,
        total: 0,
        surcharges: percentOf(monthly, RATES.surchargeBp),
        taxes: percentOf(monthly, RATES.taxBp) + RATES.flatTaxCents,
        minutes: 40 + index,
        messages: 12,
        dataKb: 204_800 + index,
        roamingMinutes: 0,
        roamingKb: 0,
      };
      const lineTotal = emit(
        undefined,
        unknown.raw,
        unknown.userName,
        unknown.plan,
        charges,
        '',
        '',
      );
      ctx.ledger.add({
        ruleId: 'unknown-service',
        carrier: invoice.carrier,
        accountNumber: account.accountNumber,
        invoiceNumber: invoice.invoiceNumber,
        serviceId: unknown.raw,
        month,
        // The catalogue's impact: the money billed for it, at risk (not at stake).
        impact: lineTotal,
        billed: lineTotal,
        describe: (e) =>
          `${unknown.raw} (${unknown.userName}) is billed on ${monthSpan(e)} (${dollars(e.billed)}) but is in no inventory.`,
      });
    }
    expectTotal(ctx, invoice, fileName, total, null, chargeLines, null, invoiceDate);
    ctx.files.push({
      name: fileName,
      carrier: CARRIER_IDS.att,
      month,
      bytes: strToU8(`${rows.join('\r\n')}\r\n`),
    });
  });
}
