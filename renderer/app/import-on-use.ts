/**
 * What an import needs beyond reading files — committing (charge storage), the sample company's
 * organization and budget (the chargeback's allocation), stored companions (the archive reader)
 * and the files a bill uses — loaded on an import's first use, not with the app shell: the
 * import session (features/bills/import/ImportContext) is mounted at start so drag-and-drop works
 * anywhere, and these would otherwise be in the start-up script. Same functions, same arguments;
 * each answers a promise.
 */
import type * as Budgets from '../db/budgets';
import type * as Companions from '../db/companions';
import type * as ImportCommit from '../db/import-commit';
import type * as SampleData from '../db/sample-data';
import type * as Bills from '../../shared/ledger/bills';
import type * as AttachUsage from '../db/attach-usage';
import type * as UndoUsageImport from '../db/undo-usage-import';
import type * as UndoCompletion from '../db/undo-completion';

export type { UploadToCommit } from '../db/import-commit';

type Fn = (...args: never[]) => unknown;

/** `name` of the module `load` gives, called when first needed (the module is loaded once). */
function onUse<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): M[K] extends Fn ? (...args: Parameters<M[K]>) => Promise<Awaited<ReturnType<M[K]>>> : never {
  const call = async (...args: unknown[]) => {
    const fn = (await load())[name] as (...a: unknown[]) => unknown;
    return fn(...args);
  };
  return call as never;
}

const importCommit = () => import('../db/import-commit');
const companions = () => import('../db/companions');
const sampleData = () => import('../db/sample-data');

export const commitImport = onUse<typeof ImportCommit, 'commitImport'>(
  importCommit,
  'commitImport',
);
export const findImportConflicts = onUse<typeof ImportCommit, 'findImportConflicts'>(
  importCommit,
  'findImportConflicts',
);
export const loadSampleBudget = onUse<typeof Budgets, 'loadSampleBudget'>(
  () => import('../db/budgets'),
  'loadSampleBudget',
);
export const loadSampleOrganization = onUse<typeof SampleData, 'loadSampleOrganization'>(
  sampleData,
  'loadSampleOrganization',
);
export const settleOlderSampleInvoices = onUse<typeof SampleData, 'settleOlderSampleInvoices'>(
  sampleData,
  'settleOlderSampleInvoices',
);
export const focusOnNew = onUse<typeof Companions, 'focusOnNew'>(companions, 'focusOnNew');
export const besideCompanions = onUse<typeof Companions, 'besideCompanions'>(
  companions,
  'besideCompanions',
);
export const memberNamesOf = onUse<typeof Companions, 'memberNamesOf'>(companions, 'memberNamesOf');
export const storedCompanionsOf = onUse<typeof Companions, 'storedCompanionsOf'>(
  companions,
  'storedCompanionsOf',
);
export const filesUsedBy = onUse<typeof Bills, 'filesUsedBy'>(
  () => import('../../shared/ledger/bills'),
  'filesUsedBy',
);

const attachUsage = () => import('../db/attach-usage');
const undoUsageImport = () => import('../db/undo-usage-import');
const undoCompletion = () => import('../db/undo-completion');
export const settleStoredUsage = onUse<typeof AttachUsage, 'settleStoredUsage'>(
  attachUsage,
  'settleStoredUsage',
);
export const storedInvoiceRefs = onUse<typeof AttachUsage, 'storedInvoiceRefs'>(
  attachUsage,
  'storedInvoiceRefs',
);
export const usageImportSummary = onUse<typeof UndoUsageImport, 'usageImportSummary'>(
  undoUsageImport,
  'usageImportSummary',
);
export const usageImportUndo = onUse<typeof UndoUsageImport, 'usageImportUndo'>(
  undoUsageImport,
  'usageImportUndo',
);
export const completionImportSummary = onUse<typeof UndoCompletion, 'completionImportSummary'>(
  undoCompletion,
  'completionImportSummary',
);
export const completionImportUndo = onUse<typeof UndoCompletion, 'completionImportUndo'>(
  undoCompletion,
  'completionImportUndo',
);
