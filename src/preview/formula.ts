/**
 * A small evaluator of the SOP custom functions for the browser preview: `=SOP.NAME(arg, ...)` where
 * each argument is a range (B2:B13, 'Sales History'!B2:AK41), a number, "text", TRUE/FALSE, an array
 * constant ({1,2,3} or {1;2;3}), a lookup INDEX(range, MATCH(value, range, 0), 0) (as step 2's live
 * formulas find an item's row by its id) or left out. Arguments are passed the way Excel passes them to a
 * custom function (a range as rows of cells, a scalar parameter as one value), and what the function
 * throws becomes an Excel error value with its message. Other formulas are not evaluated.
 */
import { parseRange, type CellRange } from "../workbook/address";
import type { CellValue, Matrix } from "../workbook/workbook";

/** One parameter as functions.json describes it. */
export interface ParameterSpec {
  name: string;
  type: "number" | "string" | "boolean" | "any";
  dimensionality: "scalar" | "matrix";
  optional: boolean;
}

/** A custom function the preview can call. */
export interface SopFunction {
  /** The Excel name without the namespace, e.g. "GAP". */
  id: string;
  parameters: ParameterSpec[];
  invoke: (...args: unknown[]) => unknown;
}

/** What a formula gives: values to spill from its cell, or an Excel error value with its message. */
export type FormulaOutcome = { ok: true; values: CellValue[][] } | { ok: false; code: string; message: string };

/** Reads the values of a range; `sheet` undefined means the formula's own sheet. */
export type RangeReader = (sheet: string | undefined, range: CellRange) => Matrix;

type Argument =
  | { kind: "missing" }
  | { kind: "value"; value: CellValue }
  | { kind: "array"; rows: CellValue[][] }
  | { kind: "range"; sheet: string | undefined; range: CellRange }
  | { kind: "lookup"; name: LookupName; args: Argument[] };

/** Excel functions the preview evaluates inside an SOP function's arguments. */
const LOOKUPS = ["INDEX", "MATCH"] as const;
type LookupName = (typeof LOOKUPS)[number];

interface SopCall {
  name: string;
  args: Argument[];
}

class FormulaError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SOP_CALL = /^=\s*SOP\.([A-Za-z_][A-Za-z0-9_.]*)\s*\(/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?/;

/**
 * True when the text is a formula calling an SOP function, e.g. "=SOP.GAP(B2:B13,C2:C13)".
 * @example isSopFormula("=sop.gap(A1:A3,B1:B3)") // true
 */
export function isSopFormula(text: string): boolean {
  return SOP_CALL.test(text.trim());
}

/**
 * Evaluate an SOP formula: parse it, read its ranges, call the function and shape the result.
 * @param text the formula as typed, starting with "="
 * @param functions the callable SOP functions by upper-case id
 * @param read reads a range's values
 * @returns the values to spill (a scalar result is a 1 x 1 block) or the error Excel would show:
 *   #NAME? for an unknown function or a formula the preview cannot read, #VALUE! (or the function's own
 *   error value) with the function's message when it refuses its arguments
 * @example await evaluateSopFormula("=SOP.GAP({10;20},{12;15})", functions, read) // { ok: true, values: [[-2], [5]] }
 */
export async function evaluateSopFormula(
  text: string,
  functions: ReadonlyMap<string, SopFunction>,
  read: RangeReader,
): Promise<FormulaOutcome> {
  try {
    const call = parseSopCall(text);
    const fn = functions.get(call.name.toUpperCase());
    if (!fn) {
      const known = [...functions.keys()].map((id) => `SOP.${id}`).join(", ");
      throw new FormulaError("#NAME?", `SOP.${call.name} is not a function of the add-in. Known functions: ${known || "none"}.`);
    }
    if (call.args.length > fn.parameters.length) {
      throw new FormulaError("#VALUE!", `SOP.${fn.id} takes at most ${fn.parameters.length} arguments; the formula gives ${call.args.length}.`);
    }
    const values = fn.parameters.map((parameter, index) =>
      toParameter(call.args[index] ?? { kind: "missing" }, parameter, fn.id, read),
    );
    const result = await fn.invoke(...values);
    return { ok: true, values: toBlock(result) };
  } catch (error) {
    return toErrorOutcome(error);
  }
}

/** Turn a thrown error into the Excel error value and message the cell shows. */
function toErrorOutcome(error: unknown): FormulaOutcome {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, code: typeof code === "string" && code.startsWith("#") ? code : "#VALUE!", message };
}

function parseSopCall(text: string): SopCall {
  const source = text.trim();
  const head = SOP_CALL.exec(source);
  if (!head) throw new FormulaError("#NAME?", "The preview only evaluates formulas that call an SOP function.");
  const parser = new ArgumentParser(source, head[0].length);
  const args = parser.arguments();
  return { name: head[1], args };
}

