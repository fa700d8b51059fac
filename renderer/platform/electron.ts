import type { TemDeskBridge } from '../../shared/ipc/contract';
import type { Platform } from './platform';

/** The Electron adapter: every call goes through the preload's named functions. */
export function electronPlatform(bridge: TemDeskBridge): Platform {
  return {
    kind: 'electron',
    openFiles: (request) => bridge.openFiles(request),
    saveFile: (suggestedName, bytes, kind) => bridge.saveFile({ kind, suggestedName, bytes }),
    appInfo: () => bridge.appInfo(),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    backups: {
      write: (fileName, bytes, keep) => bridge.writeBackup({ fileName, bytes, keep }),
      list: () => bridge.listBackups(),
      read: (name) => bridge.readBackup({ name }),
      chooseFolder: () => bridge.chooseBackupFolder(),
    },
    savePagePdf: (suggestedName) => bridge.saveReportPdf({ suggestedName }),
  };
}
