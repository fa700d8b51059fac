import { createContext, useContext, useEffect, useState } from 'react';
import type { ThemePreference } from '../db/settings';

export type ResolvedTheme = 'light' | 'dark';

/** The theme actually showing, for components that draw their own colours (grids, charts). */
export const ResolvedThemeContext = createContext<ResolvedTheme>('light');

export function useResolvedTheme(): ResolvedTheme {
  return useContext(ResolvedThemeContext);
}

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
