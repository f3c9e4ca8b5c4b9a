/**
 * Reading a mapped block in row chunks, so that no request passes Excel's limits (5 MB per request on
 * the web, about 5 million cells per read: Microsoft Learn, "Resource limits and performance
 * optimization for Office Add-ins") however long the block is.
 */
import type { Matrix, Workbook } from "../workbook/workbook";

/** Rows read per request: well under Excel's limits for any sane width. */
export const CHUNK_ROWS = 5000;

/**
 * Visit rows [offset, end) of a block in chunks of at most CHUNK_ROWS rows, until a chunk comes back
 * short (so a block shorter than one chunk costs one request, and its size is never asked for).
 * @param book the workbook.
 * @param reference what Workbook.read takes.
 * @param offset the first row to read.
 * @param visit called with each chunk and the block row of its first row.
 * @example await eachChunk(book, "Orders", 1, (rows, first) => count += rows.length);
 */
export async function eachChunk(book: Workbook, reference: string, offset: number, visit: (rows: Matrix, firstRow: number) => void): Promise<void> {
  for (let start = offset; ; start += CHUNK_ROWS) {
    const rows = await book.read(reference, { offset: start, count: CHUNK_ROWS });
    if (rows.length > 0) visit(rows, start);
    if (rows.length < CHUNK_ROWS) return;
  }
}

/**
 * A whole block, read in chunks of at most CHUNK_ROWS rows.
 * @example const values = await readBlock(book, "ItemMaster");
 */
export async function readBlock(book: Workbook, reference: string): Promise<Matrix> {
  const values: Matrix = [];
  await eachChunk(book, reference, 0, (rows) => values.push(...rows));
  return values;
}
