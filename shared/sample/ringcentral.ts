/**
 * RingCentral bills in TEM Desk's charge-line CSV: UCaaS seat bundles per site with international
 * calling; one month's file is sent twice (duplicate-invoice) and one number's usage spikes.
 */
import { strToU8 } from 'fflate';
import { billedRecurring, percentOf, randomDigits, type BillingContext } from './billing';
import { dollars } from './ledger';
import { ACCOUNT_IDS, CARRIER_IDS } from './organization';
import type { TemCharge, TemInvoice } from './tem-csv';
import { usageAround, writeCarrier } from './wireline';

/**
 * How far above the trailing average the planted spike is made to reach, at least: 15 % and
 * $100, clear of the spike rule's default thresholds (10 % and $50) whatever the noise.
 */
const SPIKE_MIN_PERCENT = 15;
const SPIKE_MIN_CENTS = 10_000;
/** Previous invoices the spike rule averages by default. */
const TRAILING_INVOICES = 6;

/** The spike number's charges on the spike invoice, sized once the rest of the invoice is known. */
interface SpikeCharges {
  recurring: number;
  usage: TemCharge;
  fund: TemCharge;
}

/**
 * What the spike rule leaves out of an invoice total: the whole charges of a service billed after
 * its disconnect or at a closed site (those findings explain them), so the planted impact is
 * computed on the same totals the rule judges.
 */
function explainedCharges(ctx: BillingContext, invoice: TemInvoice, serviceId: string): boolean {
  const service = ctx.servicesByCarrier
    .get(CARRIER_IDS.ringcentral)
    ?.find((candidate) => candidate.id === serviceId);
  if (service === undefined) return false;
  const { period } = invoice.ref;
  const site = service.siteId === undefined ? undefined : ctx.sites.get(service.siteId);
  return (
    (service.disconnectedOn !== undefined && service.disconnectedOn < period.start) ||
    (site?.closedOn !== undefined && site.closedOn < period.start)
  );
}

/** RingCentral: UCaaS seat bundles per site, with international calling. */
export function writeRingCentral(ctx: BillingContext, spikeBaseCents: number): void {
  const { plan } = ctx;
  let base = 0;
  let explained = 0;
  let spiked: SpikeCharges | undefined;
  // Each invoice's total less what other findings explain, as the spike rule averages them.
  const judged: number[] = [];
  writeCarrier(
    ctx,
    {
      carrier: CARRIER_IDS.ringcentral,
      name: 'RingCentral',
      filePrefix: 'ringcentral',
      accountIds: [ACCOUNT_IDS.ringcentral],
      invoiceNumber: (random) => `CD${randomDigits(random, 8)}`,
      serviceCharges: (invoice, service, random) => {
        const id = service.serviceIdRaw;
        const { period } = invoice.ref;
        const before = invoice.total;
        const recurring = invoice.add(
          id,
          service.plan,
          'Recurring',
          service.quantity,
          billedRecurring(ctx, service, period),
        );
        const spike = plan.spike.serviceId === service.id;
        const usageBase = spike
          ? spikeBaseCents
          : (ctx.profiles.get(service.id)?.usageBaseCents ?? 0);
        const spikeMonth = spike && period.index === plan.spike.index;
        const usage = spikeMonth
          ? spikeBaseCents * plan.spike.factor
          : usageAround(random, usageBase);
        let usageCharge: TemCharge | undefined;
        if (usage > 0) {
          invoice.add(id, 'International Calling', 'Usage', Math.round(usage / 12), usage);
          usageCharge = invoice.charges[invoice.charges.length - 1];
        }
        invoice.add(
          id,
          'Federal Universal Service Fund',
          'Surcharge',
          1,
          percentOf(recurring + usage, 1_200),
        );
        const fundCharge = invoice.charges[invoice.charges.length - 1];
        if (spikeMonth && usageCharge !== undefined && fundCharge !== undefined)
          spiked = { recurring, usage: usageCharge, fund: fundCharge };
        invoice.add(id, 'E911 Service Fee', 'Tax', service.quantity, service.quantity * 60);
        base += recurring + usage;
        if (explainedCharges(ctx, invoice, service.id)) explained += invoice.total - before;
        return recurring;
      },
      invoiceCharges: (invoice) => {
        if (spiked !== undefined) {
          base = sizeSpike(invoice, spiked, base, judged.slice(-TRAILING_INVOICES), explained);
          spiked = undefined;
        }
        invoice.add('', 'State & Local Sales Tax', 'Tax', 1, percentOf(base, 550));
        invoice.add('', 'Regulatory Recovery Fee', 'Surcharge', 1, percentOf(base, 200));
        base = 0;
      },
    },
    (invoice, text) => {
      const { period, account, invoiceNumber } = invoice.ref;
      const total = invoice.total;
      judged.push(total - explained);
      explained = 0;
      if (plan.duplicateInvoice.index === period.index) {
        ctx.files.push({
          name: `ringcentral-${period.month}-resent.csv`,
          carrier: CARRIER_IDS.ringcentral,
          month: period.month,
          bytes: strToU8(text),
        });
        ctx.ledger.add({
          ruleId: 'duplicate-invoice',
          carrier: CARRIER_IDS.ringcentral,
          accountNumber: account.accountNumber,
          invoiceNumber,
          month: period.month,
          impact: total,
          billed: total,
          describe: () =>
            `Invoice ${invoiceNumber} (${dollars(total)}) was sent again, byte for byte, as ringcentral-${period.month}-resent.csv; importing both would pay it twice.`,
        });
      }
      if (plan.spike.index === period.index) {
        const previous = judged.slice(-1 - TRAILING_INVOICES, -1);
        const current = judged[judged.length - 1] ?? total;
        const { excess, average } = spikeExcess(current, previous);
        const spikeId =
          ctx.servicesByCarrier
            .get(CARRIER_IDS.ringcentral)
            ?.find((s) => s.id === plan.spike.serviceId)?.serviceIdRaw ?? '';
        const usage = invoice.charges.find(
          (charge) => charge.serviceId === spikeId && charge.category === 'Usage',
        );
        const jumped = usage?.amount ?? spikeBaseCents * plan.spike.factor;
        ctx.ledger.add({
          ruleId: 'spike',
          carrier: CARRIER_IDS.ringcentral,
          accountNumber: account.accountNumber,
          invoiceNumber,
          serviceId: spikeId,
          month: period.month,
          impact: excess,
          billed: total,
          describe: (e) =>
            `Invoice total ${dollars(total)} is ${dollars(e.impact)} above the trailing ${previous.length}-month average of ${dollars(average)}: International Calling on ${spikeId} jumped to ${dollars(jumped)}, ${Math.floor(jumped / spikeBaseCents)}× its usual ~${dollars(spikeBaseCents)}.`,
        });
      }
    },
  );
}

