import { hrefFor } from '../../app/sections';

/** Opens “Set up from files” (Inventory): beside the sample company wherever the app is empty. */
export function SetupFromFilesButton() {
  return (
    <a className="button-link" href={hrefFor('inventory', 'setup')}>
      Set up from files…
    </a>
  );
}
