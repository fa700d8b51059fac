import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { UploadedFile } from '../../../../shared/import/archive';
import type { ColumnMapping } from '../../../../shared/import/mapping';
import { useDatabase } from '../../../app/DatabaseContext';
import { commitImport, findImportConflicts, type UploadToCommit } from '../../../db/import-commit';
import { loadSampleOrganization, settleOlderSampleInvoices } from '../../../db/sample-data';
import { sha256Hex } from '../../../platform/hash';
import { ReadCancelled, readInWorker, type ReadResult, type RunningRead } from './readInWorker';
import {
  firstQuestion,
  type DraftOutcome,
  type ImportAnswers,
  type ImportState,
  type UnreadableOutcome,
} from './session';
import type { ReadRequest } from './worker-protocol';

interface ImportContextValue {
  state: ImportState;
  /** Starts reading files the user picked or dropped. */
  start(files: UploadedFile[]): void;
  /** Loads the built-in sample company through the same pipeline, committing it at once. */
  startSample(): void;
  answer(update: Partial<Omit<ImportAnswers, 'newMappings'>> & { mapping?: ColumnMapping }): void;
  commit(replace: boolean): Promise<void>;
  cancel(): void;
}

const ImportContext = createContext<ImportContextValue | null>(null);

export function useImport(): ImportContextValue {
  const value = useContext(ImportContext);
  if (!value) throw new Error('useImport() needs an <ImportProvider> above it');
  return value;
}

/** Keeps one import session for the whole app, so the menu and drag-and-drop can start one anywhere. */
export function ImportProvider({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const files = useRef<UploadedFile[]>([]);
  const answers = useRef<ImportAnswers>({ newMappings: [], invoiceDetails: {} });
  const running = useRef<RunningRead | null>(null);
  const sample = useRef(false);

  const toUploads = useCallback(
    async (result: ReadResult, drafts: DraftOutcome[]): Promise<UploadToCommit[]> => {
      const used = new Set(
        drafts.flatMap((d) => d.draft.invoices.map((invoice) => invoice.sourceFile)),
      );
      const encodings = new Map(
        drafts.flatMap((d) => d.files.map((f) => [f.name, f.encoding] as const)),
      );
      const uploads = result.files.filter((file) =>
        file.memberNames.some((name) => used.has(name)),
      );
      return Promise.all(
        uploads.map(async (file) => ({
          fileName: file.name,
          bytes: file.bytes,
          fileHash: await sha256Hex(file.bytes),
          memberNames: file.memberNames,
          encoding: encodings.get(file.memberNames[0] ?? file.name),
        })),
      );
    },
    [],
  );

  const finishCommit = useCallback(
    async (drafts: DraftOutcome[], uploads: UploadToCommit[], replace: boolean) => {
      setState({ step: 'committing' });
      performance.mark('import:commit-start');
      try {
        const outcome = await commitImport(
          db,
          { uploads, drafts: drafts.map((d) => d.draft) },
          { replace, sample: sample.current },
        );
        if (!outcome.ok) {
          setState({
            step: 'preview',
            drafts,
            unreadable: [],
            conflicts: outcome.conflicts,
            uploads,
          });
          return;
        }
        performance.mark('import:commit-done');
        if (sample.current) await settleOlderSampleInvoices(db);
        if (answers.current.newMappings.length > 0)
          await db.columnMappings.bulkPut(answers.current.newMappings);
        setState({ step: 'done', outcome, invoices: outcome.invoiceIds.length });
      } catch (error) {
        setState({
          step: 'failed',
          message: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    [db],
  );

  const read = useCallback(async () => {
    const request: ReadRequest = sample.current
      ? { kind: 'sample' }
      : {
          kind: 'read',
          files: files.current,
          options: {
            dateOrder: answers.current.dateOrder,
            savedMappings: [...(await db.columnMappings.toArray()), ...answers.current.newMappings],
            mapping: answers.current.newMappings.at(-1),
            invoiceDetails: answers.current.invoiceDetails,
          },
        };
    const fileNames = sample.current ? ['Sample company bills'] : files.current.map((f) => f.name);
    setState({ step: 'reading', fileNames, fraction: 0 });
    const run = readInWorker(request, (fraction) =>
      setState({ step: 'reading', fileNames, fraction }),
    );
    running.current = run;
    let result: ReadResult;
    try {
      result = await run.result;
    } catch (error) {
      if (!(error instanceof ReadCancelled)) {
        setState({
          step: 'failed',
          message: `The files could not be read: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      return;
    } finally {
      running.current = null;
    }

    performance.mark('import:read-done');
    const question = firstQuestion(result.outcomes);
    if (question) {
      setState({ step: 'question', question, fileNames });
      return;
    }
    const drafts = result.outcomes.filter((o): o is DraftOutcome => o.kind === 'draft');
    const unreadable = result.outcomes.filter(
      (o): o is UnreadableOutcome => o.kind === 'unreadable',
    );
    const uploads = await toUploads(result, drafts);
    performance.mark('import:hashed');
    if (sample.current) {
      if (result.organization) await loadSampleOrganization(db, result.organization);
      await finishCommit(drafts, uploads, false);
      return;
    }
    const conflicts = await findImportConflicts(db, {
      uploads,
      drafts: drafts.map((d) => d.draft),
    });
    performance.mark('import:conflicts-checked');
    setState({ step: 'preview', drafts, unreadable, conflicts, uploads });
  }, [db, finishCommit, toUploads]);

  const value = useMemo<ImportContextValue>(
    () => ({
      state,
      start(picked) {
        running.current?.cancel();
        sample.current = false;
        files.current = picked;
        answers.current = { newMappings: [], invoiceDetails: {} };
        void read();
      },
      startSample() {
        running.current?.cancel();
        sample.current = true;
        files.current = [];
        answers.current = { newMappings: [], invoiceDetails: {} };
        void read();
      },
      answer(update) {
        const { mapping, ...rest } = update;
        answers.current = {
          ...answers.current,
          ...rest,
          invoiceDetails: { ...answers.current.invoiceDetails, ...rest.invoiceDetails },
          newMappings: mapping
            ? [
                ...answers.current.newMappings.filter((m) => m.signature !== mapping.signature),
                mapping,
              ]
            : answers.current.newMappings,
        };
        void read();
      },
      async commit(replace) {
        if (state.step !== 'preview') return;
        await finishCommit(state.drafts, state.uploads, replace);
      },
      cancel() {
        running.current?.cancel();
        running.current = null;
        setState({ step: 'idle' });
      },
    }),
    [state, read, finishCommit],
  );

  return <ImportContext.Provider value={value}>{children}</ImportContext.Provider>;
}
