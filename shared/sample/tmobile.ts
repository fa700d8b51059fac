/**
 * T-Mobile for Business summary CSV: the PDF's summary columns with `Account Number`,
 * `Invoice Number` and `Bill Cycle Date` added in front; amounts like `-$329.45` and `$.15`.
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
  periodOf,
  randomDigits,
  type BillingContext,
  type InvoiceRef,
} from './billing';
import { lineCharges, noteLineCharges, totalOf, type WirelessRates } from './wireless';
import { csvField, tmobileAmount, tmobileCycle } from './format';
import { ACCOUNT_IDS, CARRIER_IDS } from './organization';
import { partRandom } from './random';

/** Header of the T-Mobile summary export. */
export const TMOBILE_HEADER = [
  'Account Number',
  'Invoice Number',
  'Bill Cycle Date',
  'Wireless Number',
  'Plan',
  'User Name',
  'Plans',
  'Usage charges',
  'Equipment',
  'Services',
  'One-time charges',
  'Taxes & Fees',
  'Total',
] as const;

const RATES: WirelessRates = {
  surchargeBp: 390,
  taxBp: 720,
  flatTaxCents: 115,
  activationCents: 3_500,
  minUsageCents: 5,
};

/** Writes one CSV per month for the T-Mobile account, except the planted missing month. */
export function writeTmobile(ctx: BillingContext): void {
  const random = partRandom(ctx.seed, 'tmobile');
  const account = accountOf(ctx, ACCOUNT_IDS.tmobile);
  ctx.months.forEach((month, index) => {
    const period = periodOf(ctx, ACCOUNT_IDS.tmobile, index);
    const invoiceNumber = randomDigits(random, 10);
    const invoice: InvoiceRef = { carrier: CARRIER_IDS.tmobile, account, invoiceNumber, period };
    if (
      ctx.plan.missingInvoice.accountId === account.id &&
      ctx.plan.missingInvoice.index === index
    ) {
      ctx.ledger.add({
        ruleId: 'missing-invoice',
        carrier: invoice.carrier,
        accountNumber: account.accountNumber,
        month,
        impact: 0,
        billed: 0,
        describe: () =>
          `No T-Mobile invoice for account ${account.accountNumber} for the cycle ending ${period.end}, though it bills every month.`,
      });
      return;
    }
    const fileName = `tmobile-summary-${month}.csv`;
    const cycle = tmobileCycle(period.start, period.end);
    const lead = [account.accountNumber, invoiceNumber, cycle];
    const rows: string[] = [TMOBILE_HEADER.map(csvField).join(',')];
    let total = 0;
    let plans = 0;
    let chargeLines = 0;
    for (const service of billedServices(ctx, CARRIER_IDS.tmobile, ACCOUNT_IDS.tmobile, period)) {
      const charges = lineCharges(ctx, random, service, period, RATES);
      // Add-on services are not sold on this account: the column is always $0.00.
      const addOn = 0;
      const lineTotal = totalOf(charges);
      const taxesAndFees = charges.surcharges + charges.taxes;
      rows.push(
        [
          ...lead,
          service.serviceIdRaw,
          service.plan,
          service.userName ?? '',
          tmobileAmount(cents(charges.monthly)),
          tmobileAmount(cents(charges.usage)),
          tmobileAmount(cents(charges.equipment)),
          tmobileAmount(cents(addOn)),
          tmobileAmount(cents(charges.oneTime)),
          tmobileAmount(cents(taxesAndFees)),
          tmobileAmount(cents(lineTotal)),
        ]
          .map(csvField)
          .join(','),
      );
      total += lineTotal;
      plans += charges.monthly;
      chargeLines += countNonZero(
        charges.monthly,
        charges.usage,
        charges.equipment,
        addOn,
        charges.oneTime,
        taxesAndFees,
      );
      noteServiceBilled(ctx, invoice, service, service.serviceIdRaw, lineTotal, charges.monthly);
      noteLineCharges(ctx, invoice, service, service.serviceIdRaw, charges);
    }
    // Account level: the multi-line discount, on a row with no wireless number.
    const discount = -percentOf(plans, 500);
    const zero = tmobileAmount(cents(0));
    rows.push(
      [
        ...lead,
        '',
        'Account charges',
        '',
        tmobileAmount(cents(discount)),
        zero,
        zero,
        zero,
        zero,
        zero,
        tmobileAmount(cents(discount)),
      ]
        .map(csvField)
        .join(','),
    );
    total += discount;
    chargeLines += countNonZero(discount);
    expectTotal(ctx, invoice, fileName, total, null, chargeLines, null);
    ctx.files.push({
      name: fileName,
      carrier: CARRIER_IDS.tmobile,
      month,
      bytes: strToU8(`${rows.join('\n')}\n`),
    });
  });
}
