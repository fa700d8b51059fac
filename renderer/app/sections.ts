/** The app's sections, in navigation order. Each owns one folder in `renderer/features/`. */
export const SECTIONS = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'bills', label: 'Bills' },
  { id: 'inventory', label: 'Inventory' },
  { id: 'contracts', label: 'Contracts' },
  { id: 'findings', label: 'Findings' },
  { id: 'chargeback', label: 'Chargeback' },
  { id: 'budgets', label: 'Budgets' },
  { id: 'settings', label: 'Settings' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export function isSectionId(value: string): value is SectionId {
  return SECTIONS.some((section) => section.id === value);
}

/** `#/bills` → `bills`; anything unknown falls back to the dashboard. */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return isSectionId(id) ? id : 'dashboard';
}

/** Where the app is: `#/bills/invoice-42` → section `bills`, path `['invoice-42']`. */
export interface Route {
  section: SectionId;
  /** What follows the section in the hash, decoded. */
  path: string[];
}

export function routeFromHash(hash: string): Route {
  const [, ...rest] = hash.replace(/^#\/?/, '').split('/');
  return { section: sectionFromHash(hash), path: rest.filter(Boolean).map(decodeURIComponent) };
}

export function hrefFor(section: SectionId, ...path: string[]): string {
  return `#/${[section, ...path.map(encodeURIComponent)].join('/')}`;
}
