/**
 * The largest magnitude a planning number may have: Excel keeps 15 significant digits, and a plan's
 * sums of squares and money totals of numbers up to 1e15 stay finite, so every result is a number
 * Excel stores. The functions refuse a cell beyond it, `sop forecast` a value.
 */
export const MAX_MAGNITUDE = 1e15;
