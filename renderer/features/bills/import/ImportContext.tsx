import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { todayIso } from '../../../../shared/dates';
import type { UploadedFile } from '../../../../shared/import/archive';
import type { ColumnMapping } from '../../../../shared/import/mapping';
import { useDatabase } from '../../../db/DatabaseContext';
import { readSettings } from '../../../db/settings';
import {
  discardStagedFiles,
  stageOriginalFiles,
  stagedUnderNames,
  type StagedFiles,
} from '../../../db/staged-files';
import { discardStagedBlocks, stagedByWorker, type StagedBlocks } from '../../../db/staged-blocks';
import { sectionFromHash } from '../../../app/sections';
import { useUndo } from '../../../app/UndoContext';
import {
  besideCompanions,
  commitImport,
  completionImportSummary,
  completionImportUndo,
  filesUsedBy,
  findImportConflicts,
  focusOnNew,
  loadSampleBudget,
  loadSampleOrganization,
  memberNamesOf,
  settleOlderSampleInvoices,
  settleStoredUsage,
  storedInvoiceRefs,
  storedCompanionsOf,
  usageImportSummary,
  usageImportUndo,
  type UploadToCommit,
} from '../../../app/import-on-use';
import { uniqueFileNames } from '../../../../shared/ledger/file-names';
import { afterPaint } from './after-paint';
import {
  filesBack,
  ReadCancelled,
  readInWorker,
  type ReadResult,
  type RunningRead,
} from './readInWorker';
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

/** Files picked together never share a name: lines and findings name the file they come from. */
function withUniqueNames(picked: readonly UploadedFile[]): UploadedFile[] {
  const names = uniqueFileNames(picked.map((file) => file.name));
  return picked.map((file, i) => ({ ...file, name: names[i] ?? file.name }));
}

