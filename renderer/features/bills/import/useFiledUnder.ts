import { useEffect, useState } from 'react';
import type { BillDraft, DraftInvoice } from '../../../../shared/import/draft';
import { filedUnder, type FiledUnder } from '../../../../shared/ledger/filed-under';
import { orgResolverOf } from '../../../db/import-conflicts';
import { useDatabase } from '../../../db/DatabaseContext';

/**
 * The carrier and account each drafted invoice will be stored under, resolved over the stored
 * carriers and accounts exactly as the commit resolves them (`orgResolverOf` + `filedUnder`);
 * undefined until read (or if the read fails: the preview then shows the file's own names).
 */
export function useFiledUnder(
  drafts: readonly BillDraft[],
): ReadonlyMap<DraftInvoice, FiledUnder> | undefined {
  const db = useDatabase();
  const [filed, setFiled] = useState<ReadonlyMap<DraftInvoice, FiledUnder>>();
  useEffect(() => {
    let live = true;
    orgResolverOf(db).then(
      (org) => {
        if (live) setFiled(filedUnder(drafts, org));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [db, drafts]);
  return filed;
}
