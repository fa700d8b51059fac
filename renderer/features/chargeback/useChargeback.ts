import { useMemo } from 'react';
import {
  allocateMonth,
  type AllocationInput,
  type AllocationResult,
} from '../../../shared/allocation';
import type { IsoMonth } from '../../../shared/dates/iso-date';
import type { ChargebackNames, ExportPreset } from '../../../shared/export';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery, type QueryState } from '../../app/useLiveQuery';
import {
  chargebackMonthChoice,
  loadChargebackSettings,
  loadMonthInput,
  loadPresets,
  type ChargebackSettings,
} from '../../db/chargeback';
import { monthBudgets } from '../../db/budgets';

/** What the chargeback screens share: months with bills (or service), settings and the export layouts. */
export interface ChargebackBasics {
  months: IsoMonth[];
  /** The month the page opens on: the newest with a bill dated in it (`chargebackMonthChoice`). */
  opening: IsoMonth | null;
  settings: ChargebackSettings;
  presets: ExportPreset[];
}

export function useChargebackBasics(): QueryState<ChargebackBasics> {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const [settings, presets] = await Promise.all([loadChargebackSettings(db), loadPresets(db)]);
    return { ...(await chargebackMonthChoice(db, settings.basis)), settings, presets };
  }, [db]);
}

/** One month allocated: the input as loaded and the engine's result; re-run when data changes. */
export interface MonthAllocation {
  input: AllocationInput;
  result: AllocationResult;
  names: ChargebackNames;
}

export function useMonthAllocation(month: IsoMonth | null): MonthAllocation | null {
  const db = useDatabase();
  const loaded = useLiveQuery(
    async () =>
      month === null
        ? null
        : { input: await loadMonthInput(db, month), budgets: await monthBudgets(db, month) },
    [db, month],
  );
  return useMemo(() => {
    if (loaded.status !== 'ready' || loaded.value === null) return null;
    const { input: value, budgets } = loaded.value;
    return {
      input: value,
      result: allocateMonth(value),
      names: {
        costCenters: value.costCenters,
        carriers: value.carriers,
        sites: value.sites,
        ...(budgets.size > 0 ? { budgets } : {}),
      },
    };
  }, [loaded]);
}

const MONTH_FORMAT = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2026-10` → `October 2026`. */
export function monthLabel(month: IsoMonth): string {
  return MONTH_FORMAT.format(new Date(`${month}-01T00:00:00Z`));
}