/** Keeps one import session for the whole app, so the menu and drag-and-drop can start one anywhere. */
export function ImportProvider({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const { perform } = useUndo();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  // "Import complete" reports on the page the import was made on: going to another page (not
  // filtering this one) dismisses it rather than have it follow the user around.
  useEffect(() => {
    if (state.step !== 'done') return undefined;
    const section = sectionFromHash(window.location.hash);
    const leave = () => {
      if (sectionFromHash(window.location.hash) === section) return;
      setState((current) => (current.step === 'done' ? { step: 'idle' } : current));
    };
    window.addEventListener('hashchange', leave);
    return () => window.removeEventListener('hashchange', leave);
  }, [state.step]);
  const files = useRef<UploadedFile[]>([]);
  const answers = useRef<ImportAnswers>({ newMappings: [], invoiceDetails: {} });
  const running = useRef<RunningRead | null>(null);
  const sample = useRef(false);
  /** Stored originals read with the picked files to complete stored invoices (see db/companions). */
  const companions = useRef<UploadedFile[]>([]);
  /** The picked files' originals, written while they are read (see db/staged-files). */
  const staged = useRef<StagedFiles | null>(null);
  /** Drops the staged originals no commit claimed, except `keep`. */
  const discardStaged = useCallback(
    (keep?: ReadonlySet<string>) => {
      const current = staged.current;
      staged.current = null;
      if (current) void discardStagedFiles(db, current, keep).catch(() => undefined);
    },
    [db],
  );
  /** The preview's charge-line blocks, written while the user looks at it (see db/staged-blocks). */
  const stagedBlocks = useRef<StagedBlocks | null>(null);
  /** Stops and drops the preview's staged blocks (a commit claims its own first). */
  const discardBlocks = useCallback(
    (staging: StagedBlocks | null = stagedBlocks.current) => {
      if (stagedBlocks.current === staging) stagedBlocks.current = null;
      if (staging) void discardStagedBlocks(db, staging).catch(() => undefined);
    },
    [db],
  );

  const toUploads = useCallback(
    async (result: ReadResult, drafts: DraftOutcome[]): Promise<UploadToCommit[]> => {
      const used = await filesUsedBy(drafts.map((d) => d.draft));
      const encodings = new Map(
        drafts.flatMap((d) => d.files.map((f) => [f.name, f.encoding] as const)),
      );
      const uploads = result.files.filter((file) =>
        file.memberNames.some((name) => used.has(name)),
      );
      return Promise.resolve(
        uploads.map((file) => ({
          fileName: file.name,
          bytes: file.bytes,
          // Hashed in the worker (see read.worker.ts).
          fileHash: file.fileHash,
          memberNames: file.memberNames,
          stagedBatchId: staged.current?.batchIds.get(file.name),
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
      /** The staging this commit claims from (a read started meanwhile stages its own). */
      const claiming = stagedBlocks.current;
      try {
        const outcome = await commitImport(
          db,
          { uploads, drafts: drafts.map((d) => d.draft) },
          { replace, sample: sample.current, stagedBlocks: claiming ?? undefined },
        );
        if (!outcome.ok) {
          setState({
            step: 'preview',
            drafts,
            unreadable: [],
            conflicts: outcome.conflicts,
            uploads,
            storedFiles: [...(await memberNamesOf(companions.current))],
          });
          return;
        }
        performance.mark('import:commit-done');
        // The commit claimed the staged blocks it used and deleted the others.
        if (stagedBlocks.current === claiming) stagedBlocks.current = null;
        // The originals of picked files no invoice came from were staged for nothing.
        discardStaged();
        if (sample.current) {
          await settleOlderSampleInvoices(db);
          await loadSampleBudget(db);
        }
        if (answers.current.newMappings.length > 0)
          await db.columnMappings.bulkPut(answers.current.newMappings);
        setState({ step: 'done', outcome, invoices: outcome.invoiceIds.length });
        // Usage added to stored invoices is undone like the app's other actions (db/undo-usage-import).
        const undo = await usageImportUndo(db, outcome);
        if (undo !== null)
          await perform('import-usage', await usageImportSummary(db, outcome), async () =>
            Promise.resolve(async () => {
              await undo();
              // "Import complete" goes with what it reported.
              setState((current) => (current.step === 'done' ? { step: 'idle' } : current));
            }),
          );
        // Stored invoices it completed are put back as they were (db/undo-completion).
        const undoJoin = await completionImportUndo(db, outcome);
        if (undoJoin !== null)
          await perform('import-completion', await completionImportSummary(outcome), async () =>
            Promise.resolve(async () => {
              const answer = await undoJoin();
              if (answer === undefined)
                setState((current) => (current.step === 'done' ? { step: 'idle' } : current));
              return answer;
            }),
          );
      } catch (error) {
        discardStaged();
        discardBlocks(claiming);
        setState({
          step: 'failed',
          message: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    [db, perform, discardStaged, discardBlocks],
  );

  const read = useCallback(async () => {
    // A read (a new pick, an answer) makes new drafts: blocks staged for the old ones are no use.
    discardBlocks();
    const request: ReadRequest = sample.current
      ? { kind: 'sample', asOf: todayIso(new Date()), stageInto: db.name }
      : {
          kind: 'read',
          // The worker writes the drafts' blocks while the preview is shown (see db/staged-blocks).
          stageInto: db.name,
          files: [...files.current, ...companions.current],
          options: {
            dateOrder: answers.current.dateOrder,
            savedMappings: [...(await db.columnMappings.toArray()), ...answers.current.newMappings],
            mapping: answers.current.newMappings.at(-1),
            invoiceDetails: answers.current.invoiceDetails,
            sheets: answers.current.sheets,
            limits: (await readSettings(db)).importLimits,
            // Usage-only files attach to the bills stored earlier (see db/attach-usage).
            storedInvoices: await storedInvoiceRefs(db),
          },
        };
    const fileNames = sample.current ? ['Sample company bills'] : files.current.map((f) => f.name);
    setState({ step: 'reading', fileNames, fraction: 0 });
    const sent = request.kind === 'read' ? request.files : [];
    // The files' buffers move to the worker: not before the staged originals are copied from them.
    await staged.current?.copied;
    const run = readInWorker(request, (fraction) =>
      setState({ step: 'reading', fileNames, fraction }),
    );
    running.current = run;
    let result: ReadResult;
    try {
      result = await run.result;
      // The bytes went to the worker and came back with its answer: keep those for a next read.
      const back = filesBack(sent, result);
      if (back !== undefined) {
        files.current = back.slice(0, files.current.length);
        companions.current = back.slice(files.current.length);
      }
    } catch (error) {
      if (!(error instanceof ReadCancelled)) {
        discardStaged();
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
    // The blocks the worker writes now, claimed by the commit (any staged by a read this one
    // overtook are dropped; a read again, a question answered or a cancel drops these).
    discardBlocks();
    if (result.staging !== undefined)
      stagedBlocks.current = stagedByWorker(
        result.staging,
        result.outcomes.flatMap((outcome) => (outcome.kind === 'draft' ? [outcome.draft] : [])),
      );
    const question = firstQuestion(result.outcomes);
    if (question) {
      // Read again once answered: blocks a worker would stage meanwhile are of no use.
      discardBlocks();
      setState({ step: 'question', question, fileNames });
      return;
    }
    if (!sample.current && companions.current.length === 0) {
      // A file that completes a stored invoice (its companion came in an earlier import) is read
      // again with the stored original, so the preview shows the joined invoice.
      const found = await storedCompanionsOf(
        db,
        result.outcomes.flatMap((o) => (o.kind === 'draft' ? [o.draft] : [])),
      );
      if (found.length > 0) {
        companions.current = found;
        // A picked file named as a stored original is another file (its lines differ): it is read
        // with it under a name of its own, as the CLI reads it.
        const renamed = await besideCompanions(files.current, found);
        if (staged.current)
          staged.current = stagedUnderNames(staged.current, files.current, renamed);
        files.current = renamed;
        await read();
        return;
      }
    }
    // Usage for stored invoices keeps the usage they already have (see db/attach-usage).
    const outcomes = await settleStoredUsage(
      db,
      await focusOnNew(result.outcomes, companions.current),
    );
    // The stored originals read again are not new uploads.
    // (They are read last; the sample's files come from the worker, not from `files`.)
    result = {
      ...result,
      files: result.files.slice(0, result.files.length - companions.current.length),
    };
    const drafts = outcomes.filter((o): o is DraftOutcome => o.kind === 'draft');
    const unreadable = outcomes.filter((o): o is UnreadableOutcome => o.kind === 'unreadable');
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
    const storedFiles = [...(await memberNamesOf(companions.current))];
    setState({ step: 'preview', drafts, unreadable, conflicts, uploads, storedFiles });
    // The workers write the lines' blocks once the preview is painted, while the user looks at it.
    const toStage = stagedBlocks.current;
    if (toStage !== null) void afterPaint().then(() => toStage.start());
  }, [db, finishCommit, toUploads, discardStaged, discardBlocks]);

  const value = useMemo<ImportContextValue>(
    () => ({
      state,
      start(picked) {
        running.current?.cancel();
        discardStaged();
        sample.current = false;
        files.current = withUniqueNames(picked);
        // Written while the worker reads them: the commit then has only to claim them.
        staged.current = stageOriginalFiles(db, files.current);
        companions.current = [];
        answers.current = { newMappings: [], invoiceDetails: {} };
        void read();
      },
      startSample() {
        running.current?.cancel();
        discardStaged();
        sample.current = true;
        files.current = [];
        companions.current = [];
        answers.current = { newMappings: [], invoiceDetails: {} };
        void read();
      },
      answer(update) {
        const { mapping, ...rest } = update;
        answers.current = {
          ...answers.current,
          ...rest,
          invoiceDetails: { ...answers.current.invoiceDetails, ...rest.invoiceDetails },
          sheets: { ...answers.current.sheets, ...rest.sheets },
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
        discardStaged();
        discardBlocks();
        setState({ step: 'idle' });
      },
    }),
    [state, read, finishCommit, discardStaged, discardBlocks, db],
  );

  return <ImportContext.Provider value={value}>{children}</ImportContext.Provider>;
}
