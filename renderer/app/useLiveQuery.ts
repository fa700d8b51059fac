import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

export type QueryState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/**
 * Runs a Dexie query and re-runs it whenever the tables it read change (in this tab or another).
 * `deps` works as for `useEffect`: pass what the query closes over.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) =>
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    });
    return () => subscription.unsubscribe();
    // The caller owns the dependency list, exactly as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
