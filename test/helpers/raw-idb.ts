import type Dexie from 'dexie';

/** The value IndexedDB itself holds under `key` in `store`, read under every layer of Dexie. */
export function storedRaw<T = Record<string, unknown>>(
  db: Dexie,
  store: string,
  key: IDBValidKey,
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const request = db.backendDB().transaction(store).objectStore(store).get(key);
    request.onsuccess = () => resolve(request.result as T | undefined);
    request.onerror = () => reject(request.error);
  });
}

/** Puts `value` straight into IndexedDB's `store`, under every layer of Dexie. */
export function putRaw(db: Dexie, store: string, value: object): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.backendDB().transaction(store, 'readwrite');
    transaction.objectStore(store).put(value);
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}
