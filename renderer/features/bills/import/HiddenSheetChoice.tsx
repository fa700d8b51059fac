import type { DecodedFileInfo } from '../../../../shared/import/read-bill';
import { useImport } from './ImportContext';

/**
 * For an Excel workbook read from a visible sheet while it also holds hidden ones: a button per
 * hidden sheet to read that one instead. Hidden sheets are never imported unless chosen here.
 */
export function HiddenSheetChoice({ files }: { files: readonly DecodedFileInfo[] }) {
  const { answer } = useImport();
  const offers = files.flatMap((file) =>
    (file.hiddenSheets ?? []).map((sheet) => ({ file: file.name, sheet })),
  );
  if (offers.length === 0) return null;
  return (
    <p className="button-row">
      {offers.map(({ file, sheet }) => (
        <button
          key={`${file}\u0000${sheet}`}
          type="button"
          className="secondary"
          onClick={() => answer({ sheets: { [file]: sheet } })}
        >
          Read hidden sheet “{sheet}” of {file} instead
        </button>
      ))}
    </p>
  );
}
