import type {
  AppInfo,
  BackupList,
  ChooseBackupFolderResult,
  MenuCommand,
  OpenFilesRequest,
  PickedFile,
  SaveFileKind,
  SaveFileResult,
  WriteBackupResult,
} from '../../shared/ipc/contract';

/** Backups kept as `.temdesk` files in a folder on disk (Electron only). */
export interface PlatformBackups {
  /** Writes a backup atomically, then deletes the oldest beyond `keep` (an integer, 1–100). */
  write(fileName: string, bytes: Uint8Array, keep: number): Promise<WriteBackupResult>;
  /** The backup folder and its `.temdesk` files, newest first. */
  list(): Promise<BackupList>;
  /** The bytes of one backup, by the name `list()` gave. */
  read(name: string): Promise<Uint8Array>;
  /** Lets the user pick another backup folder (remembered across runs). */
  chooseFolder(): Promise<ChooseBackupFolderResult>;
}

/** What the UI needs from the operating system, whether it runs in Electron or a plain browser. */
export interface Platform {
  kind: 'electron' | 'browser';
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  /**
   * Saves bytes under a suggested name: a native Save dialog in Electron, a download in a browser.
   * `kind` (one of the app's own kinds of file) decides the extension and the dialog's filter.
   */
  saveFile(suggestedName: string, bytes: Uint8Array, kind: SaveFileKind): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Backups on disk: present in Electron only. A browser cannot write to a folder unasked, so
   * there the user is reminded to download backups instead.
   */
  backups?: PlatformBackups;
  /**
   * Saves the current page as a PDF file (print CSS applies): Electron prints it and asks where
   * to save. Absent in a browser, where the UI opens the print dialog (`window.print()`) instead,
   * whose "Save as PDF" destination does the same.
   */
  savePagePdf?: (suggestedName: string) => Promise<SaveFileResult>;
}
