import type { BillDraft } from '../../../../shared/import/draft';
import { usageTargetSentence } from '../../../../shared/import/stored-usage';
import { StoredUsageTargets } from './StoredUsageTargets';

/**
 * Says which invoices outside the draft (imported earlier, or read from another file of the pick,
 * whose invoice keys are `picked`) a usage-only file's usage goes to.
 */
export function StoredUsageNote({
  draft,
  picked,
}: {
  draft: BillDraft;
  picked: ReadonlySet<string>;
}) {
  const sentence = usageTargetSentence(draft);
  if (sentence === null) return null;
  return (
    <>
      <StoredUsageTargets draft={draft} picked={picked} />
      <p className="notice">{sentence}</p>
    </>
  );
}
