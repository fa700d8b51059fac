import { useEffect } from 'react';

/** The attribute marking where focus lands when the import moves to a step (see useStepFocus). */
export const STEP_FOCUS = { 'data-step-focus': '', tabIndex: -1 } as const;

/**
 * When the import moves to another step, the button that moved it (Use this mapping, Import N
 * invoices) is gone and focus falls to the page's body: it goes to the new step's element marked
 * with {@link STEP_FOCUS} (its heading, or the result's status), so keyboard and screen-reader
 * users land in context. Focus the user put elsewhere meanwhile is left alone.
 */
export function useStepFocus(stepKey: string): void {
  useEffect(() => {
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    document.querySelector<HTMLElement>('.import-panel [data-step-focus]')?.focus();
  }, [stepKey]);
}
