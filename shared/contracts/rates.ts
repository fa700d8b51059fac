/**
 * Which contracted rate applies to a service: its own per-service rate first, then the rate for
 * its plan (as billed, case-insensitive), then the rate for its service type.
 */
import type { Contract, ContractRate, Service } from '../model';

export function contractedRate(
  contract: Pick<Contract, 'rateCard'>,
  service: Pick<Service, 'id' | 'plan' | 'type'>,
): ContractRate | undefined {
  const card = contract.rateCard ?? [];
  const same = (a?: string, b?: string) =>
    a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
  return (
    card.find((rate) => rate.serviceId === service.id) ??
    card.find((rate) => !rate.serviceId && same(rate.planOrServiceType, service.plan)) ??
    card.find((rate) => !rate.serviceId && same(rate.planOrServiceType, service.type))
  );
}
