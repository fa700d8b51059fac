import { useEffect, useRef } from 'react';

/**
 * A detail panel that opens below a long grid must not open unseen: when `openKey` changes to a
 * value, the panel (the returned ref, on an element with `tabIndex={-1}`) scrolls into view and
 * takes focus, so a screen reader announces it; when it closes (`openKey` null), focus goes back to
 * where it was when the panel opened, if that is still on the page.
 */
export function useRevealPanel<T extends HTMLElement>(openKey: string | null) {
  const ref = useRef<T>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (openKey === null) {
      const back = returnTo.current;
      returnTo.current = null;
      if (back?.isConnected && !ref.current) back.focus();
      return;
    }
    const panel = ref.current;
    if (!panel) return;
    if (!returnTo.current && document.activeElement instanceof HTMLElement)
      returnTo.current = document.activeElement;
    panel.scrollIntoView({ block: 'start' });
    panel.focus({ preventScroll: true });
  }, [openKey]);
  return ref;
}
