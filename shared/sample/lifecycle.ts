/**
 * Services added during the window, kept from looking like billing errors: a new service is billed
 * from its activation day (prorated, as carriers bill a part period), and none is big enough to
 * raise its account's bill past the spike rule's thresholds on its own.
 */
import { addDays, daysBetween, type IsoDate } from '../dates/iso-date';
import type { BillPeriod } from './organization';
import type { SampleService } from './types';

/**
 * Largest share of its account's monthly recurring charges a service added in the window may
 * have, in percent: well under the spike rule's 10 %, with room for the months' noise.
 */
export const NEW_SERVICE_MAX_PERCENT = 4;

/** Days before the window a too-big new service is moved to: installed before the first bill. */
const MOVED_BEFORE_DAYS = 40;

/**
 * Moves the activation of every service added in the window that would raise its account's
 * monthly recurring charges by more than {@link NEW_SERVICE_MAX_PERCENT} to before the window, so
 * the clean bills hold no step up the spike rule reports (a trunk of $567 on a $5,300 account
 * is one). Uses no PRNG draw: the rest of the company stays as it was. The services in `planted`
 * keep their dates: a planted error needs them where they are.
 */
export function settleNewServices(
  services: readonly SampleService[],
  windowStart: IsoDate,
  planted: ReadonlySet<string>,
): void {
  const atStart = new Map<string, number>();
  for (const service of services) {
    if (service.activatedOn === undefined || service.activatedOn >= windowStart) continue;
    if (service.disconnectedOn !== undefined && service.disconnectedOn < windowStart) continue;
    const sum = atStart.get(service.accountId) ?? 0;
    atStart.set(service.accountId, sum + (service.expectedMonthlyCents ?? 0));
  }
  for (const service of services) {
    if (service.activatedOn === undefined || service.activatedOn < windowStart) continue;
    if (planted.has(service.id)) continue;
    const account = atStart.get(service.accountId) ?? 0;
    if ((service.expectedMonthlyCents ?? 0) * 100 > account * NEW_SERVICE_MAX_PERCENT)
      service.activatedOn = addDays(windowStart, -MOVED_BEFORE_DAYS);
  }
}

/**
 * A monthly charge for the part of `period` a service was active: from its activation day, by
 * days, rounded half up. The whole charge when it was active the whole period.
 */
export function fromActivation(
  monthly: number,
  service: SampleService,
  period: BillPeriod,
): number {
  const activatedOn = service.activatedOn;
  if (activatedOn === undefined || activatedOn <= period.start || activatedOn > period.end)
    return monthly;
  const days = daysBetween(period.start, period.end) + 1;
  const active = daysBetween(activatedOn, period.end) + 1;
  return Math.floor((2 * monthly * active + days) / (2 * days));
}
