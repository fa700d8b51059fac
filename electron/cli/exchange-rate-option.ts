/**
 * `--exchange-rate CURRENCY=RATE` (`EUR=1.0842`, several as `CAD=0.7312,EUR=1.0842`): US dollars
 * per 1 unit of the currency a bill file's amounts are in (a Teams PSTN usage report in euros, a
 * Canadian carrier's bill in Canadian dollars), for every such file of the run, as the app's
 * question asks it. A file in another currency still stops the run, naming its currency.
 */
import { exchangeRateFromText } from '../../shared/money/exchange-rate';

const OPTION = /^\s*([A-Za-z]{3})\s*=\s*(.*)$/;
/** A comma that starts the next currency (`,EUR=`), never one inside a rate (`1,0842`). */
const NEXT = /,(?=\s*[A-Za-z]{3}\s*=)/;

/** The rates the option gives, by currency, or the sentence refusing it. */
export function exchangeRatesOption(
  text: string,
): { rates: Record<string, string> } | { problem: string } {
  const rates: Record<string, string> = {};
  for (const part of text.split(NEXT)) {
    const match = OPTION.exec(part);
    if (match === null)
      return {
        problem: `--exchange-rate must name the currency and its rate in US dollars, like EUR=1.0842 (1 EUR is worth 1.0842 US dollars; several: CAD=0.7312,EUR=1.0842), not "${part}".`,
      };
    const currency = (match[1] ?? '').toUpperCase();
    if (rates[currency] !== undefined)
      return { problem: `--exchange-rate gives the rate of ${currency} twice ("${text}").` };
    const read = exchangeRateFromText(match[2] ?? '', currency);
    if (!read.ok) return { problem: `--exchange-rate: ${read.errors[0]?.message ?? ''}` };
    rates[currency] = read.value.text;
  }
  return { rates };
}
