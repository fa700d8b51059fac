import { useEffect, useState } from 'react';
import type { ResolvedTheme } from '../components/theme';
import type { ThemePreference } from '../db/settings';

/**
 * Applies the theme preference to `<html data-theme>`; 'system' follows the OS setting live.
 * Returns the theme in force.
 */
export function useTheme(preference: ThemePreference): ResolvedTheme {
  const [systemDark, setSystemDark] = useState(
    () => window.matchMedia('(prefers-color-scheme: dark)').matches,
  );
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setSystemDark(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
  const resolved: ResolvedTheme =
    preference === 'dark' || (preference === 'system' && systemDark) ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  return resolved;
}
