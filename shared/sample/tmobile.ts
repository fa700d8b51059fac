/**
 * T-Mobile for Business DETAIL CSV: one row per charge item per line, with each line's `Data`
 * (`0.7309 GB`), `Minutes` and `Messages` on its usage row; amounts like `-$329.45` and `$.15`;
 * the cycle as `Jul 12, 2023 - Aug 11, 2023`. Item descriptions name the summary's columns, so the
 * charge lines are the ones the summary export gives.
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
  randomDigits,
  type BillingContext,
  type InvoiceRef,
} from './billing';
import { lineCharges, noteLineCharges, totalOf, type WirelessRates } from './wireless';
import { csvField, tmobileAmount, tmobileCycle } from './format';
import { ACCOUNT_IDS, CARRIER_IDS } from './organization';
import { partRandom } from './random';

/** Header of the T-Mobile detail export. */
export const TMOBILE_HEADER = [
  'Account Number',
  'Wireless Number',
  'User Name',
  'Connection Type',
  'Item Category',
  'Item Description',
  'Charges',
  'Data',
  'Minutes',
  'Messages',
  'Bill Cycle Date',
  'Invoice Number',
] as const;

const KB_PER_GB = 1024 * 1024;

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
  ctx.months.forEach((_, index) => {
    const month = fileMonth(ctx, [ACCOUNT_IDS.tmobile], index);
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
    const fileName = `tmobile-detail-${month}.csv`;
    const cycle = tmobileCycle(period.start, period.end);
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
      const row = (category: string, amount: number, usage = ['', '', '']) =>
        [
          account.accountNumber,
          service.serviceIdRaw,
          service.userName ?? '',
          charges.minutes > 0 ? 'Voice' : 'Data',
          category,
          category,
          tmobileAmount(cents(amount)),
          ...usage,
          cycle,
          invoiceNumber,
        ]
          .map(csvField)
          .join(',');
      rows.push(row('Plans', charges.monthly));
      rows.push(
        row('Usage charges', charges.usage, [
          `${(charges.dataKb / KB_PER_GB).toFixed(4)} GB`,
          String(charges.minutes),
          String(charges.messages),
        ]),
      );
      if (charges.equipment !== 0) rows.push(row('Equipment', charges.equipment));
      if (charges.oneTime !== 0) rows.push(row('One-time charges', charges.oneTime));
      if (taxesAndFees !== 0) rows.push(row('Taxes & Fees', taxesAndFees));
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
    rows.push(
      [
        account.accountNumber,
        '',
        '',
        '',
        'Plans',
        'Plans',
        tmobileAmount(cents(discount)),
        '',
        '',
        '',
        cycle,
        invoiceNumber,
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
