import { useEffect, useState } from 'react';

/** Longest wait for an idle moment once the frames have gone by. */
const IDLE_TIMEOUT_MS = 1_000;

/**
 * False until the render that mounted the caller is on screen (two frames have gone by — what was
 * drawn in the first is painted by the second), then at the next idle moment true. Work that must
 * not compete with a screen's first paint — a read the screen can show a moment later — waits for
 * it.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        frame = 0;
        idle = requestIdleCallback(() => setPainted(true), { timeout: IDLE_TIMEOUT_MS });
      });
    });
    let idle = 0;
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      if (idle !== 0) cancelIdleCallback(idle);
    };
  }, []);
  return painted;
}
