import { createContext, useContext, type ReactNode } from 'react';
import type { TemDeskDatabase } from '../db/database';

const DatabaseContext = createContext<TemDeskDatabase | null>(null);

export function DatabaseProvider({ db, children }: { db: TemDeskDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={db}>{children}</DatabaseContext.Provider>;
}

export function useDatabase(): TemDeskDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase() needs a <DatabaseProvider> above it');
  return db;
}
