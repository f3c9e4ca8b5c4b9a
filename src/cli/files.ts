import * as fs from "fs";
import * as path from "path";
import { PlanningError } from "../core/errors";

/**
 * Read a file the planner named on the command line.
 * @throws PlanningError saying the file does not exist or cannot be read
 */
export function readInputFile(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new PlanningError(`Cannot read "${file}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
}

/**
 * A workbook file's bytes, read for a command that takes an Excel workbook; a text file (CSV, TSV,
 * TXT) is refused with what to do instead, before it is mistaken for a damaged workbook.
 * @param file the path given
 * @throws PlanningError for a text file, or a file that cannot be read
 */
export function readWorkbookFile(file: string): Uint8Array {
  if (/\.(csv|tsv|txt)$/i.test(file)) {
    throw new PlanningError(`"${file}" is a text file: this command reads an Excel workbook (.xlsx). Open it in Excel and save it as .xlsx, or put its order lines into a workbook with sop gather ${file} --into book.xlsx --out new.xlsx.`);
  }
  return readInputFile(file);
}

/**
 * True when two names reach the same file: the same path, a symbolic link to it (at any depth), or a
 * hard link (the same device and inode).
 * @example sameFile("out.xlsx", "book.xlsx") // true when out.xlsx links to book.xlsx
 */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  let first: fs.Stats;
  let second: fs.Stats;
  try {
    first = fs.statSync(a);
    second = fs.statSync(b);
  } catch {
    return false;
  }
  return first.dev === second.dev && first.ino === second.ino;
}

/**
 * Write an output file, creating its folder. It goes to a temporary file in the same folder first and
 * is then renamed over the output, so a crash or a full disk never leaves a half-written output, and
 * a link at the output's name is replaced, never written through. Refuses to write over any of the
 * command's inputs.
 * @param file - the output
 * @param data - its content
 * @param inputs - every file the command reads
 * @throws PlanningError when the output is one of the inputs, or cannot be written
 * @example writeOutputFile("out/plan.json", "{}", ["model.json"])
 */
export function writeOutputFile(file: string, data: Uint8Array | string, inputs: readonly string[] = []): void {
  assertNotInput(file, inputs);
  const temporary = temporaryFileFor(file);
  try {
    fs.writeFileSync(temporary, data);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new PlanningError(`Cannot write "${file}": ${(error as Error).message}.`);
  }
  replaceWith(file, temporary);
}

/**
 * A temporary file beside an output (its folder created), to write the output into before
 * {@link replaceWith} puts it in place.
 * @throws PlanningError when the folder cannot be created
 * @example temporaryFileFor("out/forecasts.csv") // "/abs/out/.forecasts.csv.1234.part"
 */
export function temporaryFileFor(file: string): string {
  const target = path.resolve(file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (error) {
    throw new PlanningError(`Cannot write "${file}": ${(error as Error).message}.`);
  }
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.part`);
}

/**
 * Put a finished temporary file in place of the output, in one rename.
 * @throws PlanningError when the rename fails (the temporary file is removed)
 */
export function replaceWith(file: string, temporary: string): void {
  try {
    fs.renameSync(temporary, path.resolve(file));
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new PlanningError(`Cannot write "${file}": ${(error as Error).message}.`);
  }
}

/**
 * Check, before any work, that an output file is none of the command's inputs, by path, symbolic link
 * or hard link.
 * @throws PlanningError naming the input the output would overwrite
 * @example assertNotInput("comparison.csv", ["model.json", "scenarios.json"])
 */
export function assertNotInput(output: string, inputs: readonly string[]): void {
  const input = inputs.find((candidate) => sameFile(output, candidate));
  if (input !== undefined) {
    throw new PlanningError(`--out must name a new file, not your input "${input}" (or a link to it): the add-in never overwrites your files.`);
  }
}

/**
 * Read a JSON file the planner named (a supply model, a list of scenarios).
 * @param what what the file holds, for the message, e.g. "supply model"
 * @throws PlanningError when the file is missing or is not valid JSON
 */
export function readJsonFile(file: string, what: string): unknown {
  if (!fs.existsSync(file)) throw new PlanningError(`The ${what} file ${file} does not exist.`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
  } catch (error) {
    throw new PlanningError(`The ${what} file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}
