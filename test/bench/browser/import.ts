/**
 * Raw baselines for the import benchmark, in the same Chromium run: PapaParse parsing the whole
 * file on the main thread, and raw IndexedDB storing the same number of lines packed.
 */
import Papa from 'papaparse';
import { packChargeLines } from '../../../shared/storage/charge-blocks';
import { generateBillingVolume } from '../../fixtures/generate/billing-volume';

async function rawParseMs(text: string): Promise<{ ms: number; rows: number }> {
  const start = performance.now();
  const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return { ms: performance.now() - start, rows: result.data.length - 1 };
}

async function rawStoreMs(lines: number): Promise<number> {
  const data = generateBillingVolume({
    totalLines: lines,
    carriers: 5,
    accountsPerCarrier: 20,
    months: 1,
  });
  const blocks = data.flatMap((entry) => packChargeLines(entry.invoice.id, entry.lines));
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('bench-raw-import');
    request.onsuccess = request.onerror = resolve;
  });
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('bench-raw-import', 1);
    request.onupgradeneeded = () =>
      request.result.createObjectStore('blocks', { keyPath: ['invoiceId', 'blockIndex'] });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const start = performance.now();
  const transaction = db.transaction('blocks', 'readwrite');
  for (const block of blocks) transaction.objectStore('blocks').put(block);
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
  const ms = performance.now() - start;
  db.close();
  return ms;
}

declare global {
  interface Window {
    rawParseMs: typeof rawParseMs;
    rawStoreMs: typeof rawStoreMs;
  }
}
window.rawParseMs = rawParseMs;
window.rawStoreMs = rawStoreMs;
document.getElementById('status')?.replaceChildren('Ready');
