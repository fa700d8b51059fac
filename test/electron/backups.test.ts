import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BACKUP_SETTINGS_FILE,
  NODE_BACKUP_FS,
  UnsafeBackupNameError,
  defaultBackupFolder,
  isSafeBackupName,
  listBackupFiles,
  prepareBackupFolder,
  pruneBackups,
  readBackupFile,
  readBackupFolder,
  saveBackupFolder,
  writeBackupFile,
} from '../../electron/backups';
import type { BackupFs } from '../../electron/backups';

let base: string;
/** The backup folder under test. */
let folder: string;
/** A stand-in for `app.getPath('userData')`. */
let userData: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'temdesk-backups-'));
  folder = join(base, 'backups');
  userData = join(base, 'user-data');
  await mkdir(folder);
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Bytes that say which backup they are, so a mix-up shows. */
function backupBytes(label: string): Uint8Array {
  return new TextEncoder().encode(`PK fake backup ${label}`);
}

/** Puts a backup in the folder as an earlier run left it, dated `isoDate`. */
async function existingBackup(name: string, isoDate: string): Promise<Uint8Array> {
  const bytes = backupBytes(name);
  const path = join(folder, name);
  await writeFile(path, bytes);
  const date = new Date(isoDate);
  await utimes(path, date, date);
  return bytes;
}

async function namesOnDisk(): Promise<string[]> {
  return (await readdir(folder)).sort();
}

describe('isSafeBackupName', () => {
  it.each([
    'temdesk-2024-08-31T17-05-00.temdesk',
    'Acme Corp backup (1).temdesk',
    'a.temdesk',
    'sauvegarde-été.temdesk',
  ])('accepts %s', (name) => {
    expect(isSafeBackupName(name)).toBe(true);
  });

  it.each([
    ['a parent folder', '../secret.temdesk'],
    ['a parent folder, Windows style', '..\\secret.temdesk'],
    ['a subfolder', 'old/a.temdesk'],
    ['a Windows subfolder', 'old\\a.temdesk'],
    ['an absolute path', '/etc/a.temdesk'],
    ['a drive', 'C:a.temdesk'],
    ['an NTFS stream', 'a.txt:hidden.temdesk'],
    ['a double dot inside', 'a..temdesk'],
    ['a NUL byte', 'a\u0000.temdesk'],
    ['a line break', 'a\n.temdesk'],
    ['another extension', 'a.zip'],
    ['an upper-case extension', 'a.TEMDESK'],
    ['a partial file', 'a.temdesk.partial'],
    ['the extension alone', '.temdesk'],
    ['a hidden file', '.a.temdesk'],
    ['nothing', ''],
    ['a name too long for a file system', `${'x'.repeat(250)}.temdesk`],
  ])('refuses %s', (_label, name) => {
    expect(isSafeBackupName(name)).toBe(false);
  });
});

