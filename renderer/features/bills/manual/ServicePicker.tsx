import type { ManualLineForm } from '../../../../shared/billing/manual-invoice';
import type { Service } from '../../../../shared/model';

/** What the service picker offers for one account. */
export type ServiceChoice = Pick<Service, 'id' | 'serviceIdRaw' | 'serviceKey' | 'description'>;

const WHOLE_ACCOUNT = '__account__';

/**
 * The service of a line, from the account's inventory; "Whole account" for a charge on no service.
 * A copied line whose service is no longer in the inventory keeps it, said so.
 */
export function ServicePicker({
  line,
  label,
  services,
  onPick,
  ...aria
}: {
  line: ManualLineForm;
  label: string;
  services: readonly ServiceChoice[];
  onPick: (patch: Pick<ManualLineForm, 'serviceIdRaw' | 'serviceKey' | 'accountLevel'>) => void;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}) {
  const known = services.some((service) => service.serviceIdRaw === line.serviceIdRaw);
  const pick = (value: string) => {
    if (value === WHOLE_ACCOUNT)
      return onPick({ serviceIdRaw: '', serviceKey: null, accountLevel: true });
    const service = services.find((s) => s.serviceIdRaw === value);
    const keep = value === line.serviceIdRaw ? line.serviceKey : null;
    onPick({ serviceIdRaw: value, serviceKey: service?.serviceKey ?? keep, accountLevel: false });
  };
  return (
    <select
      aria-label={label}
      value={line.accountLevel ? WHOLE_ACCOUNT : line.serviceIdRaw}
      onChange={(event) => pick(event.target.value)}
      {...aria}
    >
      <option value="">Pick a service…</option>
      <option value={WHOLE_ACCOUNT}>Whole account (no service)</option>
      {!known && line.serviceIdRaw !== '' && (
        <option value={line.serviceIdRaw}>{line.serviceIdRaw} (not in the inventory)</option>
      )}
      {services.map((service) => (
        <option key={service.id} value={service.serviceIdRaw}>
          {service.serviceIdRaw}
          {service.description ? ` — ${service.description}` : ''}
        </option>
      ))}
    </select>
  );
}
