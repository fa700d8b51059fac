import type { BillDraft } from '../../../../shared/import/draft';
import { filesNotImported } from '../../../../shared/import/ignored-files';

/**
 * Files a layout recognised but does not import, or imports in part, with why: Bell's call detail
 * without its ACC or MOB file, a usage file whose usage its summary already counts. A file left
 * out is never left out without a word (the command line says the same in its summary).
 */
export function FilesNotImported({ drafts }: { drafts: readonly BillDraft[] }) {
  const files = filesNotImported(drafts);
  if (files.length === 0) return null;
  const heading = `Not imported from ${files.length === 1 ? 'this file' : 'these files'}`;
  return (
    <div className="notice" role="status" aria-label={heading}>
      <p>
        <strong>{heading}</strong>
      </p>
      <ul>
        {files.map((file, i) => (
          <li key={i}>
            {file.sourceFile}: {file.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
