/**
 * Lumen, Comcast Business and RingCentral bills, in TEM Desk's charge-line CSV: one file per
 * carrier per month holding every account's invoice.
 */
import { strToU8 } from 'fflate';
import type { IsoMonth } from '../dates/iso-date';
import {
  accountOf,
  billedRecurring,
  billedServices,
  expectTotal,
  noteServiceBilled,
  percentOf,
  fileMonth,
  periodOf,
  randomDigits,
  type BillingContext,
} from './billing';
import { dollars } from './ledger';
import { ACCOUNT_IDS, CARRIER_IDS } from './organization';
import { partRandom, randomInt } from './random';
import { TemInvoice, temCsvText } from './tem-csv';
import type { SampleService } from './types';

interface CarrierSpec {
  carrier: string;
  name: string;
  filePrefix: string;
  accountIds: readonly string[];
  invoiceNumber: (random: () => number, month: IsoMonth) => string;
  /** Writes a service's charges; returns its recurring charge. */
  serviceCharges: (invoice: TemInvoice, service: SampleService, random: () => number) => number;
  /** Writes the invoice-level charges. */
  invoiceCharges: (invoice: TemInvoice) => void;
}

/** Usage around `base` cents (±20 %), never zero when `base` is not. */
export function usageAround(random: () => number, base: number): number {
  return base === 0 ? 0 : Math.max(1, Math.round((base * randomInt(random, 80, 120)) / 100));
}

export function writeCarrier(
  ctx: BillingContext,
  spec: CarrierSpec,
  after?: (invoice: TemInvoice, text: string) => void,
): void {
  const random = partRandom(ctx.seed, spec.carrier);
  ctx.months.forEach((_, index) => {
    const month = fileMonth(ctx, spec.accountIds, index);
    const fileName = `${spec.filePrefix}-${month}.csv`;
    const rows: string[] = [];
    const invoices: TemInvoice[] = [];
    for (const accountId of spec.accountIds) {
      const account = accountOf(ctx, accountId);
      const period = periodOf(ctx, accountId, index);
      const invoice = new TemInvoice({
        carrier: spec.carrier,
        account,
        invoiceNumber: spec.invoiceNumber(random, period.month),
        period,
      });
      for (const service of billedServices(ctx, spec.carrier, accountId, period)) {
        const before = invoice.total;
        const recurring = spec.serviceCharges(invoice, service, random);
        noteServiceBilled(
          ctx,
          invoice.ref,
          service,
          service.serviceIdRaw,
          invoice.total - before,
          recurring,
        );
      }
      spec.invoiceCharges(invoice);
      const math = ctx.plan.invoiceMath;
      const stated =
        math.accountId === accountId && math.index === index
          ? invoice.total + math.differenceCents
          : invoice.total;
      if (stated !== invoice.total) {
        const sum = invoice.total;
        ctx.ledger.add({
          ruleId: 'invoice-math',
          carrier: spec.carrier,
          accountNumber: account.accountNumber,
          invoiceNumber: invoice.ref.invoiceNumber,
          month: period.month,
          impact: stated - sum,
          billed: stated,
          describe: (e) =>
            `Invoice ${e.invoiceNumber ?? ''} states a total of ${dollars(stated)} but its lines add up to ${dollars(sum)}: ${dollars(e.impact)} more than itemised.`,
        });
      }
      rows.push(...invoice.rows(spec.name, stated));
      expectTotal(
        ctx,
        invoice.ref,
        fileName,
        invoice.total,
        stated,
        invoice.charges.length,
        invoice.dueDate,
      );
      invoices.push(invoice);
    }
    const text = temCsvText(rows);
    ctx.files.push({ name: fileName, carrier: spec.carrier, month, bytes: strToU8(text) });
    for (const invoice of invoices) after?.(invoice, text);
  });
}

/** An invoice's taxes and surcharges, and the recurring and usage charges beside them. */
function taxShare(invoice: TemInvoice): { taxes: number; base: number } {
  let taxes = 0;
  let base = 0;
  for (const charge of invoice.charges) {
    if (charge.category === 'Tax' || charge.category === 'Surcharge') taxes += charge.amount;
    else if (charge.category === 'Recurring' || charge.category === 'Usage') base += charge.amount;
  }
  return { taxes, base };
}