/** Reads the argument list of a call, from just after "(" to the matching ")" at the end. */
class ArgumentParser {
  private position: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.position = start;
  }

  arguments(): Argument[] {
    const args = this.argumentList();
    if (this.text.slice(this.position).trim() !== "") throw this.syntaxError();
    return args;
  }

  /** The arguments up to and past the ")" that closes them. */
  private argumentList(): Argument[] {
    const args: Argument[] = [];
    this.skipSpaces();
    if (this.peek() === ")") {
      this.position++;
      return args;
    }
    for (;;) {
      args.push(this.argument());
      this.skipSpaces();
      const next = this.text[this.position++];
      if (next === ")") return args;
      if (next !== ",") throw this.syntaxError();
    }
  }

  private argument(): Argument {
    this.skipSpaces();
    const next = this.peek();
    if (next === "," || next === ")") return { kind: "missing" };
    if (next === "{") return { kind: "array", rows: this.arrayConstant() };
    const scalar = this.scalar();
    if (scalar !== undefined) return { kind: "value", value: scalar };
    return this.reference();
  }

  /** A number, "text" or TRUE/FALSE; undefined when the text here is none of them. */
  private scalar(): CellValue | undefined {
    if (this.peek() === '"') return this.quotedText();
    const rest = this.text.slice(this.position);
    const number = NUMBER.exec(rest);
    if (number && !/^[A-Za-z:$!(]/.test(rest.slice(number[0].length))) {
      this.position += number[0].length;
      const value = Number(number[0].replace("%", ""));
      return number[0].endsWith("%") ? value / 100 : value;
    }
    const boolean = /^(TRUE|FALSE)(?=\s*[,;})]|\s*$)/i.exec(rest);
    if (boolean) {
      this.position += boolean[0].length;
      return boolean[1].toUpperCase() === "TRUE";
    }
    return undefined;
  }

  private quotedText(): string {
    let value = "";
    this.position++;
    for (;;) {
      const ch = this.text[this.position++];
      if (ch === undefined) throw this.syntaxError();
      if (ch === '"') {
        if (this.peek() !== '"') return value;
        this.position++;
      }
      value += ch;
    }
  }

  private arrayConstant(): CellValue[][] {
    this.position++;
    const rows: CellValue[][] = [[]];
    for (;;) {
      this.skipSpaces();
      const value = this.scalar();
      if (value === undefined) {
        throw new FormulaError("#VALUE!", "An array constant may hold only numbers, \"text\" and TRUE/FALSE, e.g. {1,2,3} or {1;2;3}.");
      }
      rows[rows.length - 1].push(value);
      this.skipSpaces();
      const separator = this.text[this.position++];
      if (separator === "}") break;
      if (separator === ";") rows.push([]);
      else if (separator !== ",") throw this.syntaxError();
    }
    if (rows.some((row) => row.length !== rows[0].length)) {
      throw new FormulaError("#VALUE!", "Every row of an array constant needs the same number of values.");
    }
    return rows;
  }

  private reference(): Argument {
    const start = this.position;
    if (this.peek() === "'") {
      this.position++;
      while (this.position < this.text.length) {
        if (this.text[this.position] === "'" && this.text[this.position + 1] !== "'") break;
        this.position += this.text[this.position] === "'" ? 2 : 1;
      }
      this.position++;
    }
    while (/[A-Za-z0-9_$!:.]/.test(this.peek() ?? "")) this.position++;
    const token = this.text.slice(start, this.position);
    this.skipSpaces();
    if (this.peek() === "(") {
      const name = LOOKUPS.find((lookup) => lookup === token.toUpperCase());
      if (!name) {
        throw new FormulaError("#NAME?", `The preview cannot evaluate ${token}(...) inside an SOP function: give ranges, numbers, "text", {arrays} or INDEX/MATCH.`);
      }
      this.position++;
      return { kind: "lookup", name, args: this.argumentList() };
    }
    try {
      const { sheet, ...range } = parseRange(token);
      return { kind: "range", sheet, range };
    } catch {
      throw new FormulaError("#NAME?", `"${token}" is not a range, number or text the preview understands.`);
    }
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private skipSpaces(): void {
    while (this.peek() === " ") this.position++;
  }

  private syntaxError(): FormulaError {
    return new FormulaError("#NAME?", `The formula cannot be read near "${this.text.slice(this.position - 1, this.position + 9)}".`);
  }
}

/** The value Excel would pass for one parameter. */
function toParameter(arg: Argument, parameter: ParameterSpec, id: string, read: RangeReader): unknown {
  if (arg.kind === "missing") {
    if (!parameter.optional) throw new FormulaError("#VALUE!", `SOP.${id} needs ${parameter.name}.`);
    return null;
  }
  const block = resolve(arg, read);
  const converted = block.map((row) => row.map((cell) => convert(cell, parameter, id)));
  if (parameter.dimensionality === "matrix") return converted;
  if (converted.length !== 1 || converted[0].length !== 1) {
    throw new FormulaError("#VALUE!", `${parameter.name} of SOP.${id} takes one value, not a range of several cells.`);
  }
  return converted[0][0];
}

