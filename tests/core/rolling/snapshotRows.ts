import type { ForecastSnapshotRow } from "../../../src/core/rolling";

/** A snapshot row for tests: every forecast figure equal to `consensus` unless given. */
export function row(cycle: string, item: string, period: string, lag: number, figures: Partial<ForecastSnapshotRow> & { consensus: number }): ForecastSnapshotRow {
  return {
    cycle,
    item,
    location: "",
    family: "",
    period,
    lag,
    naive: figures.consensus,
    statistical: figures.consensus,
    roles: {},
    production: null,
    ...figures,
  };
}