/** Lumen: MPLS, internet and private lines on the data account; PRI/SIP trunks and toll-free on voice. */
export function writeLumen(ctx: BillingContext): void {
  const { plan } = ctx;
  let voiceBase = 0;
  let dataBase = 0;
  const voiceShares: { taxes: number; base: number }[] = [];
  writeCarrier(ctx, {
    carrier: CARRIER_IDS.lumen,
    name: 'Lumen',
    filePrefix: 'lumen',
    accountIds: [ACCOUNT_IDS.lumenData, ACCOUNT_IDS.lumenVoice],
    invoiceNumber: (random) => randomDigits(random, 9),
    serviceCharges: (invoice, service, random) => {
      const id = service.serviceIdRaw;
      const { period } = invoice.ref;
      const recurring = invoice.add(
        id,
        service.plan,
        'Recurring',
        service.quantity,
        billedRecurring(ctx, service, period),
      );
      if (invoice.ref.account.id === ACCOUNT_IDS.lumenData) {
        invoice.add(id, 'Cost Recovery Fee', 'Surcharge', 1, percentOf(recurring, 150));
        dataBase += recurring;
        const nrc = plan.nrcUnexpected;
        if (nrc.serviceId === service.id && nrc.index === period.index) {
          invoice.add(id, 'Installation Charge - Non-Recurring', 'One-Time', 1, nrc.cents);
          ctx.ledger.add({
            ruleId: 'nrc-unexpected',
            carrier: CARRIER_IDS.lumen,
            accountNumber: invoice.ref.account.accountNumber,
            invoiceNumber: invoice.ref.invoiceNumber,
            serviceId: id,
            month: period.month,
            impact: nrc.cents,
            billed: nrc.cents,
            describe: (e) =>
              `Installation charge of ${dollars(e.impact)} on ${id}, installed ${service.activatedOn ?? '?'} with no order or change since.`,
          });
        }
        return recurring;
      }
      if (
        plan.lumenDuplicateCharge.serviceId === service.id &&
        plan.lumenDuplicateCharge.index === period.index
      ) {
        invoice.add(id, service.plan, 'Recurring', service.quantity, recurring);
        ctx.ledger.add({
          ruleId: 'duplicate-charge',
          carrier: CARRIER_IDS.lumen,
          accountNumber: invoice.ref.account.accountNumber,
          invoiceNumber: invoice.ref.invoiceNumber,
          serviceId: id,
          month: period.month,
          impact: recurring,
          billed: recurring * 2,
          describe: (e) =>
            `${id} ${service.plan} (${dollars(recurring)}) is billed twice on invoice ${e.invoiceNumber ?? ''}.`,
        });
      }
      const tollFree = service.type === 'toll-free';
      const usage = usageAround(random, ctx.profiles.get(service.id)?.usageBaseCents ?? 0);
      if (usage > 0)
        invoice.add(
          id,
          tollFree ? 'Toll-Free Inbound Usage' : 'Long Distance',
          'Usage',
          Math.round(usage / 3),
          usage,
        );
      invoice.add(
        id,
        'Federal Universal Service Fund',
        'Surcharge',
        1,
        percentOf(recurring + usage, 1_200),
      );
      if (!tollFree) {
        const paths = service.plan.startsWith('PRI') ? 23 : 20;
        invoice.add(id, 'State 911', 'Tax', paths, paths * 75);
      }
      voiceBase += recurring + usage;
      return recurring;
    },
    invoiceCharges: (invoice) => {
      const { account, period } = invoice.ref;
      if (account.id === ACCOUNT_IDS.lumenData) {
        invoice.add('', 'State & Local Sales Tax', 'Tax', 1, percentOf(dataBase, 450));
        dataBase = 0;
        return;
      }
      const drift = plan.taxDrift;
      const rate =
        drift.accountId === account.id && drift.index === period.index
          ? drift.billedBp
          : drift.normalBp;
      const tax = invoice.add('', 'State & Local Sales Tax', 'Tax', 1, percentOf(voiceBase, rate));
      const share = taxShare(invoice);
      if (rate === drift.normalBp) {
        voiceShares.push(share);
      } else {
        // The catalogue's excess: taxes and surcharges above the usual share of the recurring and
        // usage charges, the usual share being the previous 6 invoices' taken together.
        const previous = voiceShares.slice(-6);
        const usualTaxes = previous.reduce((sum, one) => sum + one.taxes, 0);
        const usualBase = previous.reduce((sum, one) => sum + one.base, 0);
        const expected = Math.floor((2 * usualTaxes * share.base + usualBase) / (2 * usualBase));
        const percent = (part: number, whole: number) => ((part * 100) / whole).toFixed(2);
        const usualTax = percentOf(voiceBase, drift.normalBp);
        ctx.ledger.add({
          ruleId: 'tax-drift',
          carrier: CARRIER_IDS.lumen,
          accountNumber: account.accountNumber,
          invoiceNumber: invoice.ref.invoiceNumber,
          month: period.month,
          impact: share.taxes - expected,
          billed: tax,
          describe: (e) =>
            `State & Local Sales Tax of ${dollars(tax)} is ${rate / 100}% of the taxable charges instead of ${drift.normalBp / 100}% (${dollars(usualTax)}): taxes and surcharges come to ${dollars(share.taxes)}, ${percent(share.taxes, share.base)}% of the ${dollars(share.base)} recurring and usage charges, against ${percent(usualTaxes, usualBase)}% on the previous ${previous.length} invoices (${dollars(expected)}): ${dollars(e.impact)} excess.`,
        });
      }
      voiceBase = 0;
    },
  });
}

