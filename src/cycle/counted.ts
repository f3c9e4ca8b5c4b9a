/**
 * A count with its noun, singular for one: "1 item", "3 items".
 * @param count how many
 * @param noun the singular noun
 * @returns the phrase
 * @example counted(1, "item") // "1 item"
 */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
