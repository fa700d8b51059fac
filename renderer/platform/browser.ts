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
      Promise.all(files.map(readPickedFile)).then(resolve, reject);
    });
    document.body.append(input);
    input.click();
  });
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
