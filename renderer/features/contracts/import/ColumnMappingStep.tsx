import { useState } from 'react';
import type { ColumnSpec } from '../../../../shared/contracts/csv-columns';
import { columnChoiceProblems, type ColumnChoice } from '../../../../shared/contracts/mapping';
import type { Table } from '../../../../shared/import/table';

/**
 * Which column holds each field: guessed from the names, every choice the user's to change; the
 * preview only follows once every required field has a column.
 */
export function ColumnMappingStep({
  fileName,
  table,
  specs,
  initial,
  onConfirm,
  onCancel,
}: {
  fileName: string;
  table: Pick<Table, 'header' | 'rows'>;
  specs: readonly ColumnSpec[];
  initial: ColumnChoice;
  onConfirm: (choice: ColumnChoice) => void;
  onCancel: () => void;
}) {
  const [choice, setChoice] = useState(initial);
  const problems = columnChoiceProblems(choice, specs);
  return (
    <div className="panel import-panel" role="group" aria-label={`Columns of ${fileName}`}>
      <table className="data-table wizard-columns">
        <caption>Columns of {fileName}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Read from column</th>
            <th scope="col">First value</th>
          </tr>
        </thead>
        <tbody>
          {specs.map((spec) => (
            <tr key={spec.key}>
              <th scope="row">
                {spec.header}
                {spec.required ? ' (required)' : ''}
              </th>
              <td>
                <select
                  aria-label={`${spec.header} is in column`}
                  value={choice[spec.key] ?? -1}
                  onChange={(e) => setChoice({ ...choice, [spec.key]: Number(e.target.value) })}
                >
                  <option value={-1}>Not in this file</option>
                  {table.header.map((name, index) => (
                    <option key={index} value={index}>
                      {name}
                    </option>
                  ))}
                </select>
              </td>
              <td className="sample">{table.rows[0]?.cells[choice[spec.key] ?? -1] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > 0 && (
        <ul role="status">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" disabled={problems.length > 0} onClick={() => onConfirm(choice)}>
          Use these columns
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
