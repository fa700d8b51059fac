import { ALL_RULES } from '../../../../shared/audit/rules';
import type { Invoice } from '../../../../shared/model';
import { formatCents } from '../../../../shared/money/cents';
import { plural } from '../../../../shared/text';
import { findingsLink } from '../../../app/links';
import { useLiveQuery } from '../../../app/useLiveQuery';
import { useDatabase } from '../../../db/DatabaseContext';
import { loadInvoiceFindings } from '../../../db/invoices';
import { STATUS_LABELS } from '../../findings/rows';

const RULE_TITLES = new Map(ALL_RULES.map((rule) => [rule.id, rule.title]));

/** The validation checks' findings on this invoice, with a way to work on them in Findings. */
export function InvoiceFindingsPanel({ invoice }: { invoice: Invoice }) {
  const db = useDatabase();
  const findings = useLiveQuery(() => loadInvoiceFindings(db, invoice), [db, invoice]);
  if (findings.status !== 'ready') return null;
  const list = findings.value;
  const open = list.filter((f) => f.status === 'open' || f.status === 'disputed').length;
  return (
    <section className="invoice-findings" aria-labelledby="invoice-findings-title">
      <div className="toolbar">
        <h2 id="invoice-findings-title">Findings on this invoice ({list.length})</h2>
        {list.length > 0 && (
          <a href={findingsLink({ invoiceId: invoice.id })}>
            Work on them in Findings
            <span className="visually-hidden"> (invoice {invoice.invoiceNumber})</span>
          </a>
        )}
      </div>
      {list.length === 0 ? (
        <p className="hint">The validation checks found nothing wrong on this invoice.</p>
      ) : (
        <>
          <p className="hint">{plural(open, 'finding')} open or disputed.</p>
          <table className="data-table">
            <caption className="visually-hidden">
              Findings on invoice {invoice.invoiceNumber}
            </caption>
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Status</th>
                <th scope="col">Service</th>
                <th scope="col">What was found</th>
                <th scope="col" className="numeric">
                  At stake
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((finding) => (
                <tr key={finding.id}>
                  <th scope="row">{RULE_TITLES.get(finding.ruleId) ?? finding.ruleId}</th>
                  <td>{STATUS_LABELS[finding.status]}</td>
                  <td>{finding.subject.serviceIdRaw ?? '—'}</td>
                  <td>{finding.message}</td>
                  <td className="numeric">{formatCents(finding.impact)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
