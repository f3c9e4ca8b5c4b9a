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
 * Write an output file, creating its folder. Refuses to replace the input file itself, so a run never
 * overwrites the planner's own workbook.
 * @throws PlanningError when the output is the input, or cannot be written
 */
export function writeOutputFile(file: string, data: Uint8Array | string, input?: string): void {
  if (input !== undefined) assertNotInput(file, input);
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, data);
  } catch (error) {
    throw new PlanningError(`Cannot write "${file}": ${(error as Error).message}.`);
  }
}

/**
 * Check, before any work, that an output file is not the input file.
 * @throws PlanningError when both name the same file
 */
export function assertNotInput(output: string, input: string): void {
  if (path.resolve(output) === path.resolve(input)) {
    throw new PlanningError(`--out must name a new file, not your input "${input}": the add-in never overwrites your workbook.`);
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
