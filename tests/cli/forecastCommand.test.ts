import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runForecastCommand } from "../../src/cli/forecastCommand";
import { readHistoryCsv } from "../../src/cli/forecastCsv";
import { captureOutput } from "./captureOutput";

/** Run the command with its output captured. */
function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return captureOutput(() => runForecastCommand(args));
}

describe("sop forecast", () => {
  let dir: string;
  let history: string;
  let out: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-forecast-"));
    history = path.join(dir, "history.csv");
    out = path.join(dir, "out", "forecasts.csv");
    const rows = ["series_id,period,value,comment"];
    for (let t = 1; t <= 24; t++) rows.push(`A,${t},${t === 5 ? "" : 100 + 2 * t + (t % 4) * 5},x`);
    for (let t = 1; t <= 12; t++) rows.push(`"B, north",${t},${t % 3 === 0 ? 6 : 0},`);
    fs.writeFileSync(history, rows.join("\n") + "\n");
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes forecasts with one pair of bounds per level and the model, for every series", async () => {
    const { code } = await run([history, "--horizon", "3", "--season", "4", "--out", out]);
    expect(code).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("series_id,step,forecast,lo80,hi80,lo95,hi95,model");
    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[1].startsWith("A,1,")).toBe(true);
    expect(lines[4].startsWith('"B, north",1,')).toBe(true);
    expect(lines[4]).toMatch(/,"Weighted \([^"]*\)"$/);
    const [, , forecast, lo80, hi80, lo95, hi95] = lines[1].split(",").map(Number);
    expect(lo95).toBeLessThanOrEqual(lo80);
    expect(lo80).toBeLessThanOrEqual(forecast);
    expect(forecast).toBeLessThanOrEqual(hi80);
    expect(hi80).toBeLessThanOrEqual(hi95);
  });

  it("honours --method and --level", async () => {
    const { code } = await run([history, "--horizon", "2", "--method", "naive", "--level", "90", "--out", out]);
    expect(code).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("series_id,step,forecast,lo90,hi90,model");
    expect(lines[1]).toMatch(/^A,1,148,.*,Naive$/);
  });

  it.each([
    [["--horizon", "0"], /horizon must be a whole number/],
    [["--horizon", "3", "--level", "80,150"], /strictly between 0 and 100/],
    [["--horizon", "3", "--method", "magic"], /Unknown forecast method "magic"/],
    [["--horizon", "3", "--season", "x"], /season length must be a whole number/],
    [["--horizon", "3", "--colour", "red"], /Unknown option --colour/],
  ])("reports %p in planner words with exit code 1", async (extra, message) => {
    const { code, stderr } = await run([history, ...extra, "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("asks for --out, --horizon and an existing file", async () => {
    expect((await run([history, "--horizon", "3"])).stderr).toMatch(/--out/);
    expect((await run([history, "--out", out])).stderr).toMatch(/--horizon/);
    expect((await run([path.join(dir, "nope.csv"), "--horizon", "3", "--out", out])).stderr).toMatch(/does not exist/);
  });

  it("forecasts a series the method cannot fit in automatic mode, says so, and still forecasts the others", async () => {
    const { code, stderr } = await run([history, "--horizon", "2", "--method", "snaive", "--season", "13", "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/1 of 2 series were forecast in automatic mode/);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1 + 2 * 2);
    expect(lines[1]).toMatch(/^A,1,[\d.]+,.*,Seasonal naive \(m=13\)$/);
    expect(lines[3]).toMatch(/^"B, north",1,[\d.]+,.*\(fallback: snaive could not fit: .*needs at least 14 periods.*\)"$/);
  });

  it("gives spare parts with fewer than two non-zero months an automatic forecast instead of failing the run (Croston/SBA/TSB)", async () => {
    const rows = ["series_id,period,value"];
    for (let t = 1; t <= 24; t++) rows.push(`P1,${t},${t % 4 === 0 ? 3 : 0}`);
    for (let t = 1; t <= 24; t++) rows.push(`P2,${t},${t === 7 ? 5 : 0}`);
    for (let t = 1; t <= 24; t++) rows.push(`P3,${t},0`);
    fs.writeFileSync(history, rows.join("\n") + "\n");
    for (const method of ["croston", "sba", "tsb"]) {
      const { code } = await run([history, "--horizon", "3", "--method", method, "--out", out]);
      expect(code).toBe(0);
      const lines = fs.readFileSync(out, "utf8").trim().split("\n").slice(1);
      expect(lines.filter((l) => l.startsWith("P1,"))).toHaveLength(3);
      expect(lines.filter((l) => l.startsWith("P1,")).every((l) => !l.includes("fallback"))).toBe(true);
      for (const id of ["P2", "P3"]) {
        const mine = lines.filter((l) => l.startsWith(`${id},`));
        expect(mine).toHaveLength(3);
        expect(mine[0]).toMatch(new RegExp(`fallback: ${method} could not fit`));
        expect(Number(mine[0].split(",")[2])).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("writes an error row for a series nothing can forecast, and forecasts every other series", async () => {
    fs.writeFileSync(history, "series_id,period,value\nA,1,10\nA,2,abc\nA,3,12\nE,1,\nE,2,\nB,1,5\nB,2,6\nB,3,7\n");
    const { code, stderr } = await run([history, "--horizon", "2", "--out", out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/series A: history.csv, line 3: the value "abc" of series A is not a number/);
    expect(stderr).toMatch(/2 of 3 series could not be forecast/);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toEqual([
      "series_id,step,forecast,lo80,hi80,lo95,hi95,model",
      expect.stringMatching(/^A,,,,,,,"error: history.csv, line 3: the value ""abc"" of series A is not a number/),
      expect.stringMatching(/^E,,,,,,,error: .*history/),
      expect.stringMatching(/^B,1,[\d.]+,/),
      expect.stringMatching(/^B,2,[\d.]+,/),
    ]);
  });

  it("takes the season length from the period labels when --season is not given, and --season over them", async () => {
    // Three years of a 12-period pattern 10, 20, ..., 120. Seasonal naive repeats the last season: as
    // quarters (season 4) the last four values 90, 100, 110, 120; as months or detected (12) 10, 20, 30.
    const quarters = Array.from({ length: 36 }, (_, t) => `Q,${2015 + Math.floor(t / 4)}-Q${(t % 4) + 1},${10 * ((t % 12) + 1)}`);
    const numbered = Array.from({ length: 36 }, (_, t) => `N,${t + 1},${10 * ((t % 12) + 1)}`);
    fs.writeFileSync(history, ["series_id,period,value", ...quarters, ...numbered].join("\n") + "\n");
    const firstSteps = (series: string): number[] =>
      fs.readFileSync(out, "utf8").trim().split("\n").filter((line) => line.startsWith(`${series},`)).map((line) => Number(line.split(",")[2]));
    expect((await run([history, "--horizon", "3", "--method", "snaive", "--out", out])).code).toBe(0);
    expect(firstSteps("Q")).toEqual([90, 100, 110]);
    expect(firstSteps("N")).toEqual([10, 20, 30]);
    expect((await run([history, "--horizon", "3", "--method", "snaive", "--season", "12", "--out", out])).code).toBe(0);
    expect(firstSteps("Q")).toEqual([10, 20, 30]);
  });

  it("reads a European export: fields separated by semicolons, decimals written with a comma", () => {
    const european = readHistoryCsv("series_id;period;value\nA;2024-01;12,5\nA;2024-02;1.234,75\nA;2024-03;7\nA;2024-04;\n", "eu.csv");
    expect(european).toEqual([{ id: "A", values: [12.5, 1234.75, 7, null], periods: ["2024-01", "2024-02", "2024-03", "2024-04"] }]);
    expect(readHistoryCsv("series_id;period;value\nA;2024-01;1,2,3\n", "eu.csv")[0].problem).toMatch(/eu.csv, line 2: the value "1,2,3" of series A is not a number/);
    expect(readHistoryCsv('series_id,period,value\nA,2024-01,"12,5"\n', "us.csv")[0].problem).toMatch(/the value "12,5" of series A is not a number/);
  });

  it("reads tab-separated files, and NA, NaN, #N/A, NULL (as R, pandas, databases and Excel write a missing value) as missing", () => {
    expect(readHistoryCsv("series_id\tperiod\tvalue\nA\t2024-01\t12.5\nA\t2024-02\tNA\nA\t2024-03\t7\n", "r.tsv")).toEqual([
      { id: "A", values: [12.5, null, 7], periods: ["2024-01", "2024-02", "2024-03"] },
    ]);
    const markers = readHistoryCsv("series_id,period,value\nB,1,NaN\nB,2,#N/A\nB,3,null\nB,4,n/a\nB,5,<NA>\nB,6,4\n", "pandas.csv");
    expect(markers).toEqual([{ id: "B", values: [null, null, null, null, null, 4], periods: ["1", "2", "3", "4", "5", "6"] }]);
  });

  it("gives a series with a value beyond ±1e15 an error row naming the line, as the functions refuse such a cell", () => {
    expect(readHistoryCsv("series_id,period,value\nA,1,12\nA,2,1e300\nA,3,13\n", "h.csv")[0].problem).toBe(
      "h.csv, line 3: the value 1e300 of series A is beyond the ±1e15 a forecast takes: check it for a unit or scale mistake.",
    );
  });

  it("names the line of a value that is not a number", () => {
    expect(readHistoryCsv("series_id,period,value\nA,1,12\nA,2,abc\n", "h.csv")[0].problem).toMatch(/h.csv, line 3: the value "abc" of series A is not a number/);
    expect(() => readHistoryCsv("id,period,value\n", "h.csv")).toThrow(/no "series_id" column/);
  });
});
