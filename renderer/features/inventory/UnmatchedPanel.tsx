import Dexie from 'dexie';
import { useEffect, useId, useRef, useState } from 'react';
import {
  billedIdentifiers,
  latestInvoicePerAccount,
  servicesNotBilled,
  unmatchedIdentifiers,
  type BilledIdentifier,
} from '../../../shared/inventory/matching';
import { SERVICE_TYPE_LABELS } from '../../../shared/inventory/rows';
import { siteOptionLabel } from '../../../shared/inventory/sites';
import { SERVICE_TYPES, type Service } from '../../../shared/model';
import { formatCents } from '../../../shared/money/cents';
import { useDatabase } from '../../db/DatabaseContext';
import { useLiveQuery } from '../../app/useLiveQuery';
import { addAliasKey, addService, type InventoryData } from '../../db/inventory';
import { focusIfLost } from '../../components/focus-if-lost';
import type { TemDeskDatabase } from '../../db/database';

async function loadMatching(
  db: TemDeskDatabase,
  services: readonly Service[],
  accountNumberOf: (id: string) => string | undefined,
) {
  const latest = latestInvoicePerAccount(await db.invoices.toArray());
  const blocks = (
    await Promise.all(
      latest.map((invoice) =>
        db.chargeBlocks
          .where('[invoiceId+blockIndex]')
          .between([invoice.id, Dexie.minKey], [invoice.id, Dexie.maxKey])
          .toArray(),
      ),
    )
  ).flat();
  const billed = billedIdentifiers(latest, blocks);
  return {
    unmatched: unmatchedIdentifiers(billed, services),
    notBilled: servicesNotBilled(services, billed, accountNumberOf),
  };
}

/** Billed identifiers no service answers to, and services the latest bills do not mention. */
/** An unmatched row's key: the identifier on one invoice. */
function rowKey(entry: BilledIdentifier): string {
  return `${entry.invoiceId}-${entry.serviceKey}`;
}