describe('write → list → prune → read', () => {
  it('lists backups newest first, prunes to keep, and reads them back byte for byte', async () => {
    const march = await existingBackup('temdesk-2024-03-01.temdesk', '2024-03-01T10:00:00Z');
    await existingBackup('temdesk-2024-01-01.temdesk', '2024-01-01T10:00:00Z');
    const february = await existingBackup('temdesk-2024-02-01.temdesk', '2024-02-01T10:00:00Z');

    expect(await listBackupFiles(folder)).toStrictEqual({
      folder,
      files: [
        {
          name: 'temdesk-2024-03-01.temdesk',
          size: march.byteLength,
          modifiedAt: '2024-03-01T10:00:00.000Z',
        },
        {
          name: 'temdesk-2024-02-01.temdesk',
          size: february.byteLength,
          modifiedAt: '2024-02-01T10:00:00.000Z',
        },
        {
          name: 'temdesk-2024-01-01.temdesk',
          size: backupBytes('temdesk-2024-01-01.temdesk').byteLength,
          modifiedAt: '2024-01-01T10:00:00.000Z',
        },
      ],
    });

    const bytes = new Uint8Array(256).map((_, index) => index);
    const result = await writeBackupFile(folder, 'temdesk-2024-04-01.temdesk', bytes, 3);

    expect(result).toStrictEqual({
      path: join(folder, 'temdesk-2024-04-01.temdesk'),
      removed: ['temdesk-2024-01-01.temdesk'],
    });
    const { files } = await listBackupFiles(folder);
    expect(files.map((file) => file.name)).toStrictEqual([
      'temdesk-2024-04-01.temdesk',
      'temdesk-2024-03-01.temdesk',
      'temdesk-2024-02-01.temdesk',
    ]);
    expect(files[0]?.size).toBe(256);
    expect(await namesOnDisk()).toStrictEqual([
      'temdesk-2024-02-01.temdesk',
      'temdesk-2024-03-01.temdesk',
      'temdesk-2024-04-01.temdesk',
    ]);

    const readBack = await readBackupFile(folder, 'temdesk-2024-04-01.temdesk');
    expect(readBack).toStrictEqual(bytes);
    expect(Object.getPrototypeOf(readBack)).toBe(Uint8Array.prototype);
    expect(await readBackupFile(folder, 'temdesk-2024-03-01.temdesk')).toStrictEqual(march);
  });

  it('keeps one: only the backup just written remains', async () => {
    await existingBackup('a.temdesk', '2024-01-01T00:00:00Z');
    await existingBackup('b.temdesk', '2024-01-02T00:00:00Z');
    const result = await writeBackupFile(folder, 'c.temdesk', backupBytes('c'), 1);
    expect([...result.removed].sort()).toStrictEqual(['a.temdesk', 'b.temdesk']);
    expect(await namesOnDisk()).toStrictEqual(['c.temdesk']);
  });

  it('never prunes the backup just written, even when the clock says it is the oldest', async () => {
    await existingBackup('from-the-future-1.temdesk', '2100-01-01T00:00:00Z');
    await existingBackup('from-the-future-2.temdesk', '2100-01-02T00:00:00Z');
    const result = await writeBackupFile(folder, 'now.temdesk', backupBytes('now'), 2);
    expect(result.removed).toStrictEqual(['from-the-future-1.temdesk']);
    expect(await namesOnDisk()).toStrictEqual(['from-the-future-2.temdesk', 'now.temdesk']);
  });

  it('replaces a backup of the same name', async () => {
    await writeBackupFile(folder, 'same.temdesk', backupBytes('first'), 5);
    await writeBackupFile(folder, 'same.temdesk', backupBytes('second'), 5);
    expect(await readBackupFile(folder, 'same.temdesk')).toStrictEqual(backupBytes('second'));
    expect(await namesOnDisk()).toStrictEqual(['same.temdesk']);
  });

  it('orders backups of the same time by name, later name first', async () => {
    await existingBackup('b-2024-05-01.temdesk', '2024-05-01T00:00:00Z');
    await existingBackup('b-2024-05-02.temdesk', '2024-05-01T00:00:00Z');
    const { files } = await listBackupFiles(folder);
    expect(files.map((file) => file.name)).toStrictEqual([
      'b-2024-05-02.temdesk',
      'b-2024-05-01.temdesk',
    ]);
  });

  it('lists only .temdesk files: never a .partial, another file or a folder', async () => {
    await existingBackup('kept.temdesk', '2024-01-01T00:00:00Z');
    await writeFile(join(folder, 'crashed.temdesk.partial'), 'half a zip');
    await writeFile(join(folder, 'notes.txt'), 'hello');
    await writeFile(join(folder, 'settings.TEMDESK'), 'shouting');
    await mkdir(join(folder, 'looks-like.temdesk'));
    const { files } = await listBackupFiles(folder);
    expect(files.map((file) => file.name)).toStrictEqual(['kept.temdesk']);

    // …and pruning touches none of them either.
    expect(await pruneBackups(folder, 1)).toStrictEqual([]);
    expect(await namesOnDisk()).toStrictEqual([
      'crashed.temdesk.partial',
      'kept.temdesk',
      'looks-like.temdesk',
      'notes.txt',
      'settings.TEMDESK',
    ]);
  });

  it('lists an absent folder as empty (it is created by the first backup)', async () => {
    const absent = join(base, 'not-yet');
    expect(await listBackupFiles(absent)).toStrictEqual({ folder: absent, files: [] });
  });

  it.each([0, 101, 2.5, Number.NaN])('refuses to keep %s backups', async (keep) => {
    await expect(writeBackupFile(folder, 'a.temdesk', backupBytes('a'), keep)).rejects.toThrow(
      RangeError,
    );
    expect(await namesOnDisk()).toStrictEqual([]);
  });
});

