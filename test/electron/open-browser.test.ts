import { EventEmitter } from 'node:events';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { couldNotOpenMessage, openInBrowser, openerFor } from '../../scripts/open-browser.mjs';

const URL_TEXT = 'http://127.0.0.1:4173/';

/** A stand-in child process that ends the way `end` says, after the caller has listened. */
function fakeSpawn(end: (child: EventEmitter) => void) {
  const calls: string[][] = [];
  const spawn = (command: string, args: string[]) => {
    calls.push([command, ...args]);
    const child = new EventEmitter();
    setTimeout(() => end(child), 0);
    return Object.assign(child, { unref: () => undefined }) as unknown as ChildProcess;
  };
  return { spawn, calls };
}

describe('npm run web opening a browser', () => {
  it.each([
    ['linux', ['xdg-open', URL_TEXT]],
    ['darwin', ['open', URL_TEXT]],
    ['win32', ['cmd', '/c', 'start', '', URL_TEXT]],
  ])('uses the opener of %s', (platform, command) => {
    const [name, args] = openerFor(platform, URL_TEXT);
    expect([name, ...args]).toEqual(command);
  });

  it('prints the address when there is no opener (xdg-open missing)', async () => {
    const lines: string[] = [];
    const { spawn } = fakeSpawn((child) => child.emit('error', new Error('spawn xdg-open ENOENT')));
    const opened = await openInBrowser(URL_TEXT, {
      spawn,
      log: (l) => lines.push(l),
      platform: 'linux',
    });
    expect(opened).toBe(false);
    expect(lines).toEqual([couldNotOpenMessage(URL_TEXT)]);
    expect(lines[0]).toContain(URL_TEXT);
  });

  it('prints the address when the opener gives up (no display, no browser)', async () => {
    const lines: string[] = [];
    const { spawn } = fakeSpawn((child) => child.emit('exit', 3, null));
    expect(await openInBrowser(URL_TEXT, { spawn, log: (l) => lines.push(l) })).toBe(false);
    expect(lines).toEqual([couldNotOpenMessage(URL_TEXT)]);
  });

  it('prints nothing more when the browser opened', async () => {
    const lines: string[] = [];
    const { spawn, calls } = fakeSpawn((child) => child.emit('exit', 0, null));
    expect(
      await openInBrowser(URL_TEXT, { spawn, log: (l) => lines.push(l), platform: 'darwin' }),
    ).toBe(true);
    expect(lines).toEqual([]);
    expect(calls).toEqual([['open', URL_TEXT]]);
  });

  it('prints the address when the opener cannot even start', async () => {
    const lines: string[] = [];
    const spawn = () => {
      throw new Error('EACCES');
    };
    expect(await openInBrowser(URL_TEXT, { spawn, log: (l) => lines.push(l) })).toBe(false);
    expect(lines).toEqual([couldNotOpenMessage(URL_TEXT)]);
  });
});
