import { useEffect, useMemo, useRef, useState } from 'react';
import { focusIfLost } from '../../components/focus-if-lost';
import { countOnce, type CountedOnce } from '../../../shared/audit/claims';
import { disputeChoice, disputeNames, disputeRefusal } from '../../../shared/audit/dispute-claim';
import { cents, formatCents, type Cents } from '../../../shared/money/cents';
import { plural } from '../../../shared/text/wording';
import { useDatabase } from '../../db/DatabaseContext';
import { hrefFor } from '../../app/sections';
import { setFindingStatus } from '../../db/findings';
import { useRevealPanel } from '../../components/useRevealPanel';
import type { FindingsData } from './data';
import { FindingDetail } from './FindingDetail';
import { FindingFiltersBar } from './FindingFiltersBar';
import { FindingsGrid } from './FindingsGrid';
import { NewDisputeForm } from './NewDisputeForm';
import {
  describeFindingFilters,
  filterRows,
  findingRows,
  hasFilters,
  NO_FILTERS,
  RULE_TITLES,
  type FindingFilters,
  type FindingRow,
} from './rows';
import { totalsOf, type FindingTotals } from './totals';
import { StatusForm, todayIso } from './StatusForm';

/**
 * The findings grid with its filters. A drill-down link (`#/findings/where/…`) starts the filters
 * where it asks and says so above the grid; the user can still change them.
 */
export function FindingsTab({
  data,
  initialFilters = NO_FILTERS,
  fromLink = false,
}: {
  data: FindingsData;
  initialFilters?: FindingFilters;
  /** Opened by a drill-down link: say what is filtered, with a way back to every finding. */
  fromLink?: boolean;
}) {
  const db = useDatabase();
  const [filters, setFilters] = useState<FindingFilters>(initialFilters);
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [disputing, setDisputing] = useState(false);
  const [message, setMessage] = useState('');
  const today = todayIso();
  const once = useMemo(() => countOnce(data.findings), [data]);
  const all = useMemo(() => findingRows(data.findings, data, today, once), [data, today, once]);
  const rows = useMemo(() => filterRows(all, filters), [all, filters]);
  const totals = totalsOf(rows);
  const openRow = openId === null ? undefined : all.find((r) => r.id === openId);
  const openFinding = openId === null ? undefined : data.findings.find((f) => f.id === openId);
  const chosen = all.filter((r) => selected.includes(r.id));
  const choice = useMemo(
    () =>
      disputeChoice(
        once,
        data.findings.filter((f) => selected.includes(f.id)),
        disputeNames(data.disputes),
      ),
    [once, data, selected],
  );
  // A dispute covers one carrier account and asks for money at stake: say so, naming the findings
  // that ask for none, before the form. The form leaves out those picked beside money at stake.
  const cannotDispute =
    choice.accounts.length > 1
      ? `A dispute covers one carrier account: the selected findings are on ${choice.accounts.length} accounts (${accountNames(chosen).join(', ')}). Select findings of one account to dispute them.`
      : choice.claimed.length === 0
        ? (disputeRefusal(choice) ?? '')
        : '';
  // The dispute form's buttons go when it closes: focus goes to what Open dispute did, or back to
  // the button that opened the form after Cancel.
  const messageRef = useRef<HTMLParagraphElement>(null);
  const disputeButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<'message' | 'button' | null>(null);
  useEffect(() => {
    if (disputing || focusAfter.current === null) return;
    const target = focusAfter.current === 'message' ? messageRef.current : disputeButton.current;
    focusAfter.current = null;
    focusIfLost(target);
  }, [disputing, message]);
  const detailRef = useRevealPanel<HTMLElement>(openRow && openFinding ? openRow.id : null);

  const carrierName = (id: string) => data.carriers.find((c) => c.id === id)?.name ?? id;

  return (
    <>
      {fromLink && hasFilters(filters) && (
        <p className="notice" role="status">
          {describeFindingFilters(
            filters,
            carrierName,
            rows.length,
            (id) => data.invoices.find((invoice) => invoice.id === id)?.invoiceNumber ?? id,
          )}{' '}
          <a href={hrefFor('findings')}>Show all findings</a>
        </p>
      )}
      <FindingFiltersBar
        rows={all}
        carriers={data.carriers}
        filters={filters}
        onChange={setFilters}
      />
      <dl className="tiles" aria-label="Money at stake in the findings shown">
        <div className="tile">
          <dt>Findings shown</dt>
          <dd>{totals.count.toLocaleString('en-US')}</dd>
        </div>
        <div className="tile">
          <dt>At stake (open or disputed)</dt>
          <dd>{formatCents(totals.total)}</dd>
        </div>
        <div className="tile">
          <dt>At risk (unknown services)</dt>
          <dd>{formatCents(totals.atRisk)}</dd>
        </div>
        <div className="tile">
          <dt>Open</dt>
          <dd>{formatCents(totals.open)}</dd>
        </div>
        <div className="tile">
          <dt>In dispute (as claimed)</dt>
          <dd>{formatCents(totals.disputed)}</dd>
        </div>
        <div className="tile">
          <dt>Recovered (credits)</dt>
          <dd>{formatCents(totals.recovered)}</dd>
        </div>
      </dl>
      <CountedOnceNote totals={totals} once={once} />
      {totals.inDraft > 0 && (
        <p className="hint">
          {formatCents(totals.inDraft)} at stake is in draft disputes, not yet filed with the
          carrier: it counts as claimed once filed.
        </p>
      )}
      {totals.disputedNow !== totals.disputed && (
        <p className="hint">{claimChangedSentence(totals.disputed, totals.disputedNow)}</p>
      )}
      <p role="status" className="hint" ref={messageRef}>
        {message}
      </p>
      {selected.length > 0 && (
        <div
          className="bulk-bar"
          role="group"
          aria-label={`Act on ${plural(selected.length, 'selected finding')}`}
        >
          <StatusForm
            legend={`${selected.length} selected:`}
            submitLabel={`Apply to ${plural(selected.length, 'finding')}`}
            onSubmit={async (choice) => {
              const changed = await setFindingStatus(
                db,
                selected,
                choice.status,
                choice.at,
                choice.note,
              );
              setMessage(`Changed ${changed} finding${changed === 1 ? '' : 's'}.`);
            }}
          />
          <button
            ref={disputeButton}
            type="button"
            disabled={cannotDispute !== ''}
            aria-describedby={cannotDispute === '' ? undefined : 'cannot-dispute'}
            onClick={() => setDisputing(true)}
          >
            Create dispute from {selected.length} selected…
          </button>
          {cannotDispute !== '' && (
            <p id="cannot-dispute" className="hint">
              {cannotDispute}
            </p>
          )}
        </div>
      )}
      {disputing && cannotDispute === '' && (
        <NewDisputeForm
          choice={choice}
          rows={chosen}
          onDone={(text) => {
            focusAfter.current = text ? 'message' : 'button';
            setDisputing(false);
            if (text) setMessage(text);
          }}
        />
      )}
      <FindingsGrid rows={rows} onSelectionChange={setSelected} onOpen={setOpenId} />
      <p className="hint">
        Click a finding (or press Enter on it) to see the invoice, lines and service behind it. Tick
        several to change their status together or to dispute them with the carrier.
      </p>
      {openRow && openFinding && (
        <FindingDetail
          ref={detailRef}
          row={openRow}
          finding={openFinding}
          onClose={() => setOpenId(null)}
        />
      )}
    </>
  );
}