/** The cells an argument stands for. */
function resolve(arg: Argument, read: RangeReader): Matrix {
  switch (arg.kind) {
    case "missing":
      throw new FormulaError("#VALUE!", "An argument of INDEX or MATCH is missing.");
    case "value":
      return [[arg.value]];
    case "array":
      return arg.rows;
    case "range":
      return read(arg.sheet, arg.range);
    case "lookup":
      return arg.name === "INDEX" ? index(arg.args, read) : [[match(arg.args, read)]];
  }
}

/** One whole number out of an argument of INDEX or MATCH. */
function wholeNumber(arg: Argument | undefined, what: string, read: RangeReader): number {
  if (arg === undefined || arg.kind === "missing") return 0;
  const block = resolve(arg, read);
  const value = block.length === 1 && block[0].length === 1 ? block[0][0] : null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new FormulaError("#VALUE!", `${what} must be one whole number, 0 or more.`);
  }
  return value;
}

/**
 * Excel's INDEX(array, row_num, [column_num]) in its reference form: row 0 (or left out) keeps every
 * row, column 0 every column; a one-row array takes a single number as its column.
 */
function index(args: Argument[], read: RangeReader): Matrix {
  if (args.length < 2 || args.length > 3) throw new FormulaError("#VALUE!", "INDEX takes an array, a row number and an optional column number.");
  const block = resolve(args[0], read);
  let row = wholeNumber(args[1], "The row number of INDEX", read);
  let column = wholeNumber(args[2], "The column number of INDEX", read);
  if (args.length === 2 && block.length === 1) [row, column] = [0, row];
  const rows = row === 0 ? block : [block[row - 1]];
  if (rows.some((cells) => cells === undefined) || (column > 0 && column > (block[0]?.length ?? 0))) {
    throw new FormulaError("#REF!", `INDEX asks for row ${row}, column ${column} of a ${block.length} x ${block[0]?.length ?? 0} range.`);
  }
  return column === 0 ? rows : rows.map((cells) => [cells[column - 1]]);
}

/**
 * Excel's MATCH(lookup_value, lookup_array, 0): the position (from 1) of the first cell equal to the
 * value, text compared without regard to case. The preview evaluates exact matches only.
 */
function match(args: Argument[], read: RangeReader): number {
  if (args.length !== 3 || wholeNumber(args[2], "The match type of MATCH", read) !== 0) {
    throw new FormulaError("#NAME?", "The preview evaluates MATCH(value, range, 0) only: an exact match.");
  }
  const [value] = resolve(args[0], read).flat();
  const block = resolve(args[1], read);
  if (block.length > 1 && block[0].length > 1) throw new FormulaError("#N/A", "MATCH looks in one row or one column.");
  const same = (cell: CellValue): boolean =>
    typeof cell === "string" && typeof value === "string" ? cell.toLowerCase() === value.toLowerCase() : cell === value;
  const position = block.flat().findIndex(same);
  if (position < 0) throw new FormulaError("#N/A", `MATCH finds no ${typeof value === "string" ? `"${value}"` : String(value)} in its range.`);
  return position + 1;
}

/** Excel's coercion of a cell to a typed parameter (blanks stay null for the function to judge). */
function convert(cell: CellValue, parameter: ParameterSpec, id: string): CellValue {
  if (cell === null) return null;
  switch (parameter.type) {
    case "number": {
      if (typeof cell === "number") return cell;
      if (typeof cell === "boolean") return cell ? 1 : 0;
      const number = Number(cell);
      if (cell.trim() === "" || !Number.isFinite(number)) {
        throw new FormulaError("#VALUE!", `${parameter.name} of SOP.${id} must be numbers, but it holds "${cell}".`);
      }
      return number;
    }
    case "string":
      return typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell);
    case "boolean":
      if (typeof cell === "string") {
        if (/^(true|false)$/i.test(cell)) return cell.toUpperCase() === "TRUE";
        throw new FormulaError("#VALUE!", `${parameter.name} of SOP.${id} must be TRUE or FALSE, not "${cell}".`);
      }
      return typeof cell === "number" ? cell !== 0 : cell;
    default:
      return cell;
  }
}

/** A function's result as a block of cells: a scalar is 1 x 1; errors inside show as their code. */
function toBlock(result: unknown): CellValue[][] {
  const rows = Array.isArray(result) ? (result as unknown[]).map((row) => (Array.isArray(row) ? row : [row])) : [[result]];
  return rows.map((row) => row.map(toCell));
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "string" || typeof value === "boolean") return value;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : "#VALUE!";
}
