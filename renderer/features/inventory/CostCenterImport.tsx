import { useState } from 'react';
import { todayIso } from '../../../shared/dates';
import type { SetupPlan } from '../../../shared/ledger/setup';
import {
  readSetupFile,
  SETUP_KIND_LABELS,
  type SetupFile,
} from '../../../shared/ledger/setup-files';
import { useDatabase } from '../../db/DatabaseContext';
import { commitSetup, planSetupImport } from '../../db/setup';
import { platform } from '../../platform';

const NO_CODES: ReadonlySet<string> = new Set();

/**
 * A cost centers file (`Cost Center, Name, GL Account, Status`; CSV or XLSX): the same plan and
 * commit as Set up from files, with this one file — codes already stored are updated.
 */
export function CostCenterImport({ onDone }: { onDone: (message: string) => void }) {
  const db = useDatabase();
  const [pending, setPending] = useState<{ file: SetupFile; plan: SetupPlan } | null>(null);
  const [message, setMessage] = useState('');

  const pick = async () => {
    const [picked] = await platform().openFiles({
      title: 'Import cost centers',
      multiple: false,
      filters: [{ name: 'Cost centers (CSV or XLSX)', extensions: ['csv', 'tsv', 'txt', 'xlsx'] }],
    });
    if (!picked) return;
    // clock: the set-up reader's date (it decides an inventory's pending disconnects; none here)
    const file = readSetupFile(picked.name, picked.bytes, todayIso(new Date()));
    if (file.kind !== 'cost-centers') {
      setPending(null);
      return setMessage(
        file.kind === 'unknown'
          ? (file.problems[0]?.message ?? `${file.name} cannot be read.`)
          : `${file.name} looks like a ${SETUP_KIND_LABELS[file.kind].toLowerCase()} file, not cost centers (Cost Center, Name, GL Account, Status). Use Set up from files for several kinds at once.`,
      );
    }
    setMessage('');
    setPending({ file, plan: await planSetupImport(db, [file], NO_CODES) });
  };
  const commit = async () => {
    if (!pending) return;
    const outcome = await commitSetup(db, [pending.file], NO_CODES);
    if (!outcome.ok) return setMessage(outcome.errors.map((e) => e.message).join(' '));
    const { added, updated } = pending.plan.costCenters;
    onDone(
      `Imported ${pending.file.name}: ${added.length} cost centers added, ${updated.length} updated.`,
    );
  };

  const report = pending?.plan.files[0];
  const ready = pending
    ? pending.plan.costCenters.added.length + pending.plan.costCenters.updated.length
    : 0;
  return (
    <div className="panel import-panel" role="group" aria-label="Import cost centers">
      <p>
        One cost center per row: Cost Center (its code), Name, GL Account, Status (Active or
        Retired). A code already in TEM Desk is updated.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void pick()}>
          Choose cost centers file…
        </button>
        {pending && (
          <button
            type="button"
            disabled={pending.plan.problemCount > 0 || ready === 0}
            onClick={() => void commit()}
          >
            Import {ready} cost centers
          </button>
        )}
        <button type="button" className="secondary" onClick={() => onDone('')}>
          Cancel
        </button>
      </div>
      {pending && report && (
        <>
          <p role="status">
            {pending.file.name}: {pending.plan.costCenters.added.length} new,{' '}
            {pending.plan.costCenters.updated.length} updated · {report.problems.length} problems
          </p>
          <ul className="row-errors">
            {report.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </>
      )}
      <p role="alert">{message}</p>
    </div>
  );
}