export function UnmatchedPanel({
  data,
  onOpen,
}: {
  data: InventoryData;
  onOpen: (serviceId: string) => void;
}) {
  const db = useDatabase();
  const accountNumbers = new Map(data.accounts.map((a) => [a.id, a.accountNumber]));
  const matching = useLiveQuery(
    () => loadMatching(db, data.services, (id) => accountNumbers.get(id)),
    [db, data],
  );
  const [adding, setAdding] = useState<BilledIdentifier | null>(null);
  const carriers = new Map(data.carriers.map((c) => [c.id, c.name]));
  const sites = new Map(data.sites.map((s) => [s.id, s.code]));
  // The add panel's buttons go when it closes: focus goes back to its row's Add or map… and, once
  // the identifier is added or mapped (its row gone), to the next row's, else to the heading.
  const section = useRef<HTMLElement>(null);
  const focusAfter = useRef<{ key: string; index: number } | null>(null);
  useEffect(() => {
    const after = focusAfter.current;
    if (adding !== null || after === null || matching.status !== 'ready') return;
    const keys = matching.value.unmatched.map(rowKey);
    const buttons = section.current?.querySelectorAll<HTMLElement>('tbody button');
    const still = keys.indexOf(after.key);
    if (still === -1) focusAfter.current = null;
    focusIfLost(
      buttons?.[still === -1 ? after.index : still] ??
        section.current?.querySelector<HTMLElement>('h2'),
    );
  }, [adding, matching]);

  if (matching.status !== 'ready')
    return <p role="status">Matching the latest bills to the inventory…</p>;
  const { unmatched, notBilled } = matching.value;
  return (
    <div className="matching">
      <section aria-labelledby="unmatched-title" ref={section}>
        <h2 id="unmatched-title">Billed but not in the inventory ({unmatched.length})</h2>
        <p className="hint">
          Identifiers on each account’s latest invoice that match no service (phone numbers and
          circuit IDs compared whatever their format).
        </p>
        {adding && (
          <AddFromBill
            entry={adding}
            data={data}
            onDone={() => {
              focusAfter.current = {
                key: rowKey(adding),
                index: unmatched.findIndex((entry) => rowKey(entry) === rowKey(adding)),
              };
              setAdding(null);
            }}
          />
        )}
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Identifier</th>
              <th scope="col">Carrier</th>
              <th scope="col">Account</th>
              <th scope="col">Invoice</th>
              <th scope="col">Plan on the bill</th>
              <th scope="col" className="numeric">
                Billed
              </th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {unmatched.map((entry) => (
              <tr key={rowKey(entry)}>
                <th scope="row">{entry.serviceIdRaw}</th>
                <td>{carriers.get(entry.carrierId)}</td>
                <td>{entry.accountNumber}</td>
                <td>{entry.invoiceNumber}</td>
                <td>{entry.plan}</td>
                <td className="numeric">{formatCents(entry.amount)}</td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setAdding(entry)}
                    aria-label={`Add or map ${entry.serviceIdRaw}`}
                  >
                    Add or map…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="not-billed-title">
        <h2 id="not-billed-title">
          In the inventory but not on the latest bill ({notBilled.length})
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Site</th>
              <th scope="col">Carrier</th>
              <th scope="col">Account</th>
              <th scope="col">Plan</th>
            </tr>
          </thead>
          <tbody>
            {notBilled.map((service) => (
              <tr key={service.id}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onOpen(service.id)}>
                    {service.serviceIdRaw}
                  </button>
                </th>
                <td>{service.siteId ? sites.get(service.siteId) : ''}</td>
                <td>{carriers.get(service.carrierId)}</td>
                <td>{accountNumbers.get(service.accountId)}</td>
                <td>{service.plan}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** Adds a billed identifier to the inventory (carrier, account and plan prefilled) or maps it to a service. */
function AddFromBill({
  entry,
  data,
  onDone,
}: {
  entry: BilledIdentifier;
  data: InventoryData;
  onDone: () => void;
}) {
  const db = useDatabase();
  const ids = useId();
  const account = data.accounts.find(
    (a) => a.carrierId === entry.carrierId && a.accountNumber === entry.accountNumber,
  );
  const [type, setType] = useState<Service['type']>(
    entry.serviceKey.startsWith('+') ? 'mobile-line' : 'circuit',
  );
  const sameAccount = data.services.filter((s) => s.accountId === account?.id);
  // Sites by code, as everywhere else. None is chosen for the user unless the account points to
  // one: its default site, else the one site all its other services are at.
  const sites = [...data.sites].sort((a, b) => a.code.localeCompare(b.code));
  const [siteId, setSiteId] = useState(
    () => account?.defaultSiteId ?? onlySiteOf(sameAccount) ?? '',
  );
  const [siteProblem, setSiteProblem] = useState('');
  const [mapTo, setMapTo] = useState('');
  const [message, setMessage] = useState('');

  const add = async () => {
    if (!account) return setMessage('This account is not in the inventory yet.');
    if (!siteId) return setSiteProblem('Choose the site this line is at.');
    const outcome = await addService(db, {
      id: `service-${crypto.randomUUID()}`,
      type,
      status: 'active',
      carrierId: entry.carrierId,
      accountId: account.id,
      siteId: siteId || undefined,
      serviceIdRaw: entry.serviceIdRaw,
      serviceKey: entry.serviceKey,
      aliasKeys: [],
      plan: entry.plan || undefined,
      expectedMonthlyCents: entry.recurringMonthly,
    });
    if (outcome.ok) onDone();
    else setMessage(outcome.errors.map((e) => e.message).join(' '));
  };

  return (
    <div
      className="panel add-from-bill"
      role="group"
      aria-label={`Add ${entry.serviceIdRaw} to the inventory`}
    >
      <h3>{entry.serviceIdRaw}</h3>
      <div className="inline-form">
        <label htmlFor={`${ids}-type`}>Type</label>
        <select
          id={`${ids}-type`}
          value={type}
          onChange={(e) => setType(SERVICE_TYPES.find((t) => t === e.target.value) ?? 'other')}
        >
          {SERVICE_TYPES.map((t) => (
            <option key={t} value={t}>
              {SERVICE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-site`}>Site</label>
        <select
          id={`${ids}-site`}
          value={siteId}
          aria-invalid={siteProblem ? true : undefined}
          aria-describedby={siteProblem ? `${ids}-site-problem` : undefined}
          onChange={(e) => {
            setSiteId(e.target.value);
            setSiteProblem('');
          }}
        >
          <option value="">Choose a site…</option>
          {sites.map((site) => (
            <option key={site.id} value={site.id}>
              {siteOptionLabel(site)}
            </option>
          ))}
        </select>
        {siteProblem && (
          <span id={`${ids}-site-problem`} className="field-error">
            {siteProblem}
          </span>
        )}
        <button type="button" onClick={() => void add()}>
          Add to inventory
        </button>
      </div>
      <div className="inline-form">
        <label htmlFor={`${ids}-map`}>Or it is the same as</label>
        <select id={`${ids}-map`} value={mapTo} onChange={(e) => setMapTo(e.target.value)}>
          <option value="">Choose a service of this account…</option>
          {sameAccount.map((s) => (
            <option key={s.id} value={s.id}>
              {s.serviceIdRaw} {s.plan ?? ''}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="secondary"
          disabled={!mapTo}
          onClick={() =>
            void addAliasKey(db, mapTo, entry.serviceKey, entry.serviceIdRaw).then(onDone)
          }
        >
          Map to this service
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p role="status">{message}</p>
    </div>
  );
}

/** The one site every service given is at, when they are all at the same one. */
function onlySiteOf(services: readonly Service[]): string | undefined {
  const sites = new Set(services.map((service) => service.siteId ?? ''));
  const [only] = sites;
  return sites.size === 1 && only ? only : undefined;
}
