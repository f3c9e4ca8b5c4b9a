import { parseArgs } from "util";
import { PlanningError } from "../core/errors";

/** The options a command takes: each a value (`--out file`) or a switch (`--json`). */
export type OptionKinds = Readonly<Record<string, "value" | "switch">>;

/** A command line read against its options. */
export interface CommandLine {
  positionals: string[];
  values: Record<string, string | undefined>;
  switches: Record<string, boolean>;
}

/**
 * Read a command's arguments strictly: unknown options and options without their value are refused
 * with the command's usage, so a typo never silently changes what runs.
 * @param args the arguments after the command name
 * @param kinds the options the command takes
 * @param usage one line of usage, shown with every mistake
 * @throws PlanningError naming the mistake and showing the usage
 */
export function readCommandLine(args: readonly string[], kinds: OptionKinds, usage: string): CommandLine {
  const options = Object.fromEntries(Object.entries(kinds).map(([name, kind]) => [name, { type: kind === "value" ? ("string" as const) : ("boolean" as const) }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify a positional.*$/s, "").replace(/'(--[^' ]+)[^']*'/g, "$1");
    throw new PlanningError(`${message}. Usage: ${usage}`);
  }
  const values: Record<string, string | undefined> = {};
  const switches: Record<string, boolean> = {};
  for (const [name, kind] of Object.entries(kinds)) {
    const value = parsed.values[name];
    if (kind === "value") values[name] = typeof value === "string" ? value : undefined;
    else switches[name] = value === true;
  }
  return { positionals: parsed.positionals, values, switches };
}
