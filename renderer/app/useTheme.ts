import { useEffect } from 'react';
import type { ThemePreference } from '../db/settings';

/** Applies the theme preference to `<html data-theme>`; 'system' follows the OS setting live. */
export function useTheme(preference: ThemePreference): void {
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const dark = preference === 'dark' || (preference === 'system' && media.matches);
      root.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [preference]);
}
