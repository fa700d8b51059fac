import type { IsoMonth } from '../../../shared/dates';
import type { Contract, ContractRate } from '../../../shared/model';
import { formatCents, type Cents } from '../../../shared/money/cents';
import { hrefFor } from '../../app/sections';
import type { ContractsData } from '../../db/contracts';
import { contractedRate } from '../../../shared/contracts/rates';

/** `10 GB · unlimited min · 500 msgs`, or `—` when no allowance is known. */
function allowancesLabel(rate: ContractRate): string {
  const parts: string[] = [];
  if (rate.dataAllowanceGb !== undefined) parts.push(`${rate.dataAllowanceGb} GB`);
  if (rate.voiceMinutesAllowance !== undefined) parts.push(`${rate.voiceMinutesAllowance} min`);
  if (rate.messagesAllowance !== undefined) parts.push(`${rate.messagesAllowance} msgs`);
  return parts.length === 0 ? '—' : parts.join(' · ');
}

/** The services a contract covers, each with its contracted and expected monthly rate. */
export function ContractServices({ contract, data }: { contract: Contract; data: ContractsData }) {
  const services = data.services.filter(
    (s) => contract.serviceIds.includes(s.id) || s.contractId === contract.id,
  );
  const card = contract.rateCard ?? [];
  return (
    <section className="panel" aria-labelledby="contract-services">
      <h3 id="contract-services">Services and rates</h3>
      {card.length > 0 && (
        <table className="data-table">
          <caption>Rate card ({card.length})</caption>
          <thead>
            <tr>
              <th scope="col">Plan or service type</th>
              <th scope="col">Service</th>
              <th scope="col" className="numeric">
                Contracted monthly rate
              </th>
              <th scope="col">Allowances</th>
            </tr>
          </thead>
          <tbody>
            {card.map((rate, index) => (
              <tr key={index}>
                <td>{rate.planOrServiceType ?? '—'}</td>
                <td>
                  {rate.serviceId
                    ? (data.services.find((s) => s.id === rate.serviceId)?.serviceIdRaw ??
                      rate.serviceId)
                    : 'All'}
                </td>
                <td className="numeric">{formatCents(rate.monthlyRateCents)}</td>
                <td>{allowancesLabel(rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {services.length === 0 ? (
        <p className="hint">No service is linked to this contract yet.</p>
      ) : (
        <div className="table-scroll table-scroll--tall">
          <table className="data-table">
            <caption>Services covered ({services.length})</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Plan</th>
                <th scope="col" className="numeric">
                  Contracted rate
                </th>
                <th scope="col" className="numeric">
                  Expected monthly
                </th>
              </tr>
            </thead>
            <tbody>
              {services.map((service) => {
                const rate = contractedRate(contract, service);
                return (
                  <tr key={service.id}>
                    <th scope="row">
                      <a href={hrefFor('inventory')}>{service.serviceIdRaw}</a>
                    </th>
                    <td>{service.plan ?? '—'}</td>
                    <td className="numeric">
                      {rate ? formatCents(rate.monthlyRateCents) : 'No rate'}
                    </td>
                    <td className="numeric">
                      {service.expectedMonthlyCents === undefined
                        ? '—'
                        : formatCents(service.expectedMonthlyCents)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** What the contract's accounts (or services) were billed, month by month, newest first. */
export function SpendByMonth({ spend }: { spend: ReadonlyMap<IsoMonth, Cents> | undefined }) {
  const months = [...(spend ?? new Map<IsoMonth, Cents>()).entries()].sort((a, b) =>
    a[0] < b[0] ? 1 : -1,
  );
  return (
    <section className="panel" aria-labelledby="contract-spend">
      <h3 id="contract-spend">Spend by month</h3>
      {months.length === 0 ? (
        <p className="hint">No bill for this contract’s accounts yet.</p>
      ) : (
        <table className="data-table">
          <caption>Billed under this contract, by invoice month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="numeric">
                Billed
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map(([month, amount]) => (
              <tr key={month}>
                <th scope="row">{month}</th>
                <td className="numeric">{formatCents(amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
