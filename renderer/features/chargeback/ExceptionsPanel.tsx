import { useMemo, useState, type ReactNode } from 'react';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { hrefFor } from '../../app/sections';
import { setAccountDefaultCostCenter, setSiteCostCenter } from '../../db/chargeback';
import { updateServices } from '../../db/inventory';
import type { Result } from '../../../shared/result';
import {
  groupExceptions,
  KIND_LABELS,
  type ExceptionGroup,
} from '../../../shared/allocation/exception-groups';
import type { MonthAllocation } from './useChargeback';

type FixTarget = 'service' | 'site' | 'account';

/** What is left unallocated this month, one row per fixable subject, with its one-click fixes. */
export function ExceptionsPanel({ allocation }: { allocation: MonthAllocation }) {
  const { input, result, names } = allocation;
  const carriers = new Map(names.carriers.map((carrier) => [carrier.id, carrier.name]));
  const groups = useMemo(() => groupExceptions(result.exceptions, input), [result, input]);
  const reviews = useMemo(() => groupExceptions(result.reviews, input), [result, input]);
  const [message, setMessage] = useState('');
  if (groups.length === 0) {
    return (
      <>
        <p className="notice" role="status">
          No exceptions: every charge of the month is allocated to an active cost center.
        </p>
        <ReviewTable groups={reviews} carriers={carriers} />
      </>
    );
  }
  return (
    <section aria-label="Exceptions">
      <p className="hint">
        {result.exceptions.length} charge lines ({formatCents(result.totals.unallocated)}) could not
        be allocated. Fix the cause and the month is recomputed at once; the rules persist for the
        following months.
      </p>
      <p role="status">{message}</p>
      <GroupTable
        caption="Exceptions"
        badge="badge badge--danger"
        groups={groups}
        carriers={carriers}
        fix={(group) => (
          <ExceptionFix
            group={group}
            costCenters={input.costCenters.filter((costCenter) => costCenter.active)}
            onDone={setMessage}
          />
        )}
      />
      <ReviewTable groups={reviews} carriers={carriers} />
    </section>
  );
}

/** Allocated charges listed for review: services billed at a site that had closed. */
function ReviewTable({
  groups,
  carriers,
}: {
  groups: readonly ExceptionGroup[];
  carriers: ReadonlyMap<string, string>;
}) {
  if (groups.length === 0) return null;
  return (
    <GroupTable
      caption="For review (allocated)"
      badge="badge"
      groups={groups}
      carriers={carriers}
      fix={(group) => (
        <a href={hrefFor('inventory')}>
          Move or disconnect {group.serviceIdRaw || `account ${group.accountNumber}`} in Inventory
        </a>
      )}
    />
  );
}

/** One row per subject: problem, service, carrier and account, lines, amount, why, and a fix. */
function GroupTable({
  caption,
  badge,
  groups,
  carriers,
  fix,
}: {
  caption: string;
  badge: string;
  groups: readonly ExceptionGroup[];
  carriers: ReadonlyMap<string, string>;
  fix: (group: ExceptionGroup) => ReactNode;
}) {
  return (
    <table className="data-table exceptions">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Problem</th>
          <th scope="col">Service</th>
          <th scope="col">Carrier · account</th>
          <th scope="col" className="numeric">
            Lines
          </th>
          <th scope="col" className="numeric">
            Amount
          </th>
          <th scope="col">Why</th>
          <th scope="col">Fix</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key}>
            <td>
              <span className={badge}>{KIND_LABELS[group.kind]}</span>
            </td>
            <th scope="row">{group.serviceIdRaw || 'Account-level charges'}</th>
            <td>
              {carriers.get(group.carrierId) ?? group.carrierId} · {group.accountNumber}
            </td>
            <td className="numeric">{group.lines}</td>
            <td className="numeric">{formatCents(group.amount)}</td>
            <td className="exceptions__why">{group.message}</td>
            <td>{fix(group)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ExceptionFix({
  group,
  costCenters,
  onDone,
}: {
  group: ExceptionGroup;
  costCenters: readonly { id: string; code: string; name: string }[];
  onDone: (message: string) => void;
}) {
  const db = useDatabase();
  const [costCenterId, setCostCenterId] = useState('');
  const subject = group.serviceIdRaw || `account ${group.accountNumber}`;
  if (group.serviceIdRaw !== '' && (group.kind === 'unknown-service' || !group.service)) {
    return <a href={hrefFor('inventory')}>Add {group.serviceIdRaw} in Inventory (Unmatched)</a>;
  }
  if (group.serviceIdRaw === '' && group.account === undefined) {
    return <a href={hrefFor('inventory')}>Add account {group.accountNumber} in Inventory</a>;
  }
  if (group.kind === 'closed-site') {
    return <a href={hrefFor('inventory')}>Move or disconnect {subject} in Inventory</a>;
  }
  const { service, site, account } = group;
  const apply = async (target: FixTarget) => {
    const costCenter = costCenters.find((entry) => entry.id === costCenterId);
    if (costCenter === undefined) {
      onDone('Choose a cost center first.');
      return;
    }
    let outcome: Result<unknown>;
    let where: string;
    if (target === 'service' && service !== undefined) {
      outcome = await updateServices(db, [service.id], { costCenterId });
      where = `service ${service.serviceIdRaw}`;
    } else if (target === 'site' && site !== undefined) {
      outcome = await setSiteCostCenter(db, site.id, costCenterId);
      where = `site ${site.code}`;
    } else if (target === 'account' && account !== undefined) {
      outcome = await setAccountDefaultCostCenter(db, account.id, costCenterId);
      where = `account ${account.accountNumber}`;
    } else return;
    onDone(
      outcome.ok
        ? `${costCenter.code} ${costCenter.name} set on ${where}.`
        : outcome.errors.map((error) => error.message).join(' '),
    );
  };
  return (
    <div className="exception-fix" role="group" aria-label={`Fix ${subject}`}>
      <select
        aria-label={`Cost center for ${subject}`}
        value={costCenterId}
        onChange={(event) => setCostCenterId(event.target.value)}
      >
        <option value="">Choose a cost center…</option>
        {costCenters.map((costCenter) => (
          <option key={costCenter.id} value={costCenter.id}>
            {costCenter.code} {costCenter.name}
          </option>
        ))}
      </select>
      {service !== undefined && (
        <button type="button" onClick={() => void apply('service')}>
          Set on service
        </button>
      )}
      {site !== undefined && (
        <button type="button" onClick={() => void apply('site')}>
          Set on site {site.code}
        </button>
      )}
      {service === undefined && account !== undefined && (
        <button type="button" onClick={() => void apply('account')}>
          Set as account default
        </button>
      )}
    </div>
  );
}
