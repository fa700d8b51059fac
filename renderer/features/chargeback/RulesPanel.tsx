import type { IsoMonth } from '../../../shared/dates/iso-date';
import type { ChargebackSettings } from '../../db/chargeback';
import { AccountPoliciesPanel } from './AccountPoliciesPanel';
import { GlMappingPanel } from './GlMappingPanel';
import { MarkupsPanel } from './MarkupsPanel';
import { SplitRulesPanel } from './SplitRulesPanel';
import type { Inventory } from './SplitRuleForm';

/**
 * The rules that persist month to month. A service's charges go to its own cost center, else its
 * site's, else its account's default; splits, account-level policies, GL accounts and mark-ups
 * refine that.
 */
export function RulesPanel({
  inventory,
  settings,
  month,
}: {
  inventory: Inventory;
  settings: ChargebackSettings;
  month: IsoMonth;
}) {
  return (
    <div className="rules-panel">
      <p className="hint">
        Where a charge goes: the service’s cost center, else its site’s, else its account’s default
        (set these in Inventory). The rules below persist from month to month.
      </p>
      <SplitRulesPanel inventory={inventory} month={month} />
      <AccountPoliciesPanel inventory={inventory} policies={settings.accountPolicies} />
      <GlMappingPanel mapping={settings.glMapping} />
      <MarkupsPanel inventory={inventory} markups={settings.markups} />
    </div>
  );
}
