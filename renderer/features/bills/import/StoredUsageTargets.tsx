import type { BillDraft } from '../../../../shared/import/draft';

/**
 * The invoices a usage-only file's usage goes to — imported earlier, or read from another file of
 * this pick (`picked`: the keys of the pick's invoices) — each with the number of its lines that
 * get new usage (usage already stored was taken out before the preview).
 */
export function StoredUsageTargets({
  draft,
  picked,
}: {
  draft: Pick<BillDraft, 'usage' | 'usageFor'>;
  picked: ReadonlySet<string>;
}) {
  const targets = draft.usageFor ?? [];
  if (targets.length === 0) return null;
  const inPick = targets.filter((target) => picked.has(target.invoiceKey)).length;
  const lines = new Map<string, Set<string>>();
  for (const usage of draft.usage)
    lines.set(usage.invoiceKey, (lines.get(usage.invoiceKey) ?? new Set()).add(usage.serviceKey));
  return (
    <table className="data-table">
      <caption>
        {inPick === 0
          ? 'Invoices imported earlier that get this usage'
          : inPick === targets.length
            ? 'Invoices of this import that get this usage'
            : 'Invoices (imported earlier or in this import) that get this usage'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Invoice number</th>
          <th scope="col">Account</th>
          <th scope="col">Carrier</th>
          <th scope="col" className="numeric">
            Lines with new usage
          </th>
        </tr>
      </thead>
      <tbody>
        {targets.map((target) => (
          <tr key={target.invoiceKey}>
            <td>{target.invoiceNumber}</td>
            <td>{target.accountNumber}</td>
            <td>{target.carrierName}</td>
            <td className="numeric">
              {(lines.get(target.invoiceKey)?.size ?? 0).toLocaleString('en-US')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
