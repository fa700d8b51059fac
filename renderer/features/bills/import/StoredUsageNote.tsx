import type { BillDraft } from '../../../../shared/import/draft';
import { usageTargetSentence } from '../../../../shared/import/stored-usage';

/** Says which invoices outside the draft (imported earlier) a usage-only file's usage goes to. */
export function StoredUsageNote({ draft }: { draft: BillDraft }) {
  const sentence = usageTargetSentence(draft);
  if (sentence === null) return null;
  return <p className="notice">{sentence}</p>;
}
