import { useEffect, useState } from 'react';
import type { QueryState } from '../../app/useLiveQuery';
import {
  loadDashboardData,
  takeStartedLoad,
  watchDashboardData,
  type DashboardData,
  type DashboardRange,
} from '../../db/dashboard';
import type { TemDeskDatabase } from '../../db/database';

/**
 * The dashboard's data for a range, read again whenever a store it reads changes (an import, an
 * edit in another tab). The first read is the one the app started as it opened, if any (see
 * `startDashboardLoad`), so the page does not wait for React to mount before reading.
 */
export function useDashboardData(
  db: TemDeskDatabase,
  { from, to }: DashboardRange,
): QueryState<DashboardData> {
  const [state, setState] = useState<QueryState<DashboardData>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    let latest = 0;
    const show = (data: Promise<DashboardData>) => {
      const read = ++latest;
      data.then(
        (value) => {
          if (live && read === latest) setState({ status: 'ready', value });
        },
        (error: unknown) => {
          if (live && read === latest)
            setState({
              status: 'error',
              error: error instanceof Error ? error : new Error(String(error)),
            });
        },
      );
    };
    const range = { from, to };
    show(takeStartedLoad(db, range) ?? loadDashboardData(db, range));
    const stop = watchDashboardData(db, () => show(loadDashboardData(db, range)));
    return () => {
      live = false;
      stop();
    };
  }, [db, from, to]);
  return state;
}
