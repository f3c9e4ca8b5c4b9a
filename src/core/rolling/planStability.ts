import { PlanningError } from "../errors";
import type { ForecastSnapshots, ForecastSnapshotRow } from "./snapshot";

/** The figure whose stability is measured: the approved plan's production (default) or the consensus demand. */
export type StabilityFigure = "production" | "consensus";

/** How much one cycle moved the next months against the previous cycle's figures for the same months. */
export interface CycleStability {
  cycle: string;
  /** The cycle it is compared with (the one just before among those with figures). */
  previousCycle: string;
  /** The months compared ("YYYY-MM"), the cycle's first `months` months that the previous cycle also planned. */
  months: string[];
  /** Item-months compared. */
  points: number;
  /** Sum over those item-months of |this cycle's figure - the previous cycle's figure|, in units. */
  movedUnits: number;
  /** Sum of the previous cycle's figures over the same item-months. */
  previousUnits: number;
  /** movedUnits / previousUnits: 0.1 = the cycle moved the near months by 10% of what was planned; null when nothing was planned before. */
  moved: number | null;
}

/** Plan stability over the cycles. */
export interface PlanStability {
  figure: StabilityFigure;
  /** Months ahead compared (default 3). */
  months: number;
  /** One row per cycle that has a previous cycle to compare with, oldest first. */
  cycles: CycleStability[];
  /** All moved units / all previous units over every compared cycle; null when there is none. */
  averageMoved: number | null;
}

function key(row: ForecastSnapshotRow): string {
  return `${row.item}\u0000${row.location}\u0000${row.period}`;
}

function figureOf(row: ForecastSnapshotRow, figure: StabilityFigure): number | null {
  return figure === "production" ? row.production : row.consensus;
}

/**
 * Plan stability ("nervousness"): how much each cycle moved the next `months` months (default 3) of
 * the approved production (or of the consensus demand) against what the previous cycle had for the
 * same items and months. A cycle's near months are its lags 1 to `months`; the previous cycle planned
 * them at lags 2 to `months` + 1, so the month it did not reach is simply not compared. Cycles that
 * approved no plan (production null) are skipped for production, and the next cycle is compared with
 * the last one that did. A stable process moves the near months little: the factory has already bought
 * material and set shifts for them.
 * @param snapshots snapshot rows of the cycles run so far
 * @param figure production (default) or consensus
 * @param months months ahead compared (default 3, at least 1)
 * @throws PlanningError for months below 1 or a figure that is not a number
 * @example planStability(snapshots).cycles[0] // { cycle: "2026-02", previousCycle: "2026-01", movedUnits: 30, previousUnits: 300, moved: 0.1 }
 */
export function planStability(snapshots: ForecastSnapshots, figure: StabilityFigure = "production", months = 3): PlanStability {
  if (!(Number.isInteger(months) && months >= 1)) throw new PlanningError(`Plan stability compares a whole number of months from 1, not ${months}.`, "invalidNumber");
  const byCycle = new Map<string, Map<string, { row: ForecastSnapshotRow; value: number }>>();
  snapshots.forEach((row, i) => {
    const value = figureOf(row, figure);
    // a cycle's months 1..months are compared with the previous cycle's months 2..months + 1: later months never are
    if (value === null || row.lag > months + 1) return;
    if (!Number.isFinite(value)) throw new PlanningError(`Snapshot row ${i + 1} (cycle ${row.cycle}, ${row.item}, ${row.period}) has a ${figure} that is not a number.`, "invalidNumber");
    let rows = byCycle.get(row.cycle);
    if (rows === undefined) {
      rows = new Map();
      byCycle.set(row.cycle, rows);
    }
    rows.set(key(row), { row, value: (rows.get(key(row))?.value ?? 0) + value });
  });
  const cycles = [...byCycle.keys()].sort();
  const result: CycleStability[] = [];
  for (let c = 1; c < cycles.length; c++) {
    const current = byCycle.get(cycles[c]) ?? new Map();
    const previous = byCycle.get(cycles[c - 1]) ?? new Map();
    let movedUnits = 0;
    let previousUnits = 0;
    let points = 0;
    const compared = new Set<string>();
    for (const [k, { row, value }] of current) {
      const before = previous.get(k);
      if (row.lag > months || before === undefined) continue;
      movedUnits += Math.abs(value - before.value);
      previousUnits += before.value;
      points++;
      compared.add(row.period);
    }
    if (points === 0) continue;
    result.push({ cycle: cycles[c], previousCycle: cycles[c - 1], months: [...compared].sort(), points, movedUnits, previousUnits, moved: previousUnits > 0 ? movedUnits / previousUnits : null });
  }
  const moved = result.reduce((s, r) => s + r.movedUnits, 0);
  const before = result.reduce((s, r) => s + r.previousUnits, 0);
  return { figure, months, cycles: result, averageMoved: result.length > 0 && before > 0 ? moved / before : null };
}
