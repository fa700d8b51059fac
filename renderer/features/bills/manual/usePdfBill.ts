import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState } from 'react';
import {
  suggestionsFromText,
  type PdfSuggestion,
} from '../../../../shared/billing/pdf-suggestions';
import { isPdf } from '../../../../shared/import/pdf';
import type { BillPdf } from '../../../db/manual-invoice';
import { platform } from '../../../platform';

export type PdfState =
  | { step: 'none' }
  | { step: 'opening'; file: BillPdf }
  | {
      step: 'open';
      file: BillPdf;
      pdf: PDFDocumentProxy;
      close: () => Promise<void>;
      suggestions: PdfSuggestion[];
    }
  | { step: 'failed'; message: string };

/** The bill's PDF: picked, opened with pdf.js (loaded only when a PDF is), its text read for suggestions. */
export function usePdfBill() {
  const [state, setState] = useState<PdfState>({ step: 'none' });

  useEffect(() => {
    if (state.step !== 'opening') return;
    let cancelled = false;
    const { file } = state;
    void (async () => {
      try {
        const { openPdf, pdfText } = await import('./pdf-document');
        const { pdf, close } = await openPdf(file.bytes);
        const suggestions = suggestionsFromText(await pdfText(pdf));
        if (cancelled) void close();
        else setState({ step: 'open', file, pdf, close, suggestions });
      } catch (error) {
        if (!cancelled)
          setState({
            step: 'failed',
            message: `${file.fileName} could not be opened as a PDF: ${error instanceof Error ? error.message : String(error)}`,
          });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [state]);

  // A document let go (another PDF, the page left) frees its worker.
  useEffect(
    () => () => {
      if (state.step === 'open') void state.close();
    },
    [state],
  );

  const pick = async () => {
    const [file] = await platform().openFiles({
      title: 'Attach the bill PDF',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      multiple: false,
    });
    if (file === undefined) return;
    if (!isPdf(file.bytes)) {
      setState({ step: 'failed', message: `${file.name} is not a PDF.` });
      return;
    }
    setState({ step: 'opening', file: { fileName: file.name, bytes: file.bytes } });
  };

  const file = state.step === 'open' || state.step === 'opening' ? state.file : null;
  return { state, file, pick, remove: () => setState({ step: 'none' }) };
}
