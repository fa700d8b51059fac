import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  SAVE_DELAY_MS,
  readWindowState,
  trackWindowState,
  windowStatePath,
  writeWindowState,
} from '../../electron/window-state';
import type { Rect, TrackedWindow } from '../../electron/window-state';

const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_MONITOR: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

let userData: string;
let file: string;

beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'temdesk-window-state-'));
  file = windowStatePath(userData);
});

afterEach(async () => {
  vi.useRealTimers();
  await rm(userData, { recursive: true, force: true });
});

describe('readWindowState', () => {
  it('restores what was saved', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, isMaximized: true };
    writeWindowState(file, saved);
    expect(readWindowState(file, [PRIMARY])).toStrictEqual(saved);
  });

  it('restores a window on a second monitor while it is connected', () => {
    writeWindowState(file, { x: 2100, y: 50, width: 1280, height: 800, isMaximized: false });
    expect(readWindowState(file, [PRIMARY, RIGHT_MONITOR])).toMatchObject({ x: 2100, y: 50 });
  });

  it('gives the 1280×800 defaults when there is no file', () => {
    expect(readWindowState(file, [PRIMARY])).toStrictEqual({
      width: 1280,
      height: 800,
      isMaximized: false,
    });
  });

  it.each([
    ['not JSON', '{"width": 14'],
    ['an array', '[1280, 800]'],
    ['null', 'null'],
    ['text sizes', '{"width": "wide", "height": "tall"}'],
    ['infinite sizes', '{"width": 1e999, "height": 800}'],
    ['an empty file', ''],
  ])('gives the defaults for a corrupt file (%s)', async (_label, text) => {
    await writeFile(file, text);
    expect(readWindowState(file, [PRIMARY])).toStrictEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['right of every display', { x: 5000, y: 100 }],
    ['above every display', { x: 100, y: -2000 }],
    ['on a monitor that was unplugged', { x: 2100, y: 50 }],
    ['with only a sliver of title bar showing', { x: 1900, y: 100 }],
  ])('recentres a window %s', (_label, position) => {
    writeWindowState(file, { ...position, width: 1280, height: 800, isMaximized: false });
    const state = readWindowState(file, [PRIMARY]);
    expect(state).toStrictEqual(DEFAULT_WINDOW_STATE);
    expect(state.x).toBeUndefined();
    expect(state.y).toBeUndefined();
  });

  it('clamps a window too small to use', () => {
    writeWindowState(file, { x: 10, y: 10, width: 20, height: 10, isMaximized: false });
    expect(readWindowState(file, [PRIMARY])).toMatchObject({ width: 800, height: 500 });
  });
});

describe('trackWindowState', () => {
  function fakeWindow(bounds: Rect, maximized = false) {
    const listeners = new Map<string, () => void>();
    const window: TrackedWindow & { bounds: Rect; maximized: boolean } = {
      bounds,
      maximized,
      on(event, listener) {
        listeners.set(event, listener);
        return window;
      },
      getNormalBounds: () => window.bounds,
      isMaximized: () => window.maximized,
    };
    const emit = (event: 'resize' | 'move' | 'close'): void => listeners.get(event)?.();
    return { window, emit };
  }

  async function savedState(): Promise<unknown> {
    return JSON.parse(await readFile(file, 'utf8'));
  }

  it('saves once, after the last resize or move settles', async () => {
    vi.useFakeTimers();
    const { window, emit } = fakeWindow({ x: 10, y: 20, width: 1000, height: 700 });
    trackWindowState(window, file);
    emit('resize');
    window.bounds = { x: 10, y: 20, width: 1100, height: 750 };
    emit('resize');
    emit('move');
    vi.advanceTimersByTime(SAVE_DELAY_MS - 1);
    await expect(readFile(file, 'utf8')).rejects.toThrow();
    vi.advanceTimersByTime(1);
    expect(await savedState()).toStrictEqual({
      x: 10,
      y: 20,
      width: 1100,
      height: 750,
      isMaximized: false,
    });
  });

  it('saves immediately on close, with the un-maximized bounds', async () => {
    const { window, emit } = fakeWindow({ x: 30, y: 40, width: 1200, height: 780 }, true);
    trackWindowState(window, file);
    emit('close');
    expect(await savedState()).toStrictEqual({
      x: 30,
      y: 40,
      width: 1200,
      height: 780,
      isMaximized: true,
    });
    expect(readWindowState(file, [PRIMARY])).toMatchObject({ isMaximized: true, x: 30 });
  });

  it('does not throw when the file cannot be written', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { window, emit } = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    // A plain file where the state's folder should be makes the write fail.
    await writeFile(join(userData, 'occupied'), 'not a folder');
    trackWindowState(window, join(userData, 'occupied', 'window-state.json'));
    expect(() => emit('close')).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
