import { useEffect, useState } from 'react';
import type { QueryState } from '../../app/useLiveQuery';
import type { TemDeskDatabase } from '../../db/database';
import type { InventoryData } from '../../db/inventory';
import { claimInventoryRead, liveInventory } from '../../db/inventory-early';

/**
 * The inventory, read live (again whenever its tables change). When the app opened on Inventory,
 * the read started at launch (see App) is taken over, and the first render shows what it has read.
 */
export function useInventory(db: TemDeskDatabase): QueryState<InventoryData> {
  const [source] = useState(() => claimInventoryRead(db) ?? liveInventory(db));
  const [state, setState] = useState<QueryState<InventoryData>>(() =>
    source.latest ? { status: 'ready', value: source.latest } : { status: 'loading' },
  );
  useEffect(() => {
    const subscription = source.subscribe({
      // The early read hands over what the first render already shows: no second render of it.
      next: (value) =>
        setState((shown) =>
          shown.status === 'ready' && shown.value === value ? shown : { status: 'ready', value },
        ),
      error: (error: unknown) =>
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    });
    return () => subscription.unsubscribe();
  }, [source]);
  return state;
}
