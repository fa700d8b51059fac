import { useCallback, useEffect, useState } from 'react';
import { sectionFromHash, type SectionId } from './sections';

/** Where the app is: `#/bills/invoice-42` → section `bills`, path `['invoice-42']`. */
export interface Route {
  section: SectionId;
  /** What follows the section in the hash, decoded. */
  path: string[];
}

export function routeFromHash(hash: string): Route {
  const [, ...rest] = hash.replace(/^#\/?/, '').split('/');
  return { section: sectionFromHash(hash), path: rest.filter(Boolean).map(decodeURIComponent) };
}

export function hrefFor(section: SectionId, ...path: string[]): string {
  return `#/${[section, ...path.map(encodeURIComponent)].join('/')}`;
}

/**
 * The route lives in the URL hash (`#/contracts`), so a reload, the Back button and a bookmark in
 * browser mode all land where the user was.
 */
export function useRoute(): [Route, (section: SectionId, ...path: string[]) => void] {
  const [route, setRoute] = useState<Route>(() => routeFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setRoute(routeFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((section: SectionId, ...path: string[]) => {
    window.location.hash = hrefFor(section, ...path);
  }, []);

  return [route, navigate];
}
