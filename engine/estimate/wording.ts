// The small formatting rules every estimate sentence shares, so a figure reads the same in each reason and in the CLI.

/** `3 objects`, `1 object`, `12,000 records`. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A share as a whole percentage: 0.1818 → `18%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An amount in whole units of its currency: `$12,500`. */
export function money(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** A span of weeks as people say it: `2-4 weeks`, `3 weeks`. */
export function weeks(min: number, max: number): string {
  return min === max ? count(min, 'week') : `${min}-${max} weeks`;
}
