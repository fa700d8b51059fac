import type { InvoiceExchange } from '../../../../shared/model';

/**
 * An invoice converted to dollars at import (a Teams PSTN usage report in euros): its amount in
 * the bill's currency and the rate given, so each dollar figure can be traced.
 */
export function ExchangeFacts({ exchange }: { exchange: InvoiceExchange }) {
  return (
    <>
      <dt>Converted from</dt>
      <dd>
        {exchange.originalAmount} {exchange.currency} at {exchange.usdPerUnit} US dollars per 1{' '}
        {exchange.currency}
      </dd>
    </>
  );
}
