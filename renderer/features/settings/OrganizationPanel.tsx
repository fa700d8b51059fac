import { useId, useState, type FormEvent } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { writeSetting } from '../../db/settings';

/** The company name printed on exports and reports. */
export function OrganizationPanel({ initialName }: { initialName: string }) {
  const db = useDatabase();
  const inputId = useId();
  const [name, setName] = useState(initialName);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    await writeSetting(db, 'organizationName', name.trim());
    setSaved(true);
  };

  return (
    <form
      className="panel"
      onSubmit={(event) => void save(event)}
      aria-labelledby={`${inputId}-title`}
    >
      <h2 id={`${inputId}-title`}>Organization</h2>
      <label htmlFor={inputId}>Company name</label>
      <input
        id={inputId}
        value={name}
        maxLength={120}
        onChange={(event) => {
          setName(event.target.value);
          setSaved(false);
        }}
      />
      <button type="submit">Save company name</button>
      <span role="status">{saved ? 'Saved.' : ''}</span>
    </form>
  );
}
