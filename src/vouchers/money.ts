/**
 * Xoxoday sends money as JSON numbers (`25`, `12.5`, `0.1`); the API shows decimal strings ("25.00").
 * Conversion goes through the number's shortest round-trip text (what `String(n)` gives), then pads
 * the digits as text, so no float arithmetic can introduce artefacts such as "0.30000000000000004".
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "25.00" for 25, "12.50" for 12.5; more than two decimals are kept as sent. */
export function decimalAmount(value: number | string): string {
  const text = typeof value === 'number' ? plain(value) : value.trim();
  const negative = text.startsWith('-');
  const match = DECIMAL.exec(negative ? text.slice(1) : text);
  if (!match) throw new Error('not a decimal amount');
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** A denomination as a client writes it: digits, optionally a point and one or two decimals. */
const DENOMINATION = /^\d{1,9}(\.\d{1,2})?$/;

/** The canonical form ("25.00") of a positive decimal string with at most two decimals; undefined otherwise. */
export function parseDenomination(input: string): string | undefined {
  const text = input.trim();
  if (!DENOMINATION.test(text)) return undefined;
  const canonical = decimalAmount(text);
  return /^0\.00$/.test(canonical) ? undefined : canonical;
}

function plain(value: number): string {
  if (!Number.isFinite(value)) throw new Error('not a finite amount');
  const text = String(value);
  // Exponent notation only appears below 1e-6 or from 1e21: no money amount, but keep it decimal.
  return text.includes('e') ? value.toFixed(2) : text;
}
