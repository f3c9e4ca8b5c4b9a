/**
 * `sop gather` at scale: a seeded CSV of 10 million order lines (bench/orderLinesData: 5,000 item x
 * location pairs, 3 years, 5,000 customers, requested and delivery dates, delivered quantities, one
 * unreadable quantity per million lines) is generated into the system's temporary folder (not timed), then imported into a
 * monthly history of the sample workbook by `sop gather` in a child process, which reports its wall
 * time and peak memory (max RSS, DuckDB's native memory included).
 *
 *   npm run bench:gather                      10 million lines; writes out/bench-gather.json
 *   node dist-cli/bench/gather.js --lines 1000000
 */
import { fork } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { writeOrderLines } from "./orderLinesData";

const ROOT = path.join(__dirname, "..", "..");

/** What the child reports: wall and CPU time of the import, its peak memory, and the machine's load meanwhile. */
interface Measured {
  code: number;
  seconds: number;
  cpuSeconds: number;
  peakMegabytes: number;
  loadAverage: number;
}

/** In the child: run `sop gather` once and send its time and peak memory. */
async function measure(csv: string, out: string): Promise<void> {
  const start = process.hrtime.bigint();
  const code = await main(["gather", csv, "--into", path.join(ROOT, "assets", "sample-sop.xlsx"), "--out", out]);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.send?.({ code, seconds, cpuSeconds, peakMegabytes: Math.round(usage.maxRSS / 1024), loadAverage: os.loadavg()[0] });
}

async function run(): Promise<void> {
  const lineArg = process.argv.indexOf("--lines");
  const lines = lineArg > 0 ? Number(process.argv[lineArg + 1]) : 10_000_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-bench-gather-"));
  const csv = path.join(dir, "order-lines.csv");
  try {
    process.stdout.write(`generating ${lines.toLocaleString("en-US")} order lines into ${csv} (not timed) ...\n`);
    await writeOrderLines(csv, lines);
    const megabytes = Math.round(fs.statSync(csv).size / 1e6);
    process.stdout.write(`${megabytes} MB; importing with sop gather into a monthly history ...\n`);
    const child = fork(__filename, ["--measure", csv, path.join(dir, "gathered.xlsx")], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const result = await new Promise<Measured>((resolve, reject) => {
      child.once("message", (message) => resolve(message as Measured));
      child.once("exit", (code) => reject(new Error(`the import stopped (exit ${code}) before reporting`)));
    });
    const figures = { lines, csvMegabytes: megabytes, cores: os.cpus().length, ...result, targetSeconds: 30, targetMegabytes: 1024 };
    process.stdout.write(
      `\n${lines.toLocaleString("en-US")} order lines (${megabytes} MB CSV): ${result.seconds.toFixed(1)} s (${result.cpuSeconds.toFixed(1)} CPU-s), ` +
        `peak memory ${result.peakMegabytes} MB (target under 30 s and 1,024 MB), load average ${result.loadAverage.toFixed(1)}, exit ${result.code}\n`,
    );
    fs.mkdirSync(path.join(ROOT, "out"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "out", "bench-gather.json"), `${JSON.stringify(figures, null, 2)}\n`);
    if (result.code !== 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--measure") void measure(process.argv[3], process.argv[4]);
else void run();
