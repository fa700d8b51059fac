import type { RecordKind } from '../../shared/ledger/records';

/** The id of a record the app creates: its kind and a random UUID (`site-3f2a…`). */
export function randomRecordId(kind: RecordKind): string {
  return `${kind}-${crypto.randomUUID()}`;
}
