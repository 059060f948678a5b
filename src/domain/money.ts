/**
 * Euro amounts, in a module of their own with no import: the /plafonds/ form's script uses it
 * without pulling the schemas that format.ts imports.
 */

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/** Euro amounts as French writes them: "23 403 €" (narrow no-break space between thousands). */
export function formatEuros(amount: number): string {
  const whole = Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return `${whole}${NBSP}€`;
}
