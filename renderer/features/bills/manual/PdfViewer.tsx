import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';

/** One page of the bill at a time, drawn on a canvas, with page navigation. */
export function PdfViewer({ pdf, fileName }: { pdf: PDFDocumentProxy; fileName: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [problem, setProblem] = useState('');
  const pages = pdf.numPages;

  useEffect(() => {
    let task: RenderTask | null = null;
    let cancelled = false;
    void (async () => {
      try {
        const page = await pdf.getPage(pageNumber);
        const target = canvas.current;
        if (cancelled || target === null) return;
        // Drawn at the screen's pixel density, shown at 640 CSS pixels wide at most.
        const width = Math.min(640, target.parentElement?.clientWidth ?? 640);
        const base = page.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: (width / base.width) * ratio });
        target.width = Math.floor(viewport.width);
        target.height = Math.floor(viewport.height);
        target.style.width = `${Math.floor(viewport.width / ratio)}px`;
        target.style.height = `${Math.floor(viewport.height / ratio)}px`;
        task = page.render({ canvas: target, viewport });
        await task.promise;
        setProblem('');
      } catch (error) {
        if (!cancelled && !(error instanceof Error && error.name === 'RenderingCancelledException'))
          setProblem(`Page ${pageNumber} could not be shown: ${String(error)}`);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, pageNumber]);

  return (
    <section className="panel pdf-viewer" aria-label={`Bill PDF: ${fileName}`}>
      <div className="pdf-viewer__bar">
        <button
          type="button"
          className="secondary"
          disabled={pageNumber <= 1}
          onClick={() => setPageNumber((n) => Math.max(1, n - 1))}
        >
          Previous page
        </button>
        <span aria-live="polite">
          Page {pageNumber} of {pages}
        </span>
        <button
          type="button"
          className="secondary"
          disabled={pageNumber >= pages}
          onClick={() => setPageNumber((n) => Math.min(pages, n + 1))}
        >
          Next page
        </button>
      </div>
      {problem !== '' && <p role="alert">{problem}</p>}
      <canvas ref={canvas} role="img" aria-label={`Page ${pageNumber} of ${fileName}`} />
    </section>
  );
}
