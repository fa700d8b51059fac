/** Builders that read like the domain, for the contracts tests. */
import type { IsoDate } from '../../../shared/dates';
import { isIsoDate } from '../../../shared/dates';
import { cents } from '../../../shared/money/cents';
import type { Contract } from '../../../shared/model/contract';

/** A checked ISO date for test tables. */
export function day(text: string): IsoDate {
  if (!isIsoDate(text)) throw new Error(`bad test date ${text}`);
  return text;
}

/** A contract with sensible defaults: Lumen, 36 months from 2024-01-01, 12-month auto-renewal, 60 days' notice. */
export function makeContract(overrides: Partial<Contract> = {}): Contract {
  return {
    id: 'ctr-1',
    carrierId: 'car-lumen',
    name: 'Lumen MPLS 2024',
    accountIds: [],
    serviceIds: [],
    startDate: day('2024-01-01'),
    termMonths: 36,
    endDate: day('2026-12-31'),
    autoRenew: true,
    renewalTermMonths: 12,
    noticeDays: 60,
    marcCents: cents(0),
    status: 'active',
    ...overrides,
  };
}

/** UTF-8 bytes of a text, as a file would hold them. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
