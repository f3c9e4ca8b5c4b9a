/**
 * SHA-256 of a plan's content, as lowercase hex. The plan is first written as canonical JSON (rows of
 * cells, numbers as JavaScript prints them, an empty text cell the same as a blank one), so the same
 * plan read back from the sheet gives the same hash. Only values enter it: how the sheet shows them
 * (number formats, bold headers) does not, so a plan hashed before its sheet had formats still matches. Uses the Web Crypto API, present in browsers, Excel's runtime and Node 20.
 * @example await contentHash([["Item", "Jan"], ["A", 10]]) // "5c1b..."
 */
export async function contentHash(rows: readonly (readonly (string | number | boolean | null)[])[]): Promise<string> {
  const canonical = rows.map((row) => row.map((cell) => (cell === "" ? null : cell)));
  const bytes = new TextEncoder().encode(JSON.stringify(canonical));
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
