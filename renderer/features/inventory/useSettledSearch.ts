import { useEffect, useRef, useState } from 'react';

/**
 * The search the services grid applies, given what the search box holds. A paste or a first key
 * applies at once (in the next task, after the box has shown it); while keys keep coming, the
 * grid follows at most once every `pause` ms and always ends on the last value typed. So typing
 * never waits for 20,000 rows to be filtered at each key.
 */
export function useSettledSearch(typed: string, pause = 120): string {
  const [applied, setApplied] = useState(typed);
  const latest = useRef(typed);
  const holding = useRef<number | undefined>(undefined);
  useEffect(() => {
    latest.current = typed;
    if (holding.current !== undefined) return;
    // No key in the last `pause` ms: apply now, then hold later keys until the pause is over.
    const settle = () => {
      const shown = latest.current;
      setApplied(shown);
      // clock: a timer, the pause between two searches while typing
      holding.current = window.setTimeout(() => {
        holding.current = undefined;
        if (latest.current !== shown) settle();
      }, pause);
    };
    // clock: a timer, the next task (the box paints the key first)
    holding.current = window.setTimeout(settle, 0);
  }, [typed, pause]);
  useEffect(
    () => () => {
      window.clearTimeout(holding.current);
      holding.current = undefined;
    },
    [],
  );
  return applied;
}
