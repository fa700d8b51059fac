/**
 * What the ledger's plans share: how new records get their ids, a refused row, an update with its
 * before and after, and the records a plan's carriers and accounts resolver created meanwhile.
 */
import type { Account, Carrier, Contract } from '../model';
import type { OrgResolver } from './org';

/** Kinds of record a plan creates. */
export type RecordKind = 'carrier' | 'account' | 'site' | 'cost-center' | 'service';

/** Makes the id of a new record: random in the app, sequential (`site-1`, `site-2`…) in the CLI. */
export type NewRecordId = (kind: RecordKind) => string;

/** A row a plan will not apply, and why, in a sentence a finance person understands. */
export interface RowRefusal {
  /** 1-based line of the file. */
  row: number;
  /** The column at fault, by its canonical name. */
  column: string;
  /** The cell as written. */
  value: string;
  /** A full sentence starting with `Row N`. */
  message: string;
}

/**
 * A row a plan applies, but not as written, and what the user is told (an account number taken as
 * a known account's written with its leading zeros): the same parts as a refusal.
 */
export type RowNote = RowRefusal;

/** A stored (or already planned) record and what the plan makes of it. */
export interface RecordUpdate<T> {
  before: T;
  after: T;
}

/**
 * The record without its undefined fields: a blank cell clears a field, and a cleared field is no
 * key at all (as Dexie stores it and as the CLI builds its records).
 */
export function withoutUndefined<T extends object>(record: T): T {
  // Only keys are dropped, and only those whose value is undefined: the record is still a T.
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** Carriers and accounts the resolver creates from now on (it may have created some before). */
export function createdFrom(org: OrgResolver): () => { carriers: Carrier[]; accounts: Account[] } {
  const carriers = org.createdCarriers.length;
  const accounts = org.createdAccounts.length;
  return () => ({
    carriers: org.createdCarriers.slice(carriers),
    accounts: org.createdAccounts.slice(accounts),
  });
}

/**
 * Contracts by the number the carrier gave them (a typed `contractNumber`), each number with every
 * contract that has it: carriers reuse numbers like `MSA-100`, so a number may name several.
 */
export function contractsByNumber(contracts: readonly Contract[]): Map<string, Contract[]> {
  const byNumber = new Map<string, Contract[]>();
  for (const contract of contracts) {
    if (contract.contractNumber === undefined) continue;
    byNumber.set(contract.contractNumber, [
      ...(byNumber.get(contract.contractNumber) ?? []),
      contract,
    ]);
  }
  return byNumber;
}
