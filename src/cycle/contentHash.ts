import type { CellValue } from "../workbook/workbook";

/** Rows of cell values, as a plan is approved and read back. */
export type Cells = readonly (readonly CellValue[])[];

/**
 * SHA-256 of a text (UTF-8), as lowercase hex. Uses the Web Crypto API, present in browsers, Excel's
 * runtime and Node 20.
 * @example await sha256Hex("abc") // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** A cell as it enters a hash: an empty text cell is the same as a blank one. */
function canonicalCell(cell: CellValue): CellValue {
  return cell === "" ? null : cell;
}

/**
 * SHA-256 of a plan's content, as lowercase hex. The plan is first written as canonical JSON (rows of
 * cells, numbers as JavaScript prints them, an empty text cell the same as a blank one), so the same
 * plan read back from the sheet gives the same hash. Only values enter it: how the sheet shows them
 * (number formats, bold headers) does not, so a plan hashed before its sheet had formats still matches.
 * @example await contentHash([["Item", "Jan"], ["A", 10]]) // "5c1b..."
 */
export async function contentHash(rows: Cells): Promise<string> {
  return sha256Hex(JSON.stringify(rows.map((row) => row.map(canonicalCell))));
}

/** Short digests of each row and each column of a plan: where a changed plan changed. */
export interface CellDigests {
  /** First 16 hex digits of the SHA-256 of each row (canonical cells, as contentHash). */
  rows: string[];
  /** The same for each column, over the rows' cells in that column (blank past a short row's end). */
  columns: string[];
}

/**
 * Row and column digests of a plan, kept beside its content hash: when the hash no longer matches, the
 * rows and columns whose digests changed cross at the cells that changed.
 * @example (await cellDigests([["Item"], ["A"]])).rows.length // 2
 */
export async function cellDigests(rows: Cells): Promise<CellDigests> {
  const width = Math.max(0, ...rows.map((row) => row.length));
  const short = async (cells: CellValue[]): Promise<string> => (await sha256Hex(JSON.stringify(cells.map(canonicalCell)))).slice(0, 16);
  return {
    rows: await Promise.all(rows.map((row) => short([...row]))),
    columns: await Promise.all(Array.from({ length: width }, (_, c) => short(rows.map((row) => row[c] ?? null)))),
  };
}
