import type {
  AppInfo,
  MenuCommand,
  OpenFilesRequest,
  PickedFile,
  SaveFileResult,
} from '../../shared/ipc/contract';

/** What the UI needs from the operating system, whether it runs in Electron or a plain browser. */
export interface Platform {
  kind: 'electron' | 'browser';
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  /** Saves bytes under a suggested name: a native Save dialog in Electron, a download in a browser. */
  saveFile(suggestedName: string, bytes: Uint8Array, mediaType: string): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
