import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  applySessionPolicy,
  hardenWebContents,
  isAllowedUrl,
  isAppUrl,
  secureWebPreferences,
} from '../../electron/security';
import type {
  HardenableWebContents,
  PolicySession,
  PreventableEvent,
} from '../../electron/security';

type Listener = (event: PreventableEvent, url: string) => void;

/** A webContents fake that records what hardenWebContents installs. */
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: (() => { action: 'deny' }) | undefined;
  const contents: HardenableWebContents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      windowOpenHandler = handler;
    },
  };
  /** Fires `event` for `url`; true when a listener called preventDefault(). */
  function fire(event: string, url = ''): boolean {
    const preventDefault = vi.fn();
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  }
  return { contents, fire, openWindow: () => windowOpenHandler?.() };
}

describe('secureWebPreferences', () => {
  it('turns on every isolation and turns off every Node and experimental feature', () => {
    expect(secureWebPreferences('/app/dist-electron/preload.cjs')).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      preload: '/app/dist-electron/preload.cjs',
    });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it.each([
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
  ])('has %s', (directive) => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain(directive);
  });

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
  });
});

describe('isAllowedUrl', () => {
  it.each([
    ['app://bundle/index.html', true],
    ['app://bundle/assets/index-abc123.js', true],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['blob:app://bundle/0b5e7c7c-1f7a-4f9e-9d1e-2a7f0d3c9a11', true],
    ['app://elsewhere/index.html', false],
    ['https://example.com/', false],
    ['http://127.0.0.1:5173/', false],
    ['ws://localhost:5173/', false],
    ['file:///etc/passwd', false],
    ['ftp://example.com/bill.csv', false],
    ['chrome-extension://abc/page.html', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedUrl(url)).toBe(allowed);
  });
});

describe('isAppUrl', () => {
  it('compares protocol and host, not prefixes', () => {
    expect(isAppUrl('app://bundle/index.html#/bills')).toBe(true);
    expect(isAppUrl('app://bundle.evil/index.html')).toBe(false);
    expect(isAppUrl('app://bundle@evil/index.html')).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it.each([
    'https://example.com/',
    'http://localhost:3000/',
    'file:///etc/passwd',
    'file:///C:/Users/me/bill.csv',
    'app://elsewhere/index.html',
    'javascript:alert(1)',
  ])('prevents navigating or redirecting to %s', (url) => {
    const webContents = fakeWebContents();
    hardenWebContents(webContents.contents, APP_ORIGIN);
    expect(webContents.fire('will-navigate', url)).toBe(true);
    expect(webContents.fire('will-redirect', url)).toBe(true);
  });

  it('lets the app navigate within itself', () => {
    const webContents = fakeWebContents();
    hardenWebContents(webContents.contents, APP_ORIGIN);
    expect(webContents.fire('will-navigate', 'app://bundle/index.html#/audit')).toBe(false);
  });

  it('denies window.open and prevents <webview>', () => {
    const webContents = fakeWebContents();
    hardenWebContents(webContents.contents, APP_ORIGIN);
    expect(webContents.openWindow()).toStrictEqual({ action: 'deny' });
    expect(webContents.fire('will-attach-webview')).toBe(true);
  });
});

describe('applySessionPolicy', () => {
  function fakeSession() {
    const handlers: {
      request?: Parameters<PolicySession['setPermissionRequestHandler']>[0];
      check?: () => boolean;
      beforeRequest?: Parameters<PolicySession['webRequest']['onBeforeRequest']>[0];
      headers?: Parameters<PolicySession['webRequest']['onHeadersReceived']>[0];
    } = {};
    const session: PolicySession = {
      setPermissionRequestHandler: (handler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
      webRequest: {
        onBeforeRequest: (listener) => (handlers.beforeRequest = listener),
        onHeadersReceived: (listener) => (handlers.headers = listener),
      },
    };
    applySessionPolicy(session);
    return handlers;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'denies the %s permission request and check',
    (permission) => {
      const handlers = fakeSession();
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.()).toBe(false);
    },
  );

  it.each([
    ['https://telemetry.example.com/collect', true],
    ['http://localhost:5173/', true],
    ['file:///etc/hosts', true],
    ['wss://example.com/socket', true],
    ['app://bundle/index.html', false],
    ['devtools://devtools/bundled/inspector.html', false],
  ])('cancels a request to %s: %s', (url, cancel) => {
    const handlers = fakeSession();
    const callback = vi.fn();
    handlers.beforeRequest?.({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
  });

  it('adds the CSP to every response and keeps the other headers', () => {
    const handlers = fakeSession();
    const callback = vi.fn();
    handlers.headers?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
});
