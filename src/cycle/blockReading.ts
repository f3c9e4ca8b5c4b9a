/**
 * Reading a mapped block in row chunks, so that no request passes Excel's limits (5 MB per request on
 * the web, about 5 million cells per read: Microsoft Learn, "Resource limits and performance
 * optimization for Office Add-ins") however long the block is.
 */
import type { Matrix, Workbook } from "../workbook/workbook";

/** Rows read per request: well under Excel's limits for any sane width. */
export const CHUNK_ROWS = 5000;

/**
 * Visit rows [offset, end) of a block in chunks of at most CHUNK_ROWS rows.
 * @param book the workbook.
 * @param reference what Workbook.read takes.
 * @param offset the first row to read.
 * @param visit called with each chunk and the block row of its first row.
 * @example await eachChunk(book, "Orders", 1, (rows, first) => count += rows.length);
 */
export async function eachChunk(book: Workbook, reference: string, offset: number, visit: (rows: Matrix, firstRow: number) => void): Promise<void> {
  const { rows } = await book.extent(reference);
  for (let start = offset; start < rows; start += CHUNK_ROWS) {
    visit(await book.read(reference, { offset: start, count: Math.min(CHUNK_ROWS, rows - start) }), start);
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
