import { useCallback, useEffect, useState } from 'react';
import { sectionFromHash, type SectionId } from './sections';

/**
 * The current section lives in the URL hash (`#/contracts`), so a reload, the Back button and a
 * bookmark in browser mode all land where the user was.
 */
export function useSection(): [SectionId, (id: SectionId) => void] {
  const [section, setSection] = useState<SectionId>(() => sectionFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((id: SectionId) => {
    window.location.hash = `#/${id}`;
  }, []);

  return [section, navigate];
}
