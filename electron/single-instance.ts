/**
 * One TEM Desk at a time: two instances would share one IndexedDB and fight over it. A second
 * launch hands over to the first (which comes to the front) and quits.
 */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
}

/**
 * Returns true when this process is the one instance. Otherwise it has already asked the app to
 * quit, and the caller must not create windows.
 */
export function claimSingleInstance(app: SingleInstanceApp, focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', focusExisting);
  return true;
}

/** The parts of `BrowserWindow` needed to bring it to the front. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

export function bringToFront(window: FocusableWindow | null): void {
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
