import { SAVE_FILE_KINDS, type OpenFilesRequest, type PickedFile } from '../../shared/ipc/contract';
import type { Platform } from './platform';

declare const __APP_VERSION__: string;

/** Browser fallbacks: `<input type=file>` to open, a Blob download to save. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    openFiles: pickFilesWithInput,
    async saveFile(suggestedName, bytes, kind) {
      downloadBytes(suggestedName, bytes, SAVE_FILE_KINDS[kind].mediaType);
      return { saved: true, path: suggestedName };
    },
    async appInfo() {
      return {
        name: 'TEM Desk',
        version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev',
        platform: 'browser',
        electronVersion: '',
        userDataPath: '',
      };
    },
    onMenuCommand() {
      // A browser has no native menu; the same commands are buttons in the UI.
      return () => undefined;
    },
  };
}

function pickFilesWithInput(request: OpenFilesRequest): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = request.multiple !== false;
    const extensions = request.filters?.flatMap((filter) => filter.extensions) ?? [];
    if (extensions.length > 0 && !extensions.includes('*')) {
      input.accept = extensions.map((extension) => `.${extension}`).join(',');
    }
    input.style.display = 'none';
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    input.addEventListener('change', () => {
      // Benchmarks time an import from this moment (see test/bench/import.bench.ts).
      performance.mark('files:picked');
      const files = [...(input.files ?? [])];
      input.remove();
      readPickedFiles(files).then(resolve, reject);
    });
    document.body.append(input);
    input.click();
  });
}

/**
 * Files whose bytes are asked for in one task. Each ask costs the page a moment before it is
 * answered (the file's size and date are checked on the spot): the 216 files of a million-line
 * pick asked for at once were a 255 ms task.
 */
export const FILES_PER_TASK = 16;

/** The picked files' names and bytes, in order; asked for a few per task (see above). */
export async function readPickedFiles(files: readonly File[]): Promise<PickedFile[]> {
  const reads: Promise<PickedFile>[] = [];
  for (let at = 0; at < files.length; at += FILES_PER_TASK) {
    // The first ones too: the task that delivers the pick has done enough.
    // clock: a timer, the next task
    await new Promise((next) => setTimeout(next, 0));
    reads.push(...files.slice(at, at + FILES_PER_TASK).map(readPickedFile));
  }
  return Promise.all(reads);
}

export async function readPickedFile(file: File): Promise<PickedFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function downloadBytes(fileName: string, bytes: Uint8Array, mediaType: string): void {
  // Copy into a fresh ArrayBuffer: a view over a SharedArrayBuffer cannot back a Blob.
  const blob = new Blob([bytes.slice()], { type: mediaType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
