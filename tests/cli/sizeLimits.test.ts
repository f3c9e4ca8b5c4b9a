import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { redTomato } from "../core/supply/fixtures";
import { captureOutput, type CommandRun } from "./captureOutput";

/** Run `sop` with the given arguments, capturing what it prints. */
function sop(...args: string[]): Promise<CommandRun> {
  return captureOutput(() => main(args));
}

describe("size limits answered before any work", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-size-"));
  const huge = path.join(dir, "huge.json");
  fs.writeFileSync(huge, JSON.stringify({ ...redTomato, periods: 1e9 }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("sop supply refuses periods: 1e9 with the field, the value and the limit, exit 1, writing nothing", async () => {
    const out = path.join(dir, "plan.json");
    const result = await sop("supply", huge, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("sop supply: periods is 1,000,000,000; a plan has at most 120 periods (ten years of months). Plan a shorter horizon, or in quarters.\n");
    expect(fs.existsSync(out)).toBe(false);
  });

  test("sop scenario refuses the same model the same way", async () => {
    const scenarios = path.join(dir, "scenarios.json");
    fs.writeFileSync(scenarios, JSON.stringify([{ name: "Demand +10%", demandFactor: 1.1 }]));
    const result = await sop("scenario", huge, scenarios);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sop scenario: periods is 1,000,000,000; a plan has at most 120 periods/);
    expect(result.stdout).toBe("");
  });

  test("sop forecast refuses a horizon beyond its limit", async () => {
    const history = path.join(dir, "history.csv");
    fs.writeFileSync(history, "series_id,period,value\nA,2024-01,1\nA,2024-02,2\n");
    const result = await sop("forecast", history, "--horizon", "1000000000", "--out", path.join(dir, "f.csv"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sop forecast: The horizon must be a whole number of periods from 1 to 120; got 1000000000\./);
  });
});
