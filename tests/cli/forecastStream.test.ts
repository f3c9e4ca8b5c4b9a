import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Readable, Writable } from "stream";
import { forecastBatch } from "../../src/cli/forecastBatch";
import { readHistoryCsv, writeForecastCsv } from "../../src/cli/forecastCsv";
import { forecastStream } from "../../src/cli/forecastStream";

const SETTINGS = { horizon: 3, method: "auto", levels: [80, 95] };

/** Stream `text` through forecastStream and collect what it writes. */
async function streamed(text: string, settings = SETTINGS): Promise<{ csv: string; summary: Awaited<ReturnType<typeof forecastStream>> }> {
  let csv = "";
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      csv += chunk.toString();
      done();
    },
  });
  const summary = await forecastStream(Readable.from([text]), output, settings, "standard input");
  return { csv, summary };
}

/** A long history of `count` series of `length` months, each series' lines together. */
function history(count: number, length: number): string {
  const lines = ["series_id,period,value"];
  for (let s = 0; s < count; s++) {
    for (let t = 1; t <= length; t++) lines.push(`S${s},${t},${((s * 7 + t * 13) % 50) + (t % 4) * 3}`);
  }
  return lines.join("\n") + "\n";
}

describe("sop forecast on a stream", () => {
  it("writes exactly what the file run writes, series by series", async () => {
    const text = history(30, 24) + '"B, north",1,0\n"B, north",2,6\n"B, north",3,0\n"B, north",4,0\n"B, north",5,4\n"B, north",6,0\n';
    const { csv, summary } = await streamed(text);
    expect(csv).toBe(writeForecastCsv(SETTINGS.levels, forecastBatch({ ...SETTINGS, series: readHistoryCsv(text, "h.csv") }, () => {})));
    expect(summary).toEqual({ total: 31, failures: 0, firstFailures: [], fallbacks: 0 });
    expect(csv.split("\n")[1]).toMatch(/^S0,1,[\d.]+,/);
  });

  it("reads lines without a header as series_id, period, value (as Spark's RDD.pipe and Hadoop streaming pass them)", async () => {
    const text = history(3, 12);
    const headerless = text.slice(text.indexOf("\n") + 1);
    expect((await streamed(headerless)).csv).toBe((await streamed(text)).csv);
  });

  it("gives a series that comes back after another an error row for its later lines, and forecasts the rest", async () => {
    const text = "series_id,period,value\nA,1,5\nA,2,6\nA,3,7\nB,1,1\nB,2,2\nB,3,3\nA,4,8\n";
    const { csv, summary } = await streamed(text);
    const lines = csv.trim().split("\n");
    expect(lines.filter((l) => l.startsWith("A,"))).toHaveLength(3 + 1);
    expect(lines.filter((l) => l.startsWith("B,"))).toHaveLength(3);
    expect(lines[lines.length - 1]).toMatch(/^A,,,,,,,"error: series A appears again at standard input, line 8, after other series: .*sort it by series_id/);
    expect(summary.failures).toBe(1);
  });

  it("falls back per series and names a bad value's line, without stopping", async () => {
    const text = "series_id,period,value\nP,1,0\nP,2,0\nP,3,4\nP,4,0\nQ,1,3\nQ,2,x\nR,1,2\nR,2,0\nR,3,3\nR,4,1\n";
    const { csv, summary } = await streamed(text, { ...SETTINGS, method: "sba" });
    expect(summary).toMatchObject({ total: 3, failures: 1, fallbacks: 1 });
    expect(summary.firstFailures).toEqual([expect.stringMatching(/series Q: standard input, line 7: the value "x" of series Q is not a number/)]);
    expect(csv).toMatch(/\nP,1,[\d.]+,.*fallback: sba could not fit/);
    expect(csv).toMatch(/\nR,3,[\d.]+,[^\n]*Croston \(SBA\)\n/);
  });

  it("rejects a stream with no history lines", async () => {
    await expect(streamed("series_id,period,value\n")).rejects.toThrow(/standard input holds no history rows/);
  });
});

describe("sop forecast spread over GNU parallel", () => {
  const sop = path.join(__dirname, "..", "..", "bin", "sop.js");
  const args = ["forecast", "-", "--horizon", "6", "--season", "1", "--method", "ses"];

  it("streams into --out through a temporary file, leaving only the finished output", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-stream-out-"));
    try {
      const out = path.join(dir, "sub", "forecasts.csv");
      const run = spawnSync(process.execPath, [sop, ...args, "--out", out], { input: history(50, 12) });
      expect(run.status).toBe(0);
      expect(run.stdout.toString()).toBe("");
      expect(fs.readFileSync(out, "utf8").trim().split("\n")).toHaveLength(1 + 50 * 6);
      expect(fs.readdirSync(path.dirname(out))).toEqual(["forecasts.csv"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("forecasts 100,000 series in two processes exactly as in one", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-parallel-"));
    try {
      const input = path.join(dir, "history.csv");
      fs.writeFileSync(input, history(100_000, 12));
      const single = spawnSync(process.execPath, [sop, ...args], { input: fs.readFileSync(input), maxBuffer: 1 << 30 });
      expect(single.status).toBe(0);
      const command = `parallel --pipe --header : --colsep , --group-by series_id --block 2M -j2 --keep-order ${process.execPath} ${sop} ${args.join(" ")} < ${input}`;
      const spread = spawnSync("bash", ["-c", command], { maxBuffer: 1 << 30 });
      expect(spread.stderr.toString()).not.toMatch(/error/i);
      expect(spread.status).toBe(0);
      const header = single.stdout.toString().split("\n")[0];
      const merged = spread.stdout
        .toString()
        .split("\n")
        .filter((line, i) => i === 0 || line !== header)
        .join("\n");
      expect(merged.split("\n")).toHaveLength(1 + 100_000 * 6 + 1);
      expect(merged).toBe(single.stdout.toString());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
