/**
 * Cross-validation of automatic mode on M3 TRAINING cuts only, beside R on the same cuts:
 * `npm run bench:forecast-cuts [-- --cuts 1,2,3] [--every-monthly 5] [--workers 2]`.
 * Runs forecast-m3 at each cut (cut k: the k-th block of h points back from the end of each training
 * part is scored, what precedes it is fitted; test parts never read) and prints, per subset, the
 * cut-mean sMAPE, MASE and 80% / 95% cover of `sop auto` and of R's ets, auto.arima, thetaf and their
 * mean recorded on the very same series (bench/m3-cut-reference.ts). Monthly runs on every 5th series
 * by default, as R's auto.arima on all 1,428 monthly series at three cuts takes hours.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cutReference } from "./m3-cut-reference";
import { flag } from "./m3Workers";

interface SummaryRow {
  subset: string;
  series: number;
  smape: number;
  mase: number;
  cover80: number;
  cover95: number;
}

/** The mean of a field over the runs, NaN when one is missing. */
function cutMean(rows: readonly (number | undefined)[]): number {
  return rows.some((v) => v === undefined || !Number.isFinite(v)) ? NaN : (rows as number[]).reduce((s, v) => s + v, 0) / rows.length;
}

function main(): void {
  const args = process.argv.slice(2);
  const cuts = (flag(args, "cuts") ?? "1,2,3").split(",").map(Number);
  const everyMonthly = flag(args, "every-monthly") ?? "5";
  const workers = flag(args, "workers") ?? "2";
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sop-cuts-"));
  const runs: { subset: string; every: number; cut: number; rows: SummaryRow[] }[] = [];
  for (const [subset, every] of [["yearly", "1"], ["quarterly", "1"], ["monthly", everyMonthly], ["other", "1"]]) {
    for (const cut of cuts) {
      const out = path.join(folder, `${subset}-${cut}.json`);
      execFileSync(process.execPath, [path.join(__dirname, "forecast-m3.js"), "--subset", subset, "--cut", String(cut), "--every", every, "--workers", workers, "--json-out", out]);
      runs.push({ subset, every: Number(every), cut, rows: (JSON.parse(fs.readFileSync(out, "utf8")) as { summary: SummaryRow[] }).summary });
    }
  }
  fs.rmSync(folder, { recursive: true, force: true });
  const f = (v: number, d = 3): string => (Number.isFinite(v) ? v.toFixed(d) : "");
  const lines = [`Cut-mean over training cuts ${cuts.join(", ")} (test parts never read); R on the same series (bench/m3-cut-reference.ts)`];
  for (const subset of ["yearly", "quarterly", "monthly", "other"]) {
    const own = runs.filter((r) => r.subset === subset);
    const every = own[0].every;
    const rows = own.map((r) => r.rows.find((x) => x.subset === subset));
    lines.push("", `## ${subset}${every > 1 ? ` (every ${every}th series)` : ""}, series per cut ${rows.map((r) => r?.series ?? 0).join(" / ")}`, "| method | sMAPE | MASE | 80% cover | 95% cover |", "|---|---:|---:|---:|---:|");
    lines.push(`| **sop auto** | ${f(cutMean(rows.map((r) => r?.smape)))} | ${f(cutMean(rows.map((r) => r?.mase)))} | ${f(cutMean(rows.map((r) => r?.cover80)), 1)}% | ${f(cutMean(rows.map((r) => r?.cover95)), 1)}% |`);
    const references = own.map((r, k) => cutReference(subset, r.cut, every, rows[k]?.series ?? 0));
    for (const method of references[0].map((row) => row.method)) {
      const picked = references.map((refs) => refs.find((row) => row.method === method));
      const cover = (v: number): string => (Number.isFinite(v) ? `${f(v, 1)}%` : "");
      lines.push(`| R ${method} | ${f(cutMean(picked.map((p) => p?.smape)))} | ${f(cutMean(picked.map((p) => p?.mase)))} | ${cover(cutMean(picked.map((p) => p?.cover80)))} | ${cover(cutMean(picked.map((p) => p?.cover95)))} |`);
    }
  }
  process.stdout.write(lines.join("\n") + "\n");
}

main();
