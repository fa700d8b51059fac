/** Persistent-storage status of this origin's IndexedDB, in words a user understands. */
export interface StorageStatus {
  /** true: the browser will not evict our data under storage pressure. null: the API is missing. */
  persisted: boolean | null;
  /** Bytes used and available, when the browser reports them. */
  usageBytes: number | null;
  quotaBytes: number | null;
}

/**
 * Asks the browser to keep our data even when the disk fills up. Chromium decides without a prompt
 * (installed apps and well-used sites are granted); Electron always grants it.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = navigator.storage;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => false) : null;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
  return {
    persisted,
    usageBytes: estimate?.usage ?? null,
    quotaBytes: estimate?.quota ?? null,
  };
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
