/** Creates the one main window: secure preferences, remembered bounds, shown when painted. */
import { BrowserWindow } from 'electron';
import { APP_START_URL, secureWebPreferences } from './security';
import { MIN_HEIGHT, MIN_WIDTH, readWindowState, trackWindowState } from './window-state';
import type { Rect } from './window-state';

export interface MainWindowOptions {
  title: string;
  preloadPath: string;
  /** `userData/window-state.json`. */
  windowStatePath: string;
  /** Work areas of the connected displays (`screen.getAllDisplays()`), to reject off-screen positions. */
  displays: readonly Rect[];
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = readWindowState(options.windowStatePath, options.displays);
  const window = new BrowserWindow({
    title: options.title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined
      ? { x: state.x, y: state.y }
      : { center: true }),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  trackWindowState(window, options.windowStatePath);
  // maximize() also shows the window, so it waits for the first paint like show() does.
  window.once('ready-to-show', () => (state.isMaximized ? window.maximize() : window.show()));
  window.loadURL(APP_START_URL).catch((error: unknown) => {
    console.error('TEM Desk could not load its window:', error);
  });
  return window;
}
