import { useState } from 'react';
import { useDatabase } from '../../db/DatabaseContext';
import { writeSetting, type ThemePreference } from '../../db/settings';

const THEMES: readonly { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Light, dark, or following the OS. The choice shows at once; the save follows. */
export function ThemePanel({ initialTheme }: { initialTheme: ThemePreference }) {
  const db = useDatabase();
  const [theme, setTheme] = useState(initialTheme);
  return (
    <fieldset className="panel">
      <legend>Appearance</legend>
      {THEMES.map((option) => (
        <label key={option.value} className="radio">
          <input
            type="radio"
            name="theme"
            value={option.value}
            checked={theme === option.value}
            onChange={() => {
              setTheme(option.value);
              void writeSetting(db, 'theme', option.value);
            }}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
