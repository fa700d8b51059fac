import { useEffect, useState } from 'react';

/**
 * When `wait` is set: false for the render that mounted the caller, then true in a task of its own
 * once that render's frame has been drawn, so costly work that can follow a moment later (making a
 * grid) is kept out of the task that changes the page around it and neither is one long task.
 * Without `wait`, true at once (and nothing scheduled).
 */
export function useNextFrameTask(wait: boolean): boolean {
  const [ready, setReady] = useState(!wait);
  useEffect(() => {
    if (ready) return;
    let timer = 0;
    let frame = requestAnimationFrame(() => {
      frame = 0;
      timer = window.setTimeout(() => setReady(true), 0);
    });
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
