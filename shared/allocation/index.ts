/** Cost allocation and chargeback: see `allocate.ts` for the rules. */
export * from './types';
export { allocateMonth, zeroByCategory } from './allocate';
export { markupOf } from './resolve';
export { chargePeriod, type ChargePeriod } from './periods';
