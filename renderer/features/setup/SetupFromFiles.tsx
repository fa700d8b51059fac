import { useEffect, useRef, useState, type DragEvent } from 'react';
import { todayIso } from '../../../shared/dates';
import type { SetupPlan } from '../../../shared/ledger/setup';
import { readSetupFiles, type SetupFile } from '../../../shared/ledger/setup-files';
import type { PickedFile } from '../../../shared/ipc/contract';
import { hrefFor } from '../../app/sections';
import { focusIfLost } from '../../components/focus-if-lost';
import { useDatabase } from '../../db/DatabaseContext';
import { commitSetup, planSetupImport } from '../../db/setup';
import { platform } from '../../platform';
import { readPickedFiles } from '../../platform/browser';
import { SetupPreview, whatWillBeImported } from './SetupPreview';
import './setup.css';

const FILTERS = [
  { name: 'Spreadsheets (CSV, TSV, XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
];

/**
 * The picked files, read (a workbook's sheets of several set-up files each one); a file picked
 * again (same name) replaces the earlier one.
 */
function withFiles(current: readonly SetupFile[], picked: readonly PickedFile[]): SetupFile[] {
  // clock: an inventory's Disconnect Date after today is a disconnect still to come
  const today = todayIso(new Date());
  const read = picked.flatMap((file) => readSetupFiles(file.name, file.bytes, today));
  const names = new Set(read.map((file) => file.name));
  return [...current.filter((file) => !names.has(file.name)), ...read];
}

/**
 * Set up from files: cost centers, sites, contracts, inventory and rates files picked or dropped
 * together, recognised and ordered by the app, previewed as one plan and stored in one go.
 */
export function SetupFromFiles({ onClose }: { onClose: () => void }) {
  const db = useDatabase();
  const [files, setFiles] = useState<SetupFile[]>([]);
  const [confirmed, setConfirmed] = useState<ReadonlySet<string>>(new Set());
  const [plan, setPlan] = useState<SetupPlan | null>(null);
  const [message, setMessage] = useState('');
  const [done, setDone] = useState(false);
  // The panel is what the link that opened it (on the Dashboard, or an empty page) asked for:
  // focus goes to its heading, not to the page's (nor to the body, the link gone with its page).
  // Import goes with the files it imported: focus goes to the import's result.
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    // The Import button goes once the emptied plan is read again.
    if (done && plan === null) focusIfLost(result.current);
  }, [done, plan]);

  useEffect(() => {
    let current = true;
    if (files.length === 0) setPlan(null);
    else
      void planSetupImport(db, files, confirmed).then((next) => {
        if (current) setPlan(next);
      });
    return () => {
      current = false;
    };
  }, [db, files, confirmed]);

  const add = (picked: readonly PickedFile[]) => {
    if (picked.length === 0) return;
    setDone(false);
    setMessage('');
    setFiles((current) => withFiles(current, picked));
  };
  const pick = async () => {
    add(
      await platform().openFiles({ title: 'Set up from files', filters: FILTERS, multiple: true }),
    );
  };
  const drop = (event: DragEvent) => {
    // The window's own drop handler starts a bill import: these files are for the set-up.
    event.preventDefault();
    event.stopPropagation();
    void readPickedFiles([...event.dataTransfer.files]).then(add);
  };
  const commit = async () => {
    const outcome = await commitSetup(db, files, confirmed);
    if (!outcome.ok) {
      setMessage(`Nothing was imported: ${outcome.errors.map((e) => e.message).join(' ')}`);
      return;
    }
    const { costCenters, sites, contracts, services, rates, notes = [] } = outcome.value;
    setMessage(
      [
        `Set up done: ${costCenters} cost centers, ${sites} sites, ${contracts} contracts, ${services} services and ${rates} rates imported.`,
        ...notes,
      ].join(' '),
    );
    setFiles([]);
    setConfirmed(new Set());
    setDone(true);
  };

  return (
    <section className="panel setup-panel" aria-labelledby="setup-title">
      <h2 id="setup-title" ref={heading} tabIndex={-1}>
        Set up from files
      </h2>
      <p>
        Choose your cost centers, sites, contracts, inventory and rates files together, in any order
        (CSV or XLSX). TEM Desk recognises each file by its columns, imports them in the right order
        and shows everything before anything is stored; nothing is stored while a file has a
        problem.
      </p>
      <div
        className="drop-zone"
        role="group"
        aria-label="Drop the set-up files here"
        onDragOver={(event) => {
          event.preventDefault();
          event.stopPropagation();
        }}
        onDrop={drop}
      >
        <p>Drop the files here, or</p>
        <button type="button" onClick={() => void pick()}>
          Choose files…
        </button>
      </div>
      {plan && (
        <SetupPreview
          plan={plan}
          onConfirm={(code, create) => {
            const next = new Set(confirmed);
            if (create) next.add(code);
            else next.delete(code);
            setConfirmed(next);
          }}
        />
      )}
      <div className="button-row">
        {plan && (
          <button
            type="button"
            disabled={plan.problemCount > 0 || whatWillBeImported(plan) === ''}
            onClick={() => void commit()}
          >
            Import {whatWillBeImported(plan) || 'nothing'}
          </button>
        )}
        {files.length > 0 && (
          <button type="button" className="secondary" onClick={() => setFiles([])}>
            Start over
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <p role="status" ref={result}>
        {message}
        {done && (
          <>
            {' '}
            <a href={hrefFor('inventory')}>Open the inventory</a>
          </>
        )}
      </p>
    </section>
  );
}
