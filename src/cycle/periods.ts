/**
 * Labels of the periods after the last one of the history: "2025-12" is followed by "2026-01",
 * "2026-02", ...; labels that are not months ("P36") continue as "P37", "P38", ...
 * @param last label of the last history period
 * @param count how many periods to name
 * @example futurePeriods("2025-11", 3) // ["2025-12", "2026-01", "2026-02"]
 */
export function futurePeriods(last: string, count: number): string[] {
  const month = /^(\d{4})-(\d{2})$/.exec(last);
  if (month) {
    const start = Number(month[1]) * 12 + Number(month[2]) - 1;
    return Array.from({ length: count }, (_, k) => {
      const index = start + k + 1;
      return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    });
  }
  const numbered = /^(.*?)(\d+)$/.exec(last);
  const prefix = numbered ? numbered[1] : "P";
  const first = numbered ? Number(numbered[2]) : 0;
  return Array.from({ length: count }, (_, k) => `${prefix}${first + k + 1}`);
}

/** Season length to assume for a history whose periods are labelled this way: 12 for months, else none. */
export function seasonLengthOf(periods: readonly string[]): number {
  return periods.length > 0 && periods.every((p) => /^\d{4}-\d{2}$/.test(p)) ? 12 : 1;
}
