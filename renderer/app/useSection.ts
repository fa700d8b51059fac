import { useCallback, useEffect, useState } from 'react';
import { hrefFor, routeFromHash, type Route, type SectionId } from './sections';

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
