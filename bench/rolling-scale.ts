/**
 * Speed of the rolling measures at the size of the 5,000-item cycle: 5,000 items x 24 cycles x 18
 * months of snapshots (2.16 million rows) against 24 months of actuals. Reports wall and CPU seconds of
 * each measure (the machine may be shared: compare CPU seconds) and the process's peak memory.
 *
 *   npm run build:cli && node dist-cli/bench/rolling-scale.js [items=5000] [cycles=24] [months=18]
 */

import { accuracyByLag, lagErrorSafetyStocks, planStability, valueAddedByRole, type ActualRow, type ForecastSnapshotRow } from "../src/core/rolling";

function label(month: number): string {
  return `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
}

function timed(name: string, run: () => unknown): void {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const used = process.cpuUsage(cpu);
  console.log(`${name.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s wall  ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s CPU`);
}

function main(): void {
  const [items, cycles, months] = [Number(process.argv[2] ?? 5000), Number(process.argv[3] ?? 24), Number(process.argv[4] ?? 18)];
  const snapshots: ForecastSnapshotRow[] = [];
  for (let c = 0; c < cycles; c++) {
    for (let i = 0; i < items; i++) {
      for (let h = 0; h < months; h++) {
        const statistical = 100 + ((i + 7 * c + 3 * h) % 23);
        snapshots.push({ cycle: label(c), item: `I${i}`, location: "", family: `F${i % 20}`, period: label(c + h), lag: h + 1, naive: 100, statistical, roles: i % 10 === 0 ? { Sales: statistical + 5 } : {}, consensus: statistical + (i % 10 === 0 ? 5 : 0), production: statistical });
      }
    }
  }
  const actuals: ActualRow[] = [];
  for (let m = 0; m < cycles; m++) for (let i = 0; i < items; i++) actuals.push({ item: `I${i}`, location: "", period: label(m), quantity: 90 + ((i + m) % 20) });
  console.log(`${snapshots.length.toLocaleString("en-US")} snapshot rows (${items} items x ${cycles} cycles x ${months} months), ${actuals.length.toLocaleString("en-US")} actuals`);
  timed("accuracyByLag", () => accuracyByLag(snapshots, actuals));
  timed("valueAddedByRole", () => valueAddedByRole(snapshots, actuals));
  timed("planStability", () => planStability(snapshots));
  timed("lagErrorSafetyStocks", () =>
    lagErrorSafetyStocks(
      snapshots,
      actuals,
      Array.from({ length: items }, (_, i) => ({ item: `I${i}`, leadTime: 2, serviceLevel: 0.95, holdoutRmse: 10 })),
    ),
  );
  console.log(`peak resident memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

main();
