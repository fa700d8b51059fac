import type { BillDraft } from '../../../../shared/import/draft';
import { usageTargetSentence } from '../../../../shared/import/stored-usage';
import { StoredUsageTargets } from './StoredUsageTargets';

/** Says which invoices outside the draft (imported earlier) a usage-only file's usage goes to. */
export function StoredUsageNote({ draft }: { draft: BillDraft }) {
  const sentence = usageTargetSentence(draft);
  if (sentence === null) return null;
  return (
    <>
      <StoredUsageTargets draft={draft} />
      <p className="notice">{sentence}</p>
    </>
  );
}
