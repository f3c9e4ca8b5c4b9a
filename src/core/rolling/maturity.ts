import { PlanningError } from "../errors";

/** What the workbook records about one S&OP cycle: the evidence the maturity score is built from. */
export interface CycleRecord {
  /** The cycle, "YYYY-MM". */
  cycle: string;
  /** The cycle's plan was approved by its due date (false when late or never approved). */
  onTime: boolean;
  /** A statistical forecast was made in step 2. */
  statisticalForecast: boolean;
  /** Overrides entered, by role ("Sales", "Marketing", ...): how many, and how many carry a reason. */
  overrides: readonly { role: string; count: number; withReason: number }[];
  /** Scenarios compared in step 4 (0 = only the base plan). */
  scenarios: number;
  /** A supply plan was approved. */
  approved: boolean;
  /**
   * How closely the approved plan was followed: production made / production approved for the
   * cycle's first month, 1 = exactly as planned; null when the workbook holds no production made.
   */
  planAdherence: number | null;
}

/** Everything the maturity score reads. */
export interface MaturityEvidence {
  /** One record per cycle run, oldest first. */
  cycles: readonly CycleRecord[];
  /** Cycles whose lag-1 forecast has been judged against actuals (the `cycles` of accuracyByLag's lag-1 total). */
  accuracyCycles: number;
  /** How much better the consensus is than the naive forecast, in points (the consensus `vsNaive` of valueAddedByRole); null when not measured. */
  consensusValueAdded: number | null;
  /** Overrides' value added over statistical by role (valueAddedByRole's `vsStatistical`), in points. */
  roleValueAdded: readonly { role: string; vsStatistical: number }[];
}

/** The five stages planners use to judge their S&OP process. */
export const MATURITY_STAGES = ["Ad hoc", "Basic coordination", "Integrated with forecasting and collaboration", "Data-driven with performance tracking", "Synchronised and continuously improving"] as const;

/** One criterion of a stage, with what the records show. */
export interface MaturityCriterion {
  /** The stage (2 to 5) this criterion belongs to. */
  stage: number;
  criterion: string;
  met: boolean;
  /** What the records show, in figures. */
  evidence: string;
  /** What would meet it, when not met; "" when met. */
  toLift: string;
}

/** The maturity score with its evidence. */
export interface MaturityAssessment {
  /** 1 to 5: the highest stage whose criteria, and those of every stage below it, are all met. */
  stage: number;
  name: (typeof MATURITY_STAGES)[number];
  criteria: MaturityCriterion[];
  /** The unmet criteria of the next stage: what would lift the score by one. */
  nextSteps: string[];
}

/** Cycles looked at for the recent-behaviour criteria (the last half year). */
const RECENT = 6;

function share(part: number, whole: number): string {
  return whole === 0 ? "none" : `${part} of ${whole} (${Math.round((100 * part) / whole)}%)`;
}

function criterion(stage: number, name: string, met: boolean, evidence: string, toLift: string): MaturityCriterion {
  return { stage, criterion: name, met, evidence, toLift: met ? "" : toLift };
}

/**
 * S&OP maturity from evidence: the five stages planners use (1 ad hoc, 2 basic coordination,
 * 3 integrated with forecasting and collaboration, 4 data-driven with performance tracking,
 * 5 synchronised and continuously improving), scored from what the workbook records rather than from
 * a questionnaire. A stage is reached when all its criteria and those of every lower stage are met:
 * - 2 basic coordination: at least 3 cycles run; a plan approved in at least half of them.
 * - 3 integrated: a statistical forecast in at least 80% of cycles; overrides from at least 2 roles;
 *   at least 80% of overrides carry a reason.
 * - 4 data-driven: accuracy tracked (lag-1 accuracy judged for at least 6 cycles); the consensus adds
 *   value over the naive forecast; scenarios compared in at least half of the last 6 cycles.
 * - 5 synchronised: the last 6 cycles approved on time (at least 5 of 6); the approved plan followed
 *   (first-month production within 10% of plan in at least 80% of the recorded recent cycles); every
 *   role's overrides add value over the statistical forecast.
 * Each criterion carries its evidence in figures and, when unmet, what would meet it.
 * @param evidence cycle records, accuracy cycles and value added (from accuracyByLag and valueAddedByRole)
 * @throws PlanningError when a record has a negative count or more overrides with reasons than overrides
 * @example assessMaturity({ cycles: [], accuracyCycles: 0, consensusValueAdded: null, roleValueAdded: [] }).stage // 1
 */
