/**
 * Choosing the date order of a file that does not declare one: all its dates are looked at
 * together (one `13/01/2023` anywhere settles it), then the user's default, else the user is
 * asked. Never a guess.
 */
import type { DateOrder } from '../dates';
import { DATE_ORDERS, DEFAULT_PIVOT_YEAR, detectDateOrder, readDateParts } from '../dates';

/** How many example cells to show when asking. */
const EXAMPLES = 5;

/** The order to read a file's dates in, or the question to ask. */
export type DateOrderDecision =
  | { kind: 'order'; order: DateOrder }
  | { kind: 'ask'; candidates: DateOrder[]; examples: string[] };

/**
 * Decides the date order from every date cell of a file (`samples`, repeats already removed).
 * Cells no order can read are left out here: they become row errors when the rows are read.
 */
export function decideDateOrder(
  samples: readonly string[],
  defaultOrder: DateOrder | undefined,
): DateOrderDecision {
  const readable = samples.filter((sample) =>
    DATE_ORDERS.some((order) => readDateParts(sample, order, DEFAULT_PIVOT_YEAR).kind !== 'error'),
  );
  const detected = detectDateOrder(readable);
  if ('order' in detected) return { kind: 'order', order: detected.order };
  if (defaultOrder !== undefined) return { kind: 'order', order: defaultOrder };
  if ('none' in detected) {
    // No date at all: nothing depends on the order, month-first is as good as any.
    if (readable.length === 0) return { kind: 'order', order: 'MDY' };
    // Dates that no single order reads all of: the file mixes orders; the user decides.
    return { kind: 'ask', candidates: [...DATE_ORDERS], examples: readable.slice(0, EXAMPLES) };
  }
  const [first = 'MDY', second = 'DMY'] = detected.candidates;
  const examples = readable
    .filter((sample) => {
      const a = readDateParts(sample, first, DEFAULT_PIVOT_YEAR);
      const b = readDateParts(sample, second, DEFAULT_PIVOT_YEAR);
      return a.kind === 'date' && b.kind === 'date' && a.date !== b.date;
    })
    .slice(0, EXAMPLES);
  return { kind: 'ask', candidates: detected.candidates, examples };
}

/**
 * The files of a group whose own dates can be read more than one way, when the group's together
 * can: a question names those, not a file whose dates say their order (`2026-08-20`) beside one
 * that does not (`10/05/2026`). All of them when no file is in doubt alone.
 */
export function filesInDoubt<T extends { fileName: string }>(
  tables: readonly T[],
  samplesOf: (tables: T[]) => readonly string[],
  defaultOrder: DateOrder | undefined,
): string[] {
  const names = (list: readonly T[]) => [...new Set(list.map((table) => table.fileName))];
  const inDoubt = tables.filter(
    (table) => decideDateOrder(samplesOf([table]), defaultOrder).kind === 'ask',
  );
  return names(inDoubt.length > 0 ? inDoubt : tables);
}
