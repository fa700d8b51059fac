/**
 * PDF bills read with pdf.js, entirely inside the app: the worker is a file of the app's own
 * bundle (Vite emits it, the CSP's `worker-src 'self'` allows it), the document comes from bytes
 * the user picked, and nothing is fetched — no network, no plugin.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** An open PDF, and how to let it go (which ends its worker). */
export interface OpenPdf {
  pdf: PDFDocumentProxy;
  close: () => Promise<void>;
}

/** Opens a PDF from its bytes (a copy is handed to the worker; the caller keeps its own). */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const task = getDocument({
    data: bytes.slice(),
    // Fonts a bill does not embed (Helvetica) are drawn with the system's: nothing to fetch.
    useSystemFonts: true,
    useWorkerFetch: false,
    enableXfa: false,
  });
  return { pdf: await task.promise, close: () => task.destroy() };
}

/** The text of every page, lines ended where pdf.js ends them, pages separated by a form feed. */
export async function pdfText(pdf: PDFDocumentProxy): Promise<string> {
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : ''))
        .join(''),
    );
  }
  return pages.join('\n\f\n');
}
