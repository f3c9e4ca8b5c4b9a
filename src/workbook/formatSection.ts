/**
 * Reading one section of an Excel number format, the same way for numbers and dates: its literal
 * text ("quoted text", an escaped character \x, the space _x leaves, as wide as x and one space here,
 * and the fill *x, nothing here: the grid does not repeat x across the column) apart from the codes
 * that show the value, which the caller reads.
 * Reference: Microsoft, "Review guidelines for customizing a number format" (support.microsoft.com).
 */

/** Literal text of a format. */
export interface TextToken {
  kind: "text";
  text: string;
}

/**
 * The tokens of a format section: literal text read here, everything else by `read`.
 * @param section one section of a number format
 * @param read reads the code at a position that starts no literal, pushing its tokens; returns the
 *   position of the last character it used, or undefined when the section cannot be shown
 * @returns the tokens, or undefined when `read` gave up
 * @example scanSection('"Week "0', (at, tokens) => { tokens.push({ kind: "text", text: "#" }); return at; })
 *   // [{ kind: "text", text: "Week " }, { kind: "text", text: "#" }]
 */
export function scanSection<T>(section: string, read: (at: number, tokens: (T | TextToken)[]) => number | undefined): (T | TextToken)[] | undefined {
  const tokens: (T | TextToken)[] = [];
  for (let i = 0; i < section.length; i++) {
    const literal = literalAt(section, i);
    const end = literal ? literal.end : read(i, tokens);
    if (end === undefined) return undefined;
    if (literal && literal.text !== "") tokens.push({ kind: "text", text: literal.text });
    i = end;
  }
  return tokens;
}

/** The literal starting at a position (its text and last position), or undefined when none does. */
export function literalAt(section: string, at: number): { text: string; end: number } | undefined {
  const char = section[at];
  if (char === '"') {
    const close = section.indexOf('"', at + 1);
    const end = close < 0 ? section.length : close;
    return { text: section.slice(at + 1, end), end };
  }
  if (char === "\\") return { text: section[at + 1] ?? "", end: at + 1 };
  if (char === "_") return { text: section[at + 1] === undefined ? "" : " ", end: at + 1 };
  if (char === "*") return { text: "", end: at + 1 };
  return undefined;
}