/** Comcast Business: broadband internet and analog voice lines on one account. */
export function writeComcast(ctx: BillingContext): void {
  const { plan } = ctx;
  let voiceBase = 0;
  let previousTotal = 0;
  writeCarrier(
    ctx,
    {
      carrier: CARRIER_IDS.comcast,
      name: 'Comcast Business',
      filePrefix: 'comcast-business',
      accountIds: [ACCOUNT_IDS.comcast],
      invoiceNumber: (random, month) =>
        `${month.slice(2, 4)}${month.slice(5, 7)}${randomDigits(random, 6)}`,
      serviceCharges: (invoice, service, random) => {
        const id = service.serviceIdRaw;
        const { period } = invoice.ref;
        const recurring = invoice.add(
          id,
          service.plan,
          'Recurring',
          1,
          billedRecurring(ctx, service, period),
        );
        const nrc = plan.nrcRecurring;
        if (
          nrc.serviceId === service.id &&
          (period.index === nrc.index || period.index === nrc.index + 1)
        ) {
          invoice.add(id, 'Activation Fee', 'One-Time', 1, nrc.cents);
          if (period.index === nrc.index + 1) {
            ctx.ledger.add({
              ruleId: 'nrc-recurring',
              carrier: CARRIER_IDS.comcast,
              accountNumber: invoice.ref.account.accountNumber,
              invoiceNumber: invoice.ref.invoiceNumber,
              serviceId: id,
              month: period.month,
              impact: nrc.cents,
              billed: nrc.cents,
              describe: (e) =>
                `Activation Fee of ${dollars(e.impact)} on ${id} billed again on ${e.month}, one month after the installation it paid for.`,
            });
          }
        }
        if (service.type === 'internet') {
          invoice.add(id, 'Regulatory Recovery Fee', 'Surcharge', 1, percentOf(recurring, 150));
          return recurring;
        }
        const usage = usageAround(random, ctx.profiles.get(service.id)?.usageBaseCents ?? 0);
        if (usage > 0) invoice.add(id, 'Long Distance', 'Usage', Math.round(usage / 4), usage);
        invoice.add(
          id,
          'Federal Universal Service Fund',
          'Surcharge',
          1,
          percentOf(recurring + usage, 1_200),
        );
        invoice.add(id, 'State 911', 'Tax', 1, 75);
        voiceBase += recurring + usage;
        return recurring;
      },
      invoiceCharges: (invoice) => {
        const { account, period, invoiceNumber } = invoice.ref;
        invoice.add('', 'State & Local Sales Tax', 'Tax', 1, percentOf(voiceBase, 700));
        voiceBase = 0;
        if (plan.lateFees.get(account.id) === period.index) {
          const unpaid = previousTotal;
          const fee = invoice.add('', 'Late Payment Charge', 'Late Fee', 1, percentOf(unpaid, 150));
          ctx.ledger.add({
            ruleId: 'late-fee',
            carrier: CARRIER_IDS.comcast,
            accountNumber: account.accountNumber,
            invoiceNumber,
            month: period.month,
            impact: fee,
            billed: fee,
            describe: (e) =>
              `Late Payment Charge of ${dollars(e.impact)} (1.5 % of the previous ${dollars(unpaid)} bill) on invoice ${invoiceNumber}.`,
          });
        }
      },
    },
    (invoice) => {
      previousTotal = invoice.total;
    },
  );
}
