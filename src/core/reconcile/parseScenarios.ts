import { PlanningError } from "../errors";
import type { Scenario, ScenarioChange } from "./scenarios";

type Json = Record<string, unknown>;

const FIELDS: Record<ScenarioChange["kind"], readonly string[]> = {
  demand: ["kind", "item", "family", "from", "to", "percent"],
  capacity: ["kind", "resource", "location", "from", "to", "percent", "hours"],
  shift: ["kind", "resource", "from", "to", "hours"],
  price: ["kind", "item", "family", "percent", "value"],
  cost: ["kind", "item", "family", "field", "percent", "value"],
  lane: ["kind", "lane", "from", "to", "percent"],
  move: ["kind", "item", "family", "source", "target", "from", "to", "percent"],
};
const TEXT = new Set(["kind", "item", "family", "resource", "location", "field", "lane", "source", "target"]);
const COST_FIELDS = ["unitCost", "holdingCost", "subcontractCost", "backlogCost"];

/**
 * Turn unknown input (parsed scenarios.json, a task-pane form) into typed scenarios, or throw one
 * PlanningError listing every problem by path, e.g. `scenarios[1].changes[0].percent must be a number`.
 * Accepts a list of scenarios or `{ "scenarios": [...] }`; the format is in docs/scenarios.md. Whether
 * the items, families and resources exist is checked when a scenario is applied to a model.
 * @throws PlanningError listing the problems
 * @example parseScenarios([{ name: "Promo", changes: [{ kind: "demand", percent: 10 }] }]) // one scenario
 */
export function parseScenarios(input: unknown): Scenario[] {
  const list = isObject(input) ? input.scenarios : input;
  if (!Array.isArray(list)) throw new PlanningError('Scenarios must be a list, or an object with a "scenarios" list.');
  const problems: string[] = [];
  const scenarios = list.map((raw, s) => {
    const path = `scenarios[${s}]`;
    if (!isObject(raw)) {
      problems.push(`${path} must be an object with a name and a list of changes`);
      return { name: "", changes: [] };
    }
    unknownKeys(raw, ["name", "description", "changes"], path, problems);
    if (typeof raw.name !== "string" || raw.name.trim() === "") problems.push(`${path}.name must be a text`);
    if (raw.description !== undefined && typeof raw.description !== "string") problems.push(`${path}.description must be a text`);
    if (!Array.isArray(raw.changes)) problems.push(`${path}.changes must be a list (it may be empty)`);
    const changes = Array.isArray(raw.changes) ? raw.changes.flatMap((c, k) => change(c, `${path}.changes[${k}]`, problems)) : [];
    const scenario: Scenario = { name: String(raw.name ?? "").trim(), changes };
    if (typeof raw.description === "string") scenario.description = raw.description;
    return scenario;
  });
  if (problems.length > 0) {
    throw new PlanningError(`The scenarios have ${problems.length} problem(s): ${problems.slice(0, 12).join("; ")}${problems.length > 12 ? "; ..." : ""}.`);
  }
  return scenarios;
}

function change(raw: unknown, path: string, problems: string[]): ScenarioChange[] {
  if (!isObject(raw)) {
    problems.push(`${path} must be an object`);
    return [];
  }
  const kind = raw.kind;
  if (typeof kind !== "string" || !(kind in FIELDS)) {
    problems.push(`${path}.kind must be one of ${Object.keys(FIELDS).join(", ")}`);
    return [];
  }
  const before = problems.length;
  unknownKeys(raw, FIELDS[kind as ScenarioChange["kind"]], path, problems);
  for (const [key, value] of Object.entries(raw)) {
    if (TEXT.has(key) ? typeof value !== "string" : typeof value !== "number" || !Number.isFinite(value)) {
      problems.push(`${path}.${key} must be ${TEXT.has(key) ? "a text" : "a number"}`);
    }
  }
  if (kind === "shift" && raw.resource === undefined) problems.push(`${path}.resource is missing`);
  if (kind === "capacity" && (raw.resource === undefined) === (raw.location === undefined)) problems.push(`${path} needs exactly one of resource or location (a plant)`);
  for (const key of { lane: ["lane", "percent"], move: ["source", "target", "percent"] }[kind as "lane" | "move"] ?? []) {
    if (raw[key] === undefined) problems.push(`${path}.${key} is missing`);
  }
  if (kind === "demand" && raw.percent === undefined) problems.push(`${path}.percent is missing`);
  if (kind === "shift" && raw.hours === undefined) problems.push(`${path}.hours is missing`);
  if (kind === "cost" && raw.field !== undefined && !COST_FIELDS.includes(String(raw.field))) {
    problems.push(`${path}.field must be one of ${COST_FIELDS.join(", ")}`);
  }
  return problems.length === before ? [raw as unknown as ScenarioChange] : [];
}

function unknownKeys(obj: Json, known: readonly string[], path: string, problems: string[]): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) problems.push(`${path}.${key} is not a known field (known: ${known.join(", ")})`);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
