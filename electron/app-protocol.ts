/**
 * The `app://` protocol: serves the built renderer (`dist/renderer/`) to the window.
 *
 * Why not `file://`: a file page has an opaque origin, can read any other file URL, and gets
 * no CSP header. A privileged standard scheme gives the renderer a real origin (`app://bundle`),
 * IndexedDB that survives restarts, `fetch` of its own assets, and a CSP header on every response.
 *
 * Files are read with `fs.promises`, which Electron patches to read inside `app.asar` too, so the
 * same handler works unpackaged and packaged. It never uses `net.fetch`, so it needs no `file://`
 * exception in the session's request filter.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security';

/**
 * `standard`: relative URLs and a real origin; `secure`: treated like https (IndexedDB, crypto.subtle,
 * module workers); `supportFetchAPI`: the renderer may `fetch` its own assets (e.g. wasm, fixtures).
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before `app` is ready: Chromium reads the scheme list at start-up. */
export function registerAppScheme(protocol: {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
}): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; unknown extensions are served as opaque bytes. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers every response of the protocol carries, errors included. */
function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps a request URL to a file under `rootDir`, or `null` when it must not be served: another
 * scheme or host, a malformed escape, a NUL byte, or a path that resolves outside `rootDir`
 * (`..`, `%2e%2e`, `..%2f`, `..\`, an absolute path). `/` maps to `index.html`.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.slice(1);
  // Backslashes are separators on Windows: treat them as such everywhere, so a test on Linux
  // proves the Windows case too.
  const root = resolve(rootDir);
  const target = resolve(root, relativePath.replaceAll('\\', '/'));
  const fromRoot = relative(root, target);
  if (
    fromRoot === '' ||
    isAbsolute(fromRoot) ||
    fromRoot === '..' ||
    fromRoot.startsWith(`..${sep}`)
  ) {
    return null;
  }
  return target;
}

/**
 * The `protocol.handle(APP_SCHEME, …)` handler serving `rootDir` (the built renderer).
 * Anything that is not a regular file inside `rootDir` is a 404; only GET and HEAD are answered.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: baseHeaders() });
    }
    const filePath = resolveAppFile(rootDir, request.url);
    if (filePath === null) return notFound();
    try {
      const info = await stat(filePath);
      if (!info.isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : await readFile(filePath);
      return new Response(body, {
        status: 200,
        headers: { ...baseHeaders(), 'Content-Type': contentTypeFor(filePath) },
      });
    } catch {
      return notFound();
    }
  };
}
