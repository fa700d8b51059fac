/**
 * Security policy of the main process: the web preferences every window gets, the Content Security
 * Policy, which URLs the app may load, and the per-webContents and per-session hardening.
 *
 * TEM Desk parses untrusted carrier bills in its renderer, and it never talks to a network. So the
 * renderer gets the smallest surface we can give it: sandboxed, context-isolated, no Node, a strict
 * CSP, no navigation away from the app, no popups, no permissions, and no request that leaves the
 * app's own `app://` origin. See https://www.electronjs.org/docs/latest/tutorial/security.
 */
import type { WebPreferences } from 'electron';

/** The privileged scheme the renderer is served from (see `app-protocol.ts`). */
export const APP_SCHEME = 'app';
/** The one host of the scheme; `app://bundle/index.html` is the page. */
export const APP_HOST = 'bundle';
/** `app://bundle` — compared by protocol + host, because Node's `URL.origin` is `null` for custom schemes. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The Content Security Policy sent with every response of the `app://` protocol (and added by
 * `onHeadersReceived` to anything else that slips through). `style-src 'unsafe-inline'` is there
 * because AG Grid injects its styles at run time; scripts stay `'self'` only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The web preferences of every TEM Desk window. Never relaxed, not even for tests. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
    // A middle click opens a link in a new window: denied anyway (setWindowOpenHandler), and
    // with Auxclick off it never gets that far (Electronegativity's AUXCLICK_JS_CHECK).
    disableBlinkFeatures: 'Auxclick',
    webviewTag: false,
    preload: preloadPath,
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is a page or asset of the app itself (`app://bundle/...`). */
export function isAppUrl(url: string, appOrigin: string = APP_ORIGIN): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && `${parsed.protocol}//${parsed.host}` === appOrigin;
}

/**
 * Schemes a request may use. `app:` is the app; `devtools:` is Chromium's own DevTools UI;
 * `data:` and `blob:` never touch a network (images, fonts and workers the CSP already allows).
 * Everything else — http(s), ws(s), file, ftp, chrome-extension… — is refused.
 */
const ALLOWED_REQUEST_PROTOCOLS: ReadonlySet<string> = new Set([
  `${APP_SCHEME}:`,
  'devtools:',
  'data:',
  'blob:',
]);

/** True when the session may perform a request for `url` (see `ALLOWED_REQUEST_PROTOCOLS`). */
export function isAllowedUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  return ALLOWED_REQUEST_PROTOCOLS.has(parsed.protocol);
}

/**
 * The parts of `WebContents` the hardening touches (lets tests pass a small fake).
 * Listeners are typed loosely on purpose: each event's full Electron signature is longer than what
 * we read, and we only ever call `preventDefault()`.
 */
export interface HardenableWebContents {
  on(event: 'will-navigate' | 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}
export interface PreventableEvent {
  preventDefault(): void;
}
type NavigationListener = (event: PreventableEvent, url: string) => void;

/**
 * Locks one webContents to the app: navigation and redirects anywhere but `appOrigin` are
 * prevented, `window.open` / `target=_blank` are denied (no links to websites either — the app has
 * none), and `<webview>` can never be attached.
 */
export function hardenWebContents(contents: HardenableWebContents, appOrigin: string): void {
  const stayInApp: NavigationListener = (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The parts of `Session` the policy touches, typed as narrowly as we use them (Electron's
 * `Session` satisfies it), so tests can pass a small fake.
 */
export interface PolicySession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(
      listener: (
        details: { url: string },
        callback: (response: { cancel: boolean }) => void,
      ) => void,
    ): void;
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Session-wide policy: every permission request and check is denied (camera, notifications,
 * clipboard-read, geolocation… the app needs none), every request that is not the app's own is
 * cancelled, and every response carries the CSP.
 */
export function applySessionPolicy(session: PolicySession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedUrl(details.url) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}
