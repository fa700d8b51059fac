import { useEffect } from 'react';
import { readPickedFiles } from '../../../platform/browser';
import { warmReader } from './readInWorker';

/**
 * Files dropped anywhere on the window start an import. Dropping is also the only way a browser
 * page gets files without a picker, and it never navigates away from the app.
 */
export function useFileDrop(onFiles: (files: { name: string; bytes: Uint8Array }[]) => void): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      // Files are on their way: the reader starts while they are dragged.
      warmReader();
    };
    const onDrop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      void readPickedFiles(files).then(onFiles);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFiles]);
}
