import { useId, useState, type FormEvent } from 'react';
import {
  importLimitsForm,
  importLimitsFromForm,
  type ImportLimits,
  type ImportLimitsForm,
} from '../../../../shared/import/limits';
import { useDatabase } from '../../../db/DatabaseContext';
import { writeSetting } from '../../../db/settings';

/**
 * Settings → Import limits: how large a bill file or ZIP may be, and whether bill dates outside
 * 1990–2100 are read. A file refused by a limit says which one to raise here.
 */
export function ImportLimitsPanel({ initial }: { initial: Partial<ImportLimits> }) {
  const db = useDatabase();
  const id = useId();
  const [form, setForm] = useState<ImportLimitsForm>(() => importLimitsForm(initial));
  const [status, setStatus] = useState('');

  const change = (patch: Partial<ImportLimitsForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setStatus('');
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = importLimitsFromForm(form);
    if (!result.ok) {
      setStatus(result.message);
      return;
    }
    await writeSetting(db, 'importLimits', result.limits);
    setStatus('Saved. The next import uses these limits.');
  };

  const restore = async () => {
    await writeSetting(db, 'importLimits', {});
    setForm(importLimitsForm({}));
    setStatus('Restored the default limits.');
  };

  const number = (key: 'maxFileMb' | 'maxArchiveMb' | 'maxCompressionRatio', label: string) => (
    <>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        inputMode="decimal"
        value={form[key]}
        onChange={(event) => change({ [key]: event.target.value })}
      />
    </>
  );

  return (
    <form className="panel" onSubmit={(event) => void save(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Import limits</h2>
      <p>
        Bill files beyond these limits are refused with a sentence, so a damaged or crafted file
        cannot freeze the app. Raise one only for a file you trust.
      </p>
      {number('maxFileMb', 'Largest file (MB, unzipped)')}
      {number('maxArchiveMb', 'Largest ZIP (MB, all its files unzipped)')}
      {number('maxCompressionRatio', 'Highest compression ratio')}
      <label>
        <input
          type="checkbox"
          checked={form.allowDatesOutsideYears}
          onChange={(event) => change({ allowDatesOutsideYears: event.target.checked })}
        />{' '}
        Read bill dates outside 1990–2100
      </label>
      <button type="submit">Save import limits</button>
      <button type="button" onClick={() => void restore()}>
        Restore defaults
      </button>
      <span role="status">{status}</span>
    </form>
  );
}
