import { createContext, useContext } from 'react';
import type { SectionId } from './sections';
import type { Route } from './sections';

interface RouteContextValue {
  route: Route;
  navigate(section: SectionId, ...path: string[]): void;
}

export const RouteContext = createContext<RouteContextValue>({
  route: { section: 'dashboard', path: [] },
  navigate: () => undefined,
});

export function useRouteContext(): RouteContextValue {
  return useContext(RouteContext);
}
