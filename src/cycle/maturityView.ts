/**
 * S&OP maturity as step 6 shows it on SOP Cycle History and in the pane: the stage (1 to 5) scored by
 * src/core/rolling/maturity.ts from the cycle records (cycleRecords.ts) and the measured history of
 * cycles (accuracy by lag, forecast value added), each criterion with its evidence, and what would lift
 * the score.
 */
import { assessMaturity, type CycleRecord, type LagAccuracy, type MaturityAssessment, type MaturityEvidence, type ValueAddedReport } from "../core/rolling";
import { WHOLE_FORMAT } from "./ownedSheets";
import type { ResultTable } from "./stepTypes";

/**
 * The evidence the maturity score reads: the cycle records, the cycles whose lag-1 forecast has been
 * judged (the total's lag-1 figure), the consensus's value added over the naive forecast and each role's
 * over the statistical forecast (in points).
 */
export function maturityEvidence(records: readonly CycleRecord[], accuracy: readonly LagAccuracy[], added: ValueAddedReport | null): MaturityEvidence {
  const steps = added?.steps ?? [];
  return {
    cycles: records,
    accuracyCycles: accuracy.find((row) => row.level === "total" && row.lag === 1)?.cycles ?? 0,
    consensusValueAdded: steps.find((step) => step.kind === "consensus")?.vsNaive ?? null,
    roleValueAdded: steps.filter((step) => step.kind === "role").map((step) => ({ role: step.step, vsStatistical: step.vsStatistical })),
  };
}

/**
 * The maturity tables: every criterion of stages 2 to 5 (met or not, its evidence, what would meet it)
 * under a title naming the stage reached, then, below stage 5, what would lift the score by one stage.
 * @example maturityTables(assessMaturity(evidence))[0].title // "S&OP maturity: stage 2 of 5, Basic coordination (3 cycles recorded)"
 */
export function maturityTables(assessment: MaturityAssessment, cycles: number): ResultTable[] {
  const tables: ResultTable[] = [
    {
      title: `S&OP maturity: stage ${assessment.stage} of 5, ${assessment.name} (${cycles} cycle${cycles === 1 ? "" : "s"} recorded)`,
      headers: ["Stage", "Criterion", "Met", "Evidence", "What would meet it"],
      rows: assessment.criteria.map((c) => [c.stage, c.criterion, c.met ? "Yes" : "No", c.evidence, c.toLift]),
      numberFormats: [WHOLE_FORMAT, "@", "@", "@", "@"],
    },
  ];
  if (assessment.nextSteps.length > 0) {
    tables.push({
      title: `To reach stage ${assessment.stage + 1}`,
      headers: ["What would lift the score"],
      rows: assessment.nextSteps.map((step) => [step]),
      numberFormats: ["@"],
    });
  }
  return tables;
}

/**
 * The maturity score of a workbook's history of cycles with its tables.
 * @example maturityOf(records, accuracy, added).assessment.stage // 3
 */
export function maturityOf(records: readonly CycleRecord[], accuracy: readonly LagAccuracy[], added: ValueAddedReport | null): { assessment: MaturityAssessment; tables: ResultTable[] } {
  const assessment = assessMaturity(maturityEvidence(records, accuracy, added));
  return { assessment, tables: maturityTables(assessment, records.length) };
}
