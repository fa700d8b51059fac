import { createContext, useContext } from 'react';

export type ResolvedTheme = 'light' | 'dark';

/**
 * The theme actually showing, for components that draw their own colours (grids, charts). The app
 * shell provides it (`useTheme` in app/useTheme.ts); it lives here so components can read it
 * without importing the shell.
 */
export const ResolvedThemeContext = createContext<ResolvedTheme>('light');

export function useResolvedTheme(): ResolvedTheme {
  return useContext(ResolvedThemeContext);
}
