/**
 * Remembers the main window's size, position and maximized state in `userData/window-state.json`.
 *
 * Reading is defensive: a missing, unreadable or corrupt file gives the defaults, and a saved
 * position that no longer lies on any display (a monitor was unplugged) is dropped so the window
 * opens centred instead of invisible. Pure functions take the displays and file path as data, so
 * tests need no Electron.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 500;
/** Delay before a resize or move is written: one write per gesture, not one per pixel. */
export const SAVE_DELAY_MS = 500;

/** A rectangle in screen pixels (a display's `workArea`, a window's bounds). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is saved. `x`/`y` absent means "let Electron centre the window". */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

export const DEFAULT_WINDOW_STATE: Readonly<WindowState> = {
  width: DEFAULT_WIDTH,
  height: DEFAULT_HEIGHT,
  isMaximized: false,
};

export function windowStatePath(userDataPath: string): string {
  return join(userDataPath, WINDOW_STATE_FILE);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Enough of the window's top edge (where the title bar is) must lie on a display for the user to
 * grab it: at least 100 px wide and 30 px tall of it.
 */
function titleBarIsVisible(window: Rect, displays: readonly Rect[]): boolean {
  const titleBar = { x: window.x, y: window.y, width: window.width, height: 30 };
  return displays.some((display) => {
    const overlapWidth =
      Math.min(titleBar.x + titleBar.width, display.x + display.width) -
      Math.max(titleBar.x, display.x);
    const overlapHeight =
      Math.min(titleBar.y + titleBar.height, display.y + display.height) -
      Math.max(titleBar.y, display.y);
    return overlapWidth >= 100 && overlapHeight >= 30;
  });
}

/**
 * Turns whatever was in the file into a usable state. Sizes are clamped to the minimum; a
 * position off every display falls back to the centred default.
 */
export function sanitizeWindowState(raw: unknown, displays: readonly Rect[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE };
  const record = raw as Record<string, unknown>;
  const { width, height, x, y, isMaximized } = record;
  if (!isFiniteNumber(width) || !isFiniteNumber(height)) return { ...DEFAULT_WINDOW_STATE };
  const state: WindowState = {
    width: Math.max(MIN_WIDTH, Math.round(width)),
    height: Math.max(MIN_HEIGHT, Math.round(height)),
    isMaximized: isMaximized === true,
  };
  if (isFiniteNumber(x) && isFiniteNumber(y)) {
    const bounds = { x: Math.round(x), y: Math.round(y), width: state.width, height: state.height };
    if (!titleBarIsVisible(bounds, displays)) return { ...DEFAULT_WINDOW_STATE };
    state.x = bounds.x;
    state.y = bounds.y;
  }
  return state;
}

/** Reads the saved state; never throws. */
export function readWindowState(filePath: string, displays: readonly Rect[]): WindowState {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  try {
    return sanitizeWindowState(JSON.parse(text), displays);
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

/** Writes the state atomically (temp file + rename), so a crash mid-write leaves the old file. */
export function writeWindowState(filePath: string, state: WindowState): void {
  mkdirSync(dirname(filePath), { recursive: true });
  const temporary = `${filePath}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  renameSync(temporary, filePath);
}

/** The parts of `BrowserWindow` the saver uses. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/** The state to save for a window: its un-maximized bounds, plus whether it is maximized. */
export function captureWindowState(window: TrackedWindow): WindowState {
  const bounds = window.getNormalBounds();
  return { ...bounds, isMaximized: window.isMaximized() };
}

/**
 * Saves the window's state on close, and SAVE_DELAY_MS after the last resize or move (so a crash
 * still leaves a recent state). Write errors are reported, never thrown: losing the window
 * position must not stop the app from closing.
 */
export function trackWindowState(
  window: TrackedWindow,
  filePath: string,
  delayMs: number = SAVE_DELAY_MS,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    try {
      writeWindowState(filePath, captureWindowState(window));
    } catch (error) {
      console.warn('TEM Desk could not save the window position:', error);
    }
  };
  const saveSoon = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      save();
    }, delayMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    save();
  });
}
