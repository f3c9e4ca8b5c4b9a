/**
 * A linear programme held as flat arrays (costs, bounds, a row-wise sparse matrix), the form HiGHS
 * takes directly, plus a writer of the same programme in CPLEX LP text for export and for checking a
 * plan with another solver (glpsol --lp, clp). Building arrays instead of text keeps model building
 * a small fraction of solve time and lets results be read back by index rather than by name.
 */

/** Direction of one constraint row. */
export type RowSense = "<=" | ">=" | "=";

/** A minimisation LP/MIP: min c'x subject to rowLower <= Ax <= rowUpper, colLower <= x <= colUpper. */
export interface LinearProgram {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  /** 1 where the column must take an integer value. */
  readonly colInteger: Uint8Array;
  readonly colNames: readonly string[];
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly rowNames: readonly string[];
  /** Row-wise (CSR) matrix: row k holds entries rowStarts[k] .. rowStarts[k+1]-1. */
  readonly rowStarts: Int32Array;
  readonly rowIndices: Int32Array;
  readonly rowValues: Float64Array;
}

/** Collects columns and rows one at a time, then freezes them into a LinearProgram. */
export class LinearProgramBuilder {
  private readonly cost: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];
  private readonly integer: number[] = [];
  private readonly colNames: string[] = [];
  private readonly rowLo: number[] = [];
  private readonly rowUp: number[] = [];
  private readonly rowNames: string[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];

  /** Number of columns added so far. */
  get numCols(): number {
    return this.cost.length;
  }

  /** Number of rows added so far. */
  get numRows(): number {
    return this.rowLo.length;
  }

  /**
   * Adds a column and returns its index.
   * @param name name used in the LP text (letters, digits, `_`; unique).
   * @param cost objective coefficient.
   * @param lower lower bound (may be -Infinity).
   * @param upper upper bound (may be Infinity).
   * @param integer whether the column is integer.
   */
  addColumn(name: string, cost: number, lower: number, upper: number, integer = false): number {
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    this.colNames.push(name);
    return this.cost.length - 1;
  }

  /**
   * Adds the row `sum coefficients[k] * x[columns[k]] (sense) rhs` and returns its index.
   * Columns must be distinct within one row.
   */
  addRow(name: string, columns: readonly number[], coefficients: readonly number[], sense: RowSense, rhs: number): number {
    for (let k = 0; k < columns.length; k++) {
      if (coefficients[k] !== 0) {
        this.indices.push(columns[k]);
        this.values.push(coefficients[k]);
      }
    }
    this.starts.push(this.indices.length);
    this.rowLo.push(sense === "<=" ? -Infinity : rhs);
    this.rowUp.push(sense === ">=" ? Infinity : rhs);
    this.rowNames.push(name);
    return this.rowLo.length - 1;
  }

  /** Freezes the programme. */
  build(): LinearProgram {
    return {
      numCols: this.cost.length,
      numRows: this.rowLo.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      colInteger: Uint8Array.from(this.integer),
      colNames: this.colNames,
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowUp),
      rowNames: this.rowNames,
      rowStarts: Int32Array.from(this.starts),
      rowIndices: Int32Array.from(this.indices),
      rowValues: Float64Array.from(this.values),
    };
  }
}

const TERMS_PER_LINE = 8;

function appendTerms(parts: string[], lp: LinearProgram, columns: ArrayLike<number>, coefficients: ArrayLike<number>, from: number, to: number): void {
  let onLine = 0;
  let first = true;
  for (let k = from; k < to; k++) {
    const a = coefficients[k];
    if (a === 0) continue;
    const sign = a < 0 ? " - " : first ? " " : " + ";
    const magnitude = Math.abs(a);
    parts.push(sign, magnitude === 1 ? "" : `${magnitude} `, lp.colNames[columns[k]]);
    first = false;
    if (++onLine === TERMS_PER_LINE) {
      parts.push("\n ");
      onLine = 0;
    }
  }
  if (first) parts.push(" 0 ", lp.colNames[0] ?? "x");
}

/**
 * Writes the programme as CPLEX LP text (the format HiGHS, GLPK's `glpsol --lp` and COIN-OR Clp
 * read). The parts are collected in one array and joined once.
 * @example toCplexLp(builder.build()) // "Minimize\n obj: 2 x + 3 y\nSubject To\n c1: x + y >= 1\n..."
 */
export function toCplexLp(lp: LinearProgram): string {
  const parts: string[] = ["\\ written by sop supply\nMinimize\n obj:"];
  const objColumns = new Int32Array(lp.numCols);
  for (let j = 0; j < lp.numCols; j++) objColumns[j] = j;
  appendTerms(parts, lp, objColumns, lp.colCost, 0, lp.numCols);
  parts.push("\nSubject To\n");
  for (let r = 0; r < lp.numRows; r++) {
    parts.push(" ", lp.rowNames[r], ":");
    appendTerms(parts, lp, lp.rowIndices, lp.rowValues, lp.rowStarts[r], lp.rowStarts[r + 1]);
    const lo = lp.rowLower[r];
    const up = lp.rowUpper[r];
    if (lo === up) parts.push(" = ", String(up), "\n");
    else if (lo === -Infinity) parts.push(" <= ", String(up), "\n");
    else parts.push(" >= ", String(lo), "\n");
  }
  parts.push("Bounds\n");
  for (let j = 0; j < lp.numCols; j++) {
    const lo = lp.colLower[j];
    const up = lp.colUpper[j];
    const name = lp.colNames[j];
    if (lo === -Infinity && up === Infinity) parts.push(" ", name, " free\n");
    else if (lo === up) parts.push(" ", name, " = ", String(lo), "\n");
    else if (up !== Infinity) parts.push(" ", lo === -Infinity ? "-inf" : String(lo), " <= ", name, " <= ", String(up), "\n");
    else if (lo !== 0) parts.push(" ", name, " >= ", String(lo), "\n");
  }
  const generals: string[] = [];
  for (let j = 0; j < lp.numCols; j++) if (lp.colInteger[j] === 1) generals.push(lp.colNames[j]);
  if (generals.length > 0) parts.push("General\n ", generals.join("\n "), "\n");
  parts.push("End\n");
  return parts.join("");
}