export function assessMaturity(evidence: MaturityEvidence): MaturityAssessment {
  const { cycles } = evidence;
  for (const c of cycles) {
    for (const o of c.overrides) {
      if (!(o.count >= 0 && o.withReason >= 0 && o.withReason <= o.count)) {
        throw new PlanningError(`Cycle ${c.cycle}, role ${o.role}: ${o.withReason} overrides with reasons out of ${o.count} cannot be right.`, "invalidNumber");
      }
    }
  }
  const n = cycles.length;
  const recent = cycles.slice(-RECENT);
  const approved = cycles.filter((c) => c.approved).length;
  const statistical = cycles.filter((c) => c.statisticalForecast).length;
  const overrideRoles = new Set(cycles.flatMap((c) => c.overrides.filter((o) => o.count > 0).map((o) => o.role)));
  const overrides = cycles.reduce((s, c) => s + c.overrides.reduce((t, o) => t + o.count, 0), 0);
  const withReason = cycles.reduce((s, c) => s + c.overrides.reduce((t, o) => t + o.withReason, 0), 0);
  const withScenarios = recent.filter((c) => c.scenarios > 0).length;
  const onTime = recent.filter((c) => c.onTime).length;
  const adherence = recent.filter((c) => c.planAdherence !== null);
  const followed = adherence.filter((c) => Math.abs((c.planAdherence ?? 0) - 1) <= 0.1).length;
  const harmful = evidence.roleValueAdded.filter((r) => !(r.vsStatistical > 0));
  const fva = evidence.consensusValueAdded;

  const criteria: MaturityCriterion[] = [
    criterion(2, "Cycles run month after month", n >= 3, `${n} cycle${n === 1 ? "" : "s"} run.`, `Run ${3 - n} more monthly cycle${3 - n === 1 ? "" : "s"} on this workbook.`),
    criterion(2, "A plan approved in most cycles", n > 0 && approved >= n / 2, `Plan approved in ${share(approved, n)} cycles.`, "Approve the supply plan in step 5 every cycle."),
    criterion(3, "Statistical forecast every cycle", n > 0 && statistical >= 0.8 * n, `Statistical forecast in ${share(statistical, n)} cycles.`, "Run step 2 (the statistical forecast) in every cycle."),
    criterion(3, "Several roles contribute", overrideRoles.size >= 2, `Overrides from ${overrideRoles.size} role${overrideRoles.size === 1 ? "" : "s"}${overrideRoles.size > 0 ? ` (${[...overrideRoles].sort().join(", ")})` : ""}.`, "Have at least two roles (e.g. Sales and Marketing) enter their overrides in step 3."),
    criterion(3, "Overrides carry reasons", overrides > 0 && withReason >= 0.8 * overrides, overrides === 0 ? "No overrides entered." : `Reasons on ${share(withReason, overrides)} overrides.`, "Give a reason with every override (at least 80% of them), so that later cycles can learn which ones helped."),
    criterion(4, "Accuracy tracked", evidence.accuracyCycles >= RECENT, `Lag-1 accuracy judged for ${evidence.accuracyCycles} cycle${evidence.accuracyCycles === 1 ? "" : "s"}.`, `Keep entering actuals each month: ${Math.max(0, RECENT - evidence.accuracyCycles)} more judged cycles are needed.`),
    criterion(
      4,
      "The consensus adds value",
      fva !== null && fva > 0,
      fva === null ? "Forecast value added not yet measured." : `Consensus is ${Math.abs(fva).toFixed(1)} points ${fva > 0 ? "better" : "worse"} than the naive forecast.`,
      "Review the overrides that made the forecast worse (forecast value added by role) until the consensus beats the naive forecast.",
    ),
    criterion(4, "Scenarios used", recent.length > 0 && withScenarios >= recent.length / 2, `Scenarios compared in ${share(withScenarios, recent.length)} of the last cycles.`, "Compare at least one scenario in step 4 in every other cycle."),
    criterion(5, "Cycles on time", recent.length >= RECENT && onTime >= RECENT - 1, `Approved on time in ${share(onTime, recent.length)} of the last cycles.`, `Approve on time in at least ${RECENT - 1} of ${RECENT} consecutive cycles.`),
    criterion(5, "Plan followed", adherence.length > 0 && followed >= 0.8 * adherence.length, adherence.length === 0 ? "No record of production made against the plan." : `First-month production within 10% of plan in ${share(followed, adherence.length)} recorded cycles.`, "Record production made and keep the first month within 10% of the approved plan."),
    criterion(
      5,
      "Every override adds value",
      evidence.roleValueAdded.length > 0 && harmful.length === 0,
      evidence.roleValueAdded.length === 0 ? "No role's value added measured yet." : evidence.roleValueAdded.map((r) => `${r.role} ${r.vsStatistical >= 0 ? "+" : ""}${r.vsStatistical.toFixed(1)} points`).join(", ") + " over statistical.",
      `Find why ${harmful.map((r) => r.role).join(", ") || "each role"}'s overrides do not beat the statistical forecast, and override less where they do not.`,
    ),
  ];
  let stage = 1;
  while (stage < 5 && criteria.filter((c) => c.stage === stage + 1).every((c) => c.met)) stage++;
  const nextSteps = stage < 5 ? criteria.filter((c) => c.stage === stage + 1 && !c.met).map((c) => c.toLift) : [];
  return { stage, name: MATURITY_STAGES[stage - 1], criteria, nextSteps };
}
