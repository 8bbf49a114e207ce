/** `--name=value` arguments of the process-based benchmarks. */

export function stringFlag(argv: readonly string[], name: string): string | undefined {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return hit === undefined ? undefined : hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : '';
}

/** A number ≥ `min`, or `fallback` when the flag is absent. */
export function numberFlag(argv: readonly string[], name: string, fallback: number, min = 1): number {
  const value = stringFlag(argv, name);
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name}: expected a number ≥ ${min}, got "${value}"`);
  return n;
}
