import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow, MenuItem, MenuItemConstructorOptions } from 'electron';

const electron = vi.hoisted(() => ({
  dialog: { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) },
}));
vi.mock('electron', () => electron);

const { buildMenuTemplate } = await import('../../electron/menu');

function template(isMac: boolean) {
  const send = vi.fn();
  const menu = buildMenuTemplate({ appName: 'TEM Desk', version: '1.2.3', isMac, send });
  return { menu, send };
}

function submenuOf(
  menu: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions[] {
  const top = menu.find((item) => item.label === label);
  if (!top || !Array.isArray(top.submenu)) throw new Error(`no ${label} menu`);
  return top.submenu;
}

function item(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items.find((entry) => entry.label === label);
  if (!found) throw new Error(`no ${label} item`);
  return found;
}

/** Clicks a menu item the way Electron does. The MenuItem argument is unused by our handlers. */
function click(entry: MenuItemConstructorOptions, window?: BaseWindow): void {
  if (!entry.click) throw new Error(`${entry.label ?? entry.role} has no click handler`);
  entry.click({} as MenuItem, window, {});
}

describe('buildMenuTemplate on Windows and Linux', () => {
  it('has File, Edit, View and Help, in that order', () => {
    expect(template(false).menu.map((entry) => entry.label)).toStrictEqual([
      'File',
      'Edit',
      'View',
      'Help',
    ]);
  });

  it('has Import bills…, Export… and Quit in File, with accelerators', () => {
    const file = submenuOf(template(false).menu, 'File');
    expect(item(file, 'Import bills…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Export…').accelerator).toBe('CmdOrCtrl+E');
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'Quit' });
    expect(file.at(-2)).toStrictEqual({ type: 'separator' });
  });

  it.each([
    ['Import bills…', 'import-bills'],
    ['Enter an invoice…', 'enter-invoice'],
    ['Export…', 'export'],
    ['Settings…', 'open-settings'],
  ])('clicking %s sends the %s menu command', (label, command) => {
    const { menu, send } = template(false);
    click(item(submenuOf(menu, 'File'), label));
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('has the edit roles', () => {
    const roles = submenuOf(template(false).menu, 'Edit').flatMap((entry) => entry.role ?? []);
    expect(roles).toStrictEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('has the view roles', () => {
    const roles = submenuOf(template(false).menu, 'View').flatMap((entry) => entry.role ?? []);
    expect(roles).toStrictEqual([
      'reload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('shows the version in a native About box', () => {
    electron.dialog.showMessageBox.mockClear();
    const window = {} as BaseWindow;
    click(item(submenuOf(template(false).menu, 'Help'), 'About TEM Desk'), window);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({ message: 'TEM Desk 1.2.3' }),
    );
  });

  it('links to no website', () => {
    expect(JSON.stringify(template(false).menu)).not.toMatch(/https?:|www\./);
    expect(JSON.stringify(template(true).menu)).not.toMatch(/https?:|www\./);
  });
});

describe('buildMenuTemplate on macOS', () => {
  it('puts the app menu first, with About and Quit', () => {
    const { menu } = template(true);
    expect(menu.map((entry) => entry.label)).toStrictEqual([
      'TEM Desk',
      'File',
      'Edit',
      'View',
      'Help',
    ]);
    const appMenu = submenuOf(menu, 'TEM Desk');
    expect(appMenu[0]?.label).toBe('About TEM Desk');
    expect(appMenu.at(-1)).toMatchObject({ role: 'quit' });
  });

  it('keeps Import bills… and Export… in File and ends it with Close Window', () => {
    const file = submenuOf(template(true).menu, 'File');
    expect(item(file, 'Import bills…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Export…').accelerator).toBe('CmdOrCtrl+E');
    expect(file.at(-1)).toStrictEqual({ role: 'close' });
  });

  it('shows the About box without a window too', () => {
    electron.dialog.showMessageBox.mockClear();
    click(item(submenuOf(template(true).menu, 'TEM Desk'), 'About TEM Desk'));
    expect(electron.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ message: 'TEM Desk 1.2.3' }),
    );
  });
});
