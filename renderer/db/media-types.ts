/** MIME type for the download of a kept original file. */
export function mediaTypeOf(fileName: string): string {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    zip: 'application/zip',
    csv: 'text/csv',
    tsv: 'text/tab-separated-values',
    txt: 'text/plain',
    pdf: 'application/pdf',
  };
  return types[extension] ?? 'application/octet-stream';
}
