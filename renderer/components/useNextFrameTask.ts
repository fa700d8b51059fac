import { useEffect, useState } from 'react';

/**
 * False for the render that mounted the caller, then true in a task of its own once that render's
 * frame has been drawn: costly work that can follow a moment later (making a grid) is kept out of
 * the task that changes the page around it, so neither is one long task.
 */
export function useNextFrameTask(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let timer = 0;
    let frame = requestAnimationFrame(() => {
      frame = 0;
      timer = window.setTimeout(() => setReady(true), 0);
    });
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return ready;
}