describe('atomic writes', () => {
  /** The real file system, except that the process "dies" at rename: nothing after it runs. */
  function crashingAtRename(): BackupFs {
    return {
      ...NODE_BACKUP_FS,
      rename: async () => {
        throw new Error('power cut');
      },
      // A dead process cleans nothing up.
      unlink: async () => {
        throw new Error('power cut');
      },
    };
  }

  it('a crash between write and rename leaves the previous backups intact', async () => {
    const older = await existingBackup('older.temdesk', '2024-01-01T00:00:00Z');
    const newer = await existingBackup('newer.temdesk', '2024-01-02T00:00:00Z');
    const before = await listBackupFiles(folder);

    await expect(
      writeBackupFile(folder, 'newest.temdesk', backupBytes('newest'), 1, crashingAtRename()),
    ).rejects.toThrow('power cut');

    // Nothing was pruned, though keep was 1; the half-written file is never listed.
    expect(await listBackupFiles(folder)).toStrictEqual(before);
    expect(await readBackupFile(folder, 'older.temdesk')).toStrictEqual(older);
    expect(await readBackupFile(folder, 'newer.temdesk')).toStrictEqual(newer);
    expect(await namesOnDisk()).toStrictEqual([
      'newer.temdesk',
      'newest.temdesk.partial',
      'older.temdesk',
    ]);

    // The next backup of the same name goes through, over the leftover .partial.
    await writeBackupFile(folder, 'newest.temdesk', backupBytes('newest'), 3);
    expect(await namesOnDisk()).toStrictEqual(['newer.temdesk', 'newest.temdesk', 'older.temdesk']);
  });

  it('a failed write (disk full) removes its .partial and keeps the previous backups', async () => {
    await existingBackup('older.temdesk', '2024-01-01T00:00:00Z');
    const diskFull: BackupFs = {
      ...NODE_BACKUP_FS,
      writeFile: async (path, data, options) => {
        await NODE_BACKUP_FS.writeFile(path, data.subarray(0, 3), options);
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    await expect(
      writeBackupFile(folder, 'newest.temdesk', backupBytes('newest'), 1, diskFull),
    ).rejects.toThrow('ENOSPC');
    expect(await namesOnDisk()).toStrictEqual(['older.temdesk']);
  });

  it('writes to <name>.partial, flushed, then renames it', async () => {
    const calls: string[] = [];
    const recording: BackupFs = {
      ...NODE_BACKUP_FS,
      writeFile: async (path, data, options) => {
        calls.push(`write ${path.slice(folder.length + 1)} flush=${String(options.flush)}`);
        await NODE_BACKUP_FS.writeFile(path, data, options);
      },
      rename: async (from, to) => {
        calls.push(`rename ${from.slice(folder.length + 1)} → ${to.slice(folder.length + 1)}`);
        await NODE_BACKUP_FS.rename(from, to);
      },
    };
    await writeBackupFile(folder, 'a.temdesk', backupBytes('a'), 5, recording);
    expect(calls).toStrictEqual([
      'write a.temdesk.partial flush=true',
      'rename a.temdesk.partial → a.temdesk',
    ]);
  });
});

describe('names that are not plain backup names', () => {
  it.each(['../secret.temdesk', '..\\secret.temdesk', 'sub/../../secret.temdesk', 'secret.txt'])(
    'refuses to read %s',
    async (name) => {
      // A target that exists, next to the backup folder: the refusal is not a "not found".
      await writeFile(join(base, 'secret.temdesk'), 'do not read');
      await writeFile(join(folder, 'secret.txt'), 'do not read');
      await expect(readBackupFile(folder, name)).rejects.toBeInstanceOf(UnsafeBackupNameError);
    },
  );

  it.each(['../escaped.temdesk', '/tmp/escaped.temdesk', 'escaped.exe'])(
    'refuses to write %s',
    async (name) => {
      await expect(writeBackupFile(folder, name, backupBytes('x'), 5)).rejects.toBeInstanceOf(
        UnsafeBackupNameError,
      );
      expect(await readdir(base)).toStrictEqual(['backups']);
      expect(await namesOnDisk()).toStrictEqual([]);
    },
  );

  it('refuses to read a folder that ends .temdesk', async () => {
    await mkdir(join(folder, 'odd.temdesk'));
    await expect(readBackupFile(folder, 'odd.temdesk')).rejects.toThrow('is not a file');
  });

  it('reports a missing backup', async () => {
    await expect(readBackupFile(folder, 'gone.temdesk')).rejects.toThrow('ENOENT');
  });
});

describe('the backup folder setting', () => {
  const settingsFile = () => join(userData, BACKUP_SETTINGS_FILE);

  it('defaults to <userData>/backups when nothing was chosen', async () => {
    expect(await readBackupFolder(userData)).toStrictEqual({
      folder: join(userData, 'backups'),
      isDefault: true,
    });
    expect(defaultBackupFolder(userData)).toBe(join(userData, 'backups'));
  });

  it('remembers the folder chosen', async () => {
    const chosen = join(base, 'usb-drive', 'TEM Desk backups');
    await saveBackupFolder(userData, chosen);
    expect(await readBackupFolder(userData)).toStrictEqual({ folder: chosen, isDefault: false });
    expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toStrictEqual({ folder: chosen });
    expect(await readdir(userData)).toStrictEqual([BACKUP_SETTINGS_FILE]);
  });

  it('treats choosing the default folder as the default', async () => {
    await saveBackupFolder(userData, join(userData, 'backups'));
    expect((await readBackupFolder(userData)).isDefault).toBe(true);
    await saveBackupFolder(userData, `${join(userData, 'backups')}${sep}`);
    expect(await readBackupFolder(userData)).toStrictEqual({
      folder: join(userData, 'backups'),
      isDefault: true,
    });
  });

  it.each([
    ['corrupt JSON', '{"folder": "/mnt/bac'],
    ['an empty file', ''],
    ['null', 'null'],
    ['a list', '["/mnt/backups"]'],
    ['a numeric folder', '{"folder": 42}'],
    ['a relative folder', '{"folder": "backups"}'],
    ['no folder', '{"keep": 10}'],
    ['a NUL byte', '{"folder": "/mnt/a\\u0000b"}'],
  ])('falls back to the default on a settings file with %s', async (_label, text) => {
    await mkdir(userData, { recursive: true });
    await writeFile(settingsFile(), text);
    expect(await readBackupFolder(userData)).toStrictEqual({
      folder: join(userData, 'backups'),
      isDefault: true,
    });
  });

  it('falls back to the default when the settings file cannot be read', async () => {
    await mkdir(settingsFile(), { recursive: true }); // a folder where the file should be
    expect((await readBackupFolder(userData)).isDefault).toBe(true);
  });

  it('refuses to remember a relative folder', async () => {
    await expect(saveBackupFolder(userData, 'backups')).rejects.toThrow('full path');
  });

  it('creates the default folder on demand', async () => {
    const current = await readBackupFolder(userData);
    await prepareBackupFolder(current);
    expect(await readdir(userData)).toStrictEqual(['backups']);
  });

  it('does not re-create a chosen folder that is gone (a drive not connected)', async () => {
    const chosen = join(base, 'usb-drive', 'backups');
    await saveBackupFolder(userData, chosen);
    await expect(prepareBackupFolder(await readBackupFolder(userData))).rejects.toThrow(
      `The backup folder ${chosen} is missing`,
    );
    expect(await readdir(base)).not.toContain('usb-drive');

    await mkdir(chosen, { recursive: true });
    await expect(prepareBackupFolder(await readBackupFolder(userData))).resolves.toBeUndefined();
  });
});
