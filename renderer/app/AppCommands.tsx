import { useCallback, useEffect } from 'react';
import { BILL_FILE_FILTERS } from '../features/bills/import/ImportButtons';
import { useImport } from '../features/bills/import/ImportContext';
import { useFileDrop } from '../features/bills/import/useFileDrop';
import { platform } from '../platform';
import { useRouteContext } from './RouteContext';

/** Native-menu commands and window-wide drag-and-drop, wired to the app's actions. */
export function AppCommands() {
  const { start } = useImport();
  const { navigate } = useRouteContext();

  const importFiles = useCallback(
    (files: { name: string; bytes: Uint8Array }[]) => {
      navigate('bills');
      start(files);
    },
    [navigate, start],
  );
  useFileDrop(importFiles);

  useEffect(
    () =>
      platform().onMenuCommand((command) => {
        if (command === 'import-bills') {
          void platform()
            .openFiles({ title: 'Import bills', filters: BILL_FILE_FILTERS, multiple: true })
            .then((files) => files.length > 0 && importFiles(files));
        } else if (command === 'enter-invoice') {
          navigate('bills', 'enter');
        } else if (command === 'open-settings') {
          navigate('settings');
        } else if (command === 'export') {
          navigate('chargeback');
        }
      }),
    [importFiles, navigate],
  );
  return null;
}
