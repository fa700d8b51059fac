import { useId, useState } from 'react';
import type { IsoMonth } from '../../../shared/dates/iso-date';
import {
  chargebackCsv,
  chargebackXlsxFile,
  cutCellsNotice,
  DEFAULT_SUSPENSE_CODE,
  suspenseProblem,
  type ChargebackCsvSettings,
  type ExportPreset,
} from '../../../shared/export';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { isBuiltInPreset, saveChargebackSetting } from '../../db/chargeback';
import { platform } from '../../platform';
import { PresetEditor } from './PresetEditor';
import type { MonthAllocation } from './useChargeback';

/** File-name part of a layout name: `GL journal` → `gl-journal`. */
function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'export'
  );
}

/** Export the month (XLSX workbook or CSV) in a chosen column layout; edit the layouts. */
export function ExportPanel({
  month,
  allocation,
  presets,
  presetId,
  csvSettings,
}: {
  month: IsoMonth;
  allocation: MonthAllocation;
  presets: readonly ExportPreset[];
  presetId: string;
  csvSettings: ChargebackCsvSettings;
}) {
  const db = useDatabase();
  const ids = useId();
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<{ preset: ExportPreset; isNew: boolean } | null>(null);
  // Chosen here at once (the stored choice follows), so an export right after a change uses it.
  const [chosenId, setChosenId] = useState(presetId);
  const choose = (id: string) => {
    setChosenId(id);
    void saveChargebackSetting(db, 'presetId', id);
  };
  // Edited here (and stored as typed), so an export right after a change uses it.
  const [csv, setCsv] = useState(csvSettings);
  const changeCsv = (change: Partial<ChargebackCsvSettings>) => {
    const next = { ...csv, ...change };
    setCsv(next);
    void saveChargebackSetting(db, 'csv', next);
  };
  const preset = presets.find((entry) => entry.id === chosenId) ?? presets[0];
  if (preset === undefined) return null;
  const { result, names } = allocation;
  const base = `chargeback-${month}-${slug(preset.name)}`;

  // One of the company's own cost centers as the suspense code would hide the unallocated charges
  // among its real rows: said beside the field, and no file is written until it changes.
  const collision = suspenseProblem(csv, names.costCenters);
  const save = async (format: 'xlsx' | 'csv') => {
    if (collision !== null) {
      setMessage(`Not exported. ${collision}`);
      return;
    }
    const { bytes, cut } =
      format === 'xlsx'
        ? chargebackXlsxFile(result, names, preset, csv)
        : {
            bytes: new TextEncoder().encode(
              chargebackCsv(result, names, preset, { bom: true, ...csv }),
            ),
            cut: [],
          };
    const outcome = await platform().saveFile(`${base}.${format}`, bytes, format);
    // Text past Excel's cell limit is cut in the file: said here as well as in the workbook.
    const notice = cut.length > 0 ? ` ${cutCellsNotice(cut)}` : '';
    setMessage(outcome.saved ? `Saved ${base}.${format}.${notice}` : 'Export cancelled.');
  };

  return (
    <section aria-label="Export" className="export-panel">
      <div className="toolbar">
        <label className="inline" htmlFor={`${ids}-layout`}>
          Column layout
        </label>
        <select
          id={`${ids}-layout`}
          value={preset.id}
          onChange={(event) => choose(event.target.value)}
        >
          {presets.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
              {isBuiltInPreset(entry.id) ? ' (built in)' : ''}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void save('xlsx')}>
          Export XLSX
        </button>
        <button type="button" onClick={() => void save('csv')}>
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            setEditing({
              preset: {
                ...preset,
                id: `preset-${crypto.randomUUID()}`,
                name: `${preset.name} (copy)`,
              },
              isNew: true,
            })
          }
        >
          Copy layout…
        </button>
        {!isBuiltInPreset(preset.id) && (
          <button type="button" onClick={() => setEditing({ preset, isNew: false })}>
            Edit layout…
          </button>
        )}
      </div>
      <p role="status">{message}</p>
      <p className="hint">
        The workbook has a Summary sheet (cost center × category, with an Unallocated line so its
        total is the invoices’ {formatCents(result.totals.invoices)}), a{' '}
        {preset.grouping === 'charge' ? 'Detail' : `“${preset.name}”`} sheet in this layout, and an
        Exceptions sheet. That sheet and the CSV hold the{' '}
        {preset.grouping === 'charge'
          ? 'detail'
          : 'journal, one line per cost center and GL account,'}{' '}
        with the unallocated charges booked to the suspense cost center and GL account below, so
        their amounts also add up to {formatCents(result.totals.invoices)}.
      </p>
      <fieldset className="csv-settings">
        <legend>CSV: unallocated charges and total</legend>
        <label htmlFor={`${ids}-suspense-cc`}>Suspense cost center</label>
        <input
          id={`${ids}-suspense-cc`}
          value={csv.suspenseCostCenter}
          placeholder={DEFAULT_SUSPENSE_CODE}
          aria-invalid={collision !== null}
          aria-describedby={collision === null ? undefined : `${ids}-suspense-problem`}
          onChange={(event) => changeCsv({ suspenseCostCenter: event.target.value })}
        />
        {collision !== null && (
          <p id={`${ids}-suspense-problem`} role="alert">
            {collision}
          </p>
        )}
        <label htmlFor={`${ids}-suspense-gl`}>Suspense GL account</label>
        <input
          id={`${ids}-suspense-gl`}
          value={csv.suspenseGlAccount}
          placeholder={DEFAULT_SUSPENSE_CODE}
          onChange={(event) => changeCsv({ suspenseGlAccount: event.target.value })}
        />
        <label className="inline">
          <input
            type="checkbox"
            checked={csv.totalRow}
            onChange={(event) => changeCsv({ totalRow: event.target.checked })}
          />{' '}
          End the CSV with a total row (the month’s invoice total)
        </label>
      </fieldset>
      <PresetSummary preset={preset} />
      {editing && (
        <PresetEditor
          key={editing.preset.id}
          initial={editing.preset}
          isNew={editing.isNew}
          onDone={(selectId, note) => {
            setEditing(null);
            setMessage(note);
            if (selectId !== null) choose(selectId);
          }}
        />
      )}
    </section>
  );
}

function PresetSummary({ preset }: { preset: ExportPreset }) {
  return (
    <p className="preset-summary">
      <strong>{preset.name}</strong> —{' '}
      {preset.grouping === 'charge' ? 'one row per charge' : 'one row per cost center × GL account'}
      : {preset.columns.map((column) => column.header).join(' · ')}
    </p>
  );
}
