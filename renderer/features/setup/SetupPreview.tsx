import { setupCounts, setupNotes, type SetupPlan } from '../../../shared/ledger/setup';
import { SETUP_KIND_LABELS } from '../../../shared/ledger/setup-files';

function counted(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** “3 cost centers, 5 sites, 2 contracts, 5 services and 3 rates”; '' when nothing. */
export function whatWillBeImported(plan: SetupPlan): string {
  const counts = setupCounts(plan);
  const parts = [
    counts.costCenters > 0 && counted(counts.costCenters, 'cost center', 'cost centers'),
    counts.sites > 0 && counted(counts.sites, 'site', 'sites'),
    counts.contracts > 0 && counted(counts.contracts, 'contract', 'contracts'),
    counts.services > 0 && counted(counts.services, 'service', 'services'),
    counts.rates > 0 && counted(counts.rates, 'rate', 'rates'),
  ].filter((part): part is string => typeof part === 'string');
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** One preview of every file: what each brings, the cost centers to confirm, and every problem. */
export function SetupPreview({
  plan,
  onConfirm,
}: {
  plan: SetupPlan;
  onConfirm: (code: string, create: boolean) => void;
}) {
  const problems = plan.files.flatMap((file) =>
    file.problems.map((problem) => ({ ...problem, file: file.name })),
  );
  const skipped = plan.files.flatMap((file) =>
    (file.skipped ?? []).map(({ message }) => `${file.name}: ${message}`),
  );
  const notes = setupNotes(plan);
  return (
    <div className="setup-preview">
      <table className="data-table">
        <caption>Files, in the order they are imported</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Recognised as</th>
            <th scope="col" className="numeric">
              Rows ready
            </th>
            <th scope="col" className="numeric">
              Problems
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.files.map((file) => (
            <tr key={file.name}>
              <th scope="row">{file.name}</th>
              <td>{SETUP_KIND_LABELS[file.kind]}</td>
              <td className="numeric">{file.ready}</td>
              <td className="numeric">{file.problems.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.codeOnly.length > 0 && (
        <fieldset className="panel">
          <legend>Cost centers named only by a code</legend>
          <p className="hint">
            These codes are in no cost centers file and not in TEM Desk. Tick the ones to create
            (named by their code, to rename later in the Cost centers list); rows naming one left
            unticked are problems.
          </p>
          {plan.codeOnly.map(({ code, namedIn, created }) => (
            <label key={code} className="inline">
              <input
                type="checkbox"
                checked={created}
                onChange={(event) => onConfirm(code, event.target.checked)}
              />
              Create cost center {code} (named in{' '}
              {namedIn
                .map(
                  ({ file, rows }) =>
                    `${file}, row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}`,
                )
                .join('; ')}
              )
            </label>
          ))}
        </fieldset>
      )}
      <p role="status">
        {plan.problemCount === 0
          ? `Ready: ${whatWillBeImported(plan) || 'nothing to import'}.`
          : `${counted(plan.problemCount, 'problem', 'problems')} to fix before anything is imported.`}
      </p>
      {skipped.length > 0 && (
        <ul className="hint" aria-label="Rows skipped">
          {skipped.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="hint" aria-label="Notes on the rows imported">
          {notes.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <table className="data-table import-errors">
          <caption>Problems to fix in the files (nothing is imported until there are none)</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="numeric">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, 200).map((problem, index) => (
              <tr key={index}>
                <td>{problem.file}</td>
                <td className="numeric">{problem.row || ''}</td>
                <td>{problem.column}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
