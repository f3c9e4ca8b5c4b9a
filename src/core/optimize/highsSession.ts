/**
 * A HiGHS model kept between solves, so a changed programme is re-solved from the last optimal basis
 * instead of from scratch (a re-plan after one edited demand or capacity figure). When the new linear
 * programme has the same columns, rows and matrix as the one held, only the costs and bounds that
 * differ are changed in place (changeColsCost, changeColsBounds, changeRowsBounds) and simplex starts
 * from the basis HiGHS still holds; otherwise the model is replaced and solved cold (or from a basis
 * given with the solve).
 */

import type { Highs, IndexSelection, Model } from "highs";
import type { LinearProgram } from "./highsLinearProgram";
import { guarded, hasFaulted, highsModelData, runModel, withBlockStart, type LpSolution, type SolveOptions } from "./highsSolve";

/** One solve through a session: the solution, and whether it started from the held model's basis. */
export interface SessionSolution extends LpSolution {
  warm: boolean;
}

function equalArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Whether two programmes have the same columns, rows, integrality and matrix (they may differ in
 * costs and bounds only).
 * @example sameStructure(buildSupplyLp(model).lp, buildSupplyLp(withMoreDemand).lp) // true
 */
export function sameStructure(a: LinearProgram, b: LinearProgram): boolean {
  return (
    a.numCols === b.numCols &&
    a.numRows === b.numRows &&
    equalArrays(a.colInteger, b.colInteger) &&
    equalArrays(a.rowStarts, b.rowStarts) &&
    equalArrays(a.rowIndices, b.rowIndices) &&
    equalArrays(a.rowValues, b.rowValues)
  );
}

/** Indices where either pair of arrays differs, as a HiGHS set selection (undefined when none). */
function changed(first: [ArrayLike<number>, ArrayLike<number>], second?: [ArrayLike<number>, ArrayLike<number>]): { selection: IndexSelection; indices: number[] } | undefined {
  const indices: number[] = [];
  for (let k = 0; k < first[0].length; k++) {
    if (first[0][k] !== first[1][k] || (second !== undefined && second[0][k] !== second[1][k])) indices.push(k);
  }
  return indices.length === 0 ? undefined : { selection: { kind: "set", indices: Int32Array.from(indices) }, indices };
}

const pick = (values: ArrayLike<number>, indices: readonly number[]): Float64Array => Float64Array.from(indices, (k) => values[k]);

/** A HiGHS model kept for re-solves; call `dispose()` when done (it holds WebAssembly memory). */
export class HighsSession {
  private model: Model | undefined;
  private held: LinearProgram | undefined;

  /** @param highs a loaded runtime (`loadHighs()`). */
  constructor(private readonly highs: Highs) {}

  /** Whether this session's runtime faulted: every later solve in it fails at once, so open a new session on a fresh runtime. */
  get faulted(): boolean {
    return hasFaulted(this.highs);
  }

  /**
   * Solves `lp`: warm (changes in place, simplex from the held basis, or from `options.startBasis`
   * when given) when it is a linear programme with the structure of the last programme solved to
   * optimality here, else cold (a mixed-integer programme always, as HiGHS would keep the last plan as
   * its incumbent).
   * @param lp the programme
   * @param options time limit, algorithm, gap, and a start basis for a cold solve
   * @throws PlanningError when HiGHS's runtime stops (out of memory); later solves in the session then fail at once
   * @example const s = new HighsSession(await loadHighs()); s.solve(base, {}); s.solve(changed, {}).warm // true
   */
  solve(lp: LinearProgram, options: SolveOptions = {}): SessionSolution {
    try {
      return guarded(this.highs, lp, () => this.solveIn(lp, options));
    } catch (error) {
      // a faulted runtime's model is dropped, not freed (freeing calls into the runtime)
      if (hasFaulted(this.highs)) {
        this.model = undefined;
        this.held = undefined;
      }
      throw error;
    }
  }

  private solveIn(lp: LinearProgram, options: SolveOptions): SessionSolution {
    const started = performance.now();
    const previous = this.held;
    // A mixed-integer programme is always solved afresh: changed in place, HiGHS keeps the last plan
    // as its incumbent and stops as soon as that plan is within the MIP gap of the new bound, so a
    // scenario could report the previous scenario's plan (an extra shift costing what a capacity cut did).
    const hasIntegers = lp.colInteger.some((v) => v === 1);
    if (!hasIntegers && this.model !== undefined && previous !== undefined && sameStructure(previous, lp)) {
      const model = this.model;
      const cost = changed([previous.colCost, lp.colCost]);
      if (cost) model.changeColsCost(cost.selection, pick(lp.colCost, cost.indices));
      const cols = changed([previous.colLower, lp.colLower], [previous.colUpper, lp.colUpper]);
      if (cols) model.changeColsBounds(cols.selection, pick(lp.colLower, cols.indices), pick(lp.colUpper, cols.indices));
      const rows = changed([previous.rowLower, lp.rowLower], [previous.rowUpper, lp.rowUpper]);
      if (rows) model.changeRowsBounds(rows.selection, pick(lp.rowLower, rows.indices), pick(lp.rowUpper, rows.indices));
      // simplex starts from the held model's own basis, or from the start basis given (a scenario
      // re-planned from the base plan rather than from the scenario solved before it)
      const solution = runModel(model, lp, { ...options, solver: "simplex" }, started);
      this.held = solution.status === "optimal" ? lp : undefined;
      return { ...solution, warm: true };
    }
    this.dispose();
    const settings = withBlockStart(this.highs, lp, options);
    const model = this.highs.createModel(highsModelData(lp));
    this.model = model;
    const solution = runModel(model, lp, settings.startBasis === undefined ? settings : { ...settings, solver: "simplex" }, started);
    this.held = solution.status === "optimal" ? lp : undefined;
    return { ...solution, warm: false };
  }

  /** Frees the held model. */
  dispose(): void {
    if (!hasFaulted(this.highs)) this.model?.dispose();
    this.model = undefined;
    this.held = undefined;
  }
}
