import { useRouteContext } from '../../../app/RouteContext';

/** Opens the form for a bill that came as a PDF or on paper. */
export function EnterInvoiceButton() {
  const { navigate } = useRouteContext();
  return (
    <button type="button" className="secondary" onClick={() => navigate('bills', 'enter')}>
      Enter an invoice…
    </button>
  );
}