/** The carrier accounts of some rows, as "Comcast Business 8495 35 291 4115544", once each. */
function accountNames(rows: readonly FindingRow[]): string[] {
  return [...new Set(rows.map((row) => `${row.carrier} ${row.accountNumber}`.trim()))];
}

/**
 * How money at stake counts each dollar once: what the findings shown claim twice, and which
 * checks overlap on the same charge lines.
 */
function CountedOnceNote({ totals, once }: { totals: FindingTotals; once: CountedOnce }) {
  const twice = totals.gross - totals.total;
  if (twice <= 0) return null;
  const pairs = once.overlaps
    .slice(0, 3)
    .map(
      (o) =>
        `${RULE_TITLES.get(o.alsoClaimedBy) ?? o.alsoClaimedBy} on ${o.lines.toLocaleString('en-US')} charge line${o.lines === 1 ? '' : 's'} of ${RULE_TITLES.get(o.keptBy) ?? o.keptBy} (${formatCents(o.cents)})`,
    );
  return (
    <p className="hint" aria-label="How money at stake is counted">
      Each dollar counts once: the findings shown state {formatCents(totals.gross)}, of which{' '}
      {formatCents(cents(twice))} is on charge lines another finding already claims, so{' '}
      {formatCents(totals.total)} is at stake. Overlaps: {pairs.join('; ')}.
    </p>
  );
}

/**
 * Said when the disputed findings are found now at other money than their disputes claim (a
 * finding found again on a later bill): the tile shows the claim as filed, this says the rest.
 */
export function claimChangedSentence(claimed: Cents, now: Cents): string {
  const more = now > claimed;
  return `The disputed findings are found now at ${formatCents(now)}, ${formatCents(cents(Math.abs(now - claimed)))} ${more ? 'more' : 'less'} than their disputes claim (${formatCents(claimed)}): the claim stays as filed; ${more ? 'the difference is not claimed from the carrier' : 'check whether to lower the expected credit'}.`;
}