/**
 * A total's excess over the average of `previous`, both rounded half up, as the spike rule
 * computes them: the excess from the exact difference (total × count − sum), not from the
 * rounded average, so the planted impact matches the finding to the cent.
 */
export function spikeExcess(
  total: number,
  previous: readonly number[],
): { excess: number; average: number; excessTimesCount: number; sum: number } {
  const count = Math.max(1, previous.length);
  const sum = previous.reduce((all, one) => all + one, 0);
  const excessTimesCount = total * count - sum;
  return {
    excess: Math.floor((2 * excessTimesCount + count) / (2 * count)),
    average: Math.floor((2 * sum + count) / (2 * count)),
    excessTimesCount,
    sum,
  };
}

/**
 * Raises the spike number's international calling until the invoice total stands clear above the
 * trailing average ({@link SPIKE_MIN_PERCENT} and {@link SPIKE_MIN_CENTS}): eight times the usual
 * use is not always enough on an account that grew in the months before. Returns the invoice's
 * new taxable base. The invoice-level taxes are added after, on that base.
 */
function sizeSpike(
  invoice: TemInvoice,
  spiked: SpikeCharges,
  base: number,
  previous: readonly number[],
  explained: number,
): number {
  if (previous.length === 0) return base;
  const totalWith = (usage: number) => {
    const others = invoice.total - spiked.usage.amount - spiked.fund.amount;
    const grown = base - spiked.usage.amount + usage;
    return (
      others +
      usage +
      percentOf(spiked.recurring + usage, 1_200) +
      percentOf(grown, 550) +
      percentOf(grown, 200) -
      explained
    );
  };
  const clear = (usage: number) => {
    const { excessTimesCount, sum } = spikeExcess(totalWith(usage), previous);
    return (
      excessTimesCount * 100 > sum * SPIKE_MIN_PERCENT &&
      excessTimesCount > SPIKE_MIN_CENTS * previous.length
    );
  };
  let usage = spiked.usage.amount;
  // A dollar at a time: a few thousand steps at most, even on the largest account.
  while (!clear(usage)) usage += 100;
  if (usage === spiked.usage.amount) return base;
  const added = usage - spiked.usage.amount;
  const fund = percentOf(spiked.recurring + usage, 1_200);
  invoice.total += added + fund - spiked.fund.amount;
  spiked.usage.amount = usage;
  spiked.usage.quantity = Math.round(usage / 12);
  spiked.fund.amount = fund;
  return base + added;
}
