/**
 * Which contracted rate applies to a service: its own per-service rate first, then the rate for
 * its plan (as billed; case and runs of spaces aside, as the rates import compares plans), then the
 * rate for its service type (written as the type or as a word the inventory reads as it: `Mobile`,
 * `DIA`).
 */
import type { Contract, ContractRate, Service } from '../model';
import { serviceTypeOf } from '../inventory/service-types';

/** How a rate card row was matched to a service. */
export type RateMatch = 'service' | 'plan' | 'type';

/** Text compared as the rates import compares plans: case and runs of spaces aside. */
function planKey(text: string | undefined): string {
  return (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The rate card row pricing `service`, and how it was matched; undefined when none does. */
export function contractedRateMatch(
  contract: Pick<Contract, 'rateCard'>,
  service: Pick<Service, 'id' | 'plan' | 'type'>,
): { rate: ContractRate; match: RateMatch } | undefined {
  const card = contract.rateCard ?? [];
  const byService = card.find((rate) => rate.serviceId === service.id);
  if (byService !== undefined) return { rate: byService, match: 'service' };
  const plan = planKey(service.plan);
  const byPlan =
    plan === ''
      ? undefined
      : card.find((rate) => !rate.serviceId && planKey(rate.planOrServiceType) === plan);
  if (byPlan !== undefined) return { rate: byPlan, match: 'plan' };
  const byType = card.find(
    (rate) =>
      !rate.serviceId &&
      planKey(rate.planOrServiceType) !== '' &&
      serviceTypeOf(rate.planOrServiceType ?? '') === service.type,
  );
  return byType === undefined ? undefined : { rate: byType, match: 'type' };
}

export function contractedRate(
  contract: Pick<Contract, 'rateCard'>,
  service: Pick<Service, 'id' | 'plan' | 'type'>,
): ContractRate | undefined {
  return contractedRateMatch(contract, service)?.rate;
}
