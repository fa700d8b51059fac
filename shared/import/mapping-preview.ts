/**
 * The column-mapping wizard's live preview: what the mapping makes of the sample rows, computed
 * with the very reader the import uses, so what the user sees is what will be imported.
 */
import { detectDateOrder, type DateOrder } from '../dates';
import type { BillDraft } from './draft';
import { applyMapping, mappedColumns, mappingProblems, type ColumnMapping } from './mapping';
import { ABSENT } from './cells';

export { FIELD_LABELS } from './mapping';

export type MappingPreview =
  { ok: true; draft: BillDraft; dateOrder: DateOrder } | { ok: false; problems: string[] };

export function previewMapping(
  header: readonly string[],
  sample: readonly (readonly string[])[],
  mapping: ColumnMapping,
): MappingPreview {
  const problems = mappingProblems(header, mapping);
  if (problems.length > 0) return { ok: false, problems };
  let order: DateOrder | undefined = mapping.dateOrder === 'auto' ? undefined : mapping.dateOrder;
  if (!order) {
    const columns = mappedColumns(header, mapping);
    const dateColumns = [
      columns.invoiceDate,
      columns.dueDate,
      columns.periodStart,
      columns.periodEnd,
    ].filter((index) => index !== ABSENT);
    const detected = detectDateOrder(
      sample.flatMap((row) => dateColumns.map((index) => row[index] ?? '')),
    );
    if ('order' in detected) order = detected.order;
    else if ('ambiguous' in detected) {
      return {
        ok: false,
        problems: ['The sample dates read more than one way: choose the date order.'],
      };
    }
  }
  const rows = sample.map((cells, index) => ({ line: index + 2, cells: [...cells] }));
  const result = applyMapping({ header: [...header], rows }, mapping, 'preview', order);
  if (!result.ok) return { ok: false, problems: result.errors.map((error) => error.message) };
  return { ok: true, draft: result.value, dateOrder: result.value.dateOrder };
}
