import { createContext, useContext, type ReactNode } from 'react';
import type { TemDeskDatabase } from './database';

/**
 * The one database, handed down through React context: the app shell provides it, features and
 * components (a grid remembering its columns) read it with `useDatabase()`.
 */
const DatabaseContext = createContext<TemDeskDatabase | null>(null);

export function DatabaseProvider({ db, children }: { db: TemDeskDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={db}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): TemDeskDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase() needs a <DatabaseProvider> above it');
  return db;
}
