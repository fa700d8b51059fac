import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppFile,
} from '../../electron/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let base: string;
let rendererDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'temdesk-protocol-'));
  rendererDir = join(base, 'dist', 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>TEM Desk</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'export const x = 1;');
  await writeFile(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(rendererDir, 'assets', 'worker-1.js'), 'self.onmessage = () => {};');
  await writeFile(join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(rendererDir, 'assets', 'inter.woff2'), new Uint8Array([1, 2, 3]));
  // A secret next to the renderer folder, which traversal attempts aim at.
  await writeFile(join(base, 'dist', 'secret.txt'), 'do not serve');
  await writeFile(join(base, 'secret.txt'), 'do not serve');
  serve = createAppProtocolHandler(rendererDir);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetch-capable', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toStrictEqual([[APP_SCHEME_PRIVILEGES]]);
    expect(APP_SCHEME_PRIVILEGES).toStrictEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('the app:// protocol handler', () => {
  it.each([
    ['app://bundle/', 'text/html; charset=utf-8', '<!doctype html><title>TEM Desk</title>'],
    [
      'app://bundle/index.html',
      'text/html; charset=utf-8',
      '<!doctype html><title>TEM Desk</title>',
    ],
    ['app://bundle/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['app://bundle/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    [
      'app://bundle/assets/worker-1.js?worker_file&type=module',
      'text/javascript; charset=utf-8',
      'self.onmessage = () => {};',
    ],
    ['app://bundle/assets/logo.svg', 'image/svg+xml', '<svg/>'],
  ])('serves %s as %s', async (url, contentType, body) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(contentType);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it('sends the Content-Security-Policy with every response, 404s included', async () => {
    const ok = await serve(new Request('app://bundle/index.html'));
    const missing = await serve(new Request('app://bundle/nope.html'));
    expect(ok.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(missing.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves binary files byte for byte', async () => {
    const response = await serve(new Request('app://bundle/assets/inter.woff2'));
    expect(response.headers.get('Content-Type')).toBe('font/woff2');
    expect(new Uint8Array(await response.arrayBuffer())).toStrictEqual(new Uint8Array([1, 2, 3]));
  });

  it.each([
    'app://bundle/../../etc/passwd',
    'app://bundle/../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/..%2f..%2fsecret.txt',
    'app://bundle/assets/..%2f..%2f..%2fsecret.txt',
    'app://bundle/..%5c..%5csecret.txt',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/index.html%00.js',
    'app://bundle/%E0%A4%A',
    'app://other-host/index.html',
    'app://bundle/assets',
    'app://bundle/missing.js',
  ])('answers 404 to %s', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('refuses anything but GET and HEAD', async () => {
    const response = await serve(
      new Request('app://bundle/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('resolveAppFile', () => {
  it('never returns a path outside the root', () => {
    expect(resolveAppFile('/srv/renderer', 'app://bundle/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile('/srv/renderer', 'app://bundle/a/b.js')).toBe(
      resolve('/srv/renderer', 'a', 'b.js'),
    );
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.JSON', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['a.png', 'image/png'],
    ['a.unknown', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });
});
