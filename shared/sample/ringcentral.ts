/**
 * RingCentral bills in TEM Desk's charge-line CSV: UCaaS seat bundles per site with international
 * calling; one month's file is sent twice (duplicate-invoice) and one number's usage spikes.
 */
import { strToU8 } from 'fflate';
import { billedRecurring, percentOf, randomDigits, type BillingContext } from './billing';
import { dollars } from './ledger';
import { ACCOUNT_IDS, CARRIER_IDS } from './organization';
import { usageAround, writeCarrier } from './wireline';

/** RingCentral: UCaaS seat bundles per site, with international calling. */
export function writeRingCentral(ctx: BillingContext, spikeBaseCents: number): void {
  const { plan } = ctx;
  let base = 0;
  const totals: number[] = [];
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
        const usage =
          spike && period.index === plan.spike.index
            ? spikeBaseCents * plan.spike.factor
            : usageAround(random, usageBase);
        if (usage > 0)
          invoice.add(id, 'International Calling', 'Usage', Math.round(usage / 12), usage);
        invoice.add(
          id,
          'Federal Universal Service Fund',
          'Surcharge',
          1,
          percentOf(recurring + usage, 1_200),
        );
        invoice.add(id, 'E911 Service Fee', 'Tax', service.quantity, service.quantity * 60);
        base += recurring + usage;
        return recurring;
      },
      invoiceCharges: (invoice) => {
        invoice.add('', 'State & Local Sales Tax', 'Tax', 1, percentOf(base, 550));
        invoice.add('', 'Regulatory Recovery Fee', 'Surcharge', 1, percentOf(base, 200));
        base = 0;
      },
    },
    (invoice, text) => {
      const { period, account, invoiceNumber } = invoice.ref;
      totals.push(invoice.total);
      if (plan.duplicateInvoice.index === period.index) {
        ctx.files.push({
          name: `ringcentral-${period.month}-resent.csv`,
          carrier: CARRIER_IDS.ringcentral,
          month: period.month,
          bytes: strToU8(text),
        });
        const total = invoice.total;
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
        const previous = totals.slice(Math.max(0, totals.length - 7), totals.length - 1);
        const average = Math.floor(
          (2 * previous.reduce((sum, t) => sum + t, 0) + previous.length) / (2 * previous.length),
        );
        const total = invoice.total;
        const spikeId =
          ctx.servicesByCarrier
            .get(CARRIER_IDS.ringcentral)
            ?.find((s) => s.id === plan.spike.serviceId)?.serviceIdRaw ?? '';
        ctx.ledger.add({
          ruleId: 'spike',
          carrier: CARRIER_IDS.ringcentral,
          accountNumber: account.accountNumber,
          invoiceNumber,
          serviceId: spikeId,
          month: period.month,
          impact: total - average,
          billed: total,
          describe: (e) =>
            `Invoice total ${dollars(total)} is ${dollars(e.impact)} above the trailing ${previous.length}-month average of ${dollars(average)}: International Calling on ${spikeId} jumped to ${dollars(spikeBaseCents * plan.spike.factor)}, ${plan.spike.factor}× its usual ~${dollars(spikeBaseCents)}.`,
        });
      }
    },
  );
}
