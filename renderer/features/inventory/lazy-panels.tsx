/**
 * The Inventory's screens besides its services grid (importing, setting up, the other two tabs), in
 * chunks of their own: each loads when it is opened (the import steps, when an import is under way),
 * so opening Inventory neither downloads nor runs the import screens, the file readers and the setup
 * preview before its first screen is drawn.
 */
import { lazy, Suspense, type ComponentProps } from 'react';
import { useImport } from '../bills/import/ImportContext';

const BillsImportPanel = lazy(() =>
  import('../bills/import/ImportPanel').then((m) => ({ default: m.ImportPanel })),
);
const InventoryImportScreen = lazy(() =>
  import('./InventoryFiles').then((m) => ({ default: m.InventoryImport })),
);
const SetupFromFilesScreen = lazy(() =>
  import('../setup/SetupFromFiles').then((m) => ({ default: m.SetupFromFiles })),
);

/** The bills import's steps, shown while an import is under way (nothing otherwise). */
export function ImportPanel() {
  const { state } = useImport();
  if (state.step === 'idle') return null;
  return (
    <Suspense fallback={null}>
      <BillsImportPanel />
    </Suspense>
  );
}

/** Import an inventory file (see `InventoryFiles`). */
export function InventoryImport({ onDone }: { onDone: (message: string) => void }) {
  return (
    <Suspense fallback={null}>
      <InventoryImportScreen onDone={onDone} />
    </Suspense>
  );
}

/** Set up from files (see `SetupFromFiles`). */
export function SetupFromFiles({ onClose }: { onClose: () => void }) {
  return (
    <Suspense fallback={null}>
      <SetupFromFilesScreen onClose={onClose} />
    </Suspense>
  );
}

const SitesPanelScreen = lazy(() =>
  import('./SitesPanel').then((m) => ({ default: m.SitesPanel })),
);
const UnmatchedPanelScreen = lazy(() =>
  import('./UnmatchedPanel').then((m) => ({ default: m.UnmatchedPanel })),
);

/** The Sites and cost centers tab (see `SitesPanel`): its forms and file imports load with it. */
export function SitesPanel(props: ComponentProps<typeof SitesPanelScreen>) {
  return (
    <Suspense fallback={null}>
      <SitesPanelScreen {...props} />
    </Suspense>
  );
}

/** The Unmatched and not billed tab (see `UnmatchedPanel`). */
export function UnmatchedPanel(props: ComponentProps<typeof UnmatchedPanelScreen>) {
  return (
    <Suspense fallback={null}>
      <UnmatchedPanelScreen {...props} />
    </Suspense>
  );
}
