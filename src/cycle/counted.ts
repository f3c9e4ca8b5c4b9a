/**
 * A count with its noun, singular for one: "1 item", "3 items", "2 families".
 * @param count how many
 * @param noun the singular noun
 * @param plural the plural noun (default the noun and "s")
 * @returns the phrase
 * @example counted(1, "item") // "1 item"
 * @example counted(2, "family", "families") // "2 families"
 */
export function counted(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
