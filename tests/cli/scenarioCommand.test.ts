import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { comparisonCsv, runScenarioCommand } from "../../src/cli/scenarioCommand";
import type { ComparisonRow, Planner } from "../../src/core/reconcile";

const model = {
  periods: 3,
  items: [{ id: "A", family: "F", price: 10, unitCost: 4, holdingCost: 0.5, backlogCost: 2, hoursPerUnit: { Line: 1 } }],
  resources: [{ id: "Line", availableHours: 100, overtimeHoursCap: 10, regularCostPerHour: 1, overtimeCostPerHour: 2 }],
  demand: { A: [80, 100, 120] },
};

/** Cost = total demand, so a +10% demand scenario costs 30 more. */
const fakePlanner: Planner = async (m) => {
  const units = m.demand.A.reduce((a, b) => a + b, 0);
  return { cost: units, revenue: 10 * units, margin: 9 * units, fillRate: 1, onTimeFillRate: 1, averageInventory: 0, peakInventory: 0, capacityUse: { Line: 50 } };
};

describe("sop scenario", () => {
  let dir: string;
  let stderr: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-scenario-"));
    fs.writeFileSync(path.join(dir, "model.json"), JSON.stringify(model));
    stderr = "";
    jest.spyOn(process.stderr, "write").mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (scenarios: unknown): string[] => {
    fs.writeFileSync(path.join(dir, "scenarios.json"), JSON.stringify(scenarios));
    return [path.join(dir, "model.json"), path.join(dir, "scenarios.json"), "--out", path.join(dir, "out", "comparison.csv")];
  };
  const output = (): string[] => fs.readFileSync(path.join(dir, "out", "comparison.csv"), "utf8").trim().split("\n");

  test("writes the side-by-side comparison as CSV", async () => {
    const args = write([{ name: "As is", changes: [] }, { name: "Demand +10%", changes: [{ kind: "demand", percent: 10 }] }]);
    expect(await runScenarioCommand(args, fakePlanner)).toBe(0);
    const lines = output();
    expect(lines[0]).toBe("figure,base,As is,As is vs base,Demand +10%,Demand +10% vs base");
    expect(lines[1]).toBe("cost,300,300,0,330,30");
    expect(lines[8]).toBe("capacity use % Line,50,50,0,50,0");
  });

  test("a scenario that cannot be planned: exit code 1, message on stderr and in the error row", async () => {
    const args = write({ scenarios: [{ name: "Typo", changes: [{ kind: "shift", resource: "Lin", hours: 8 }] }] });
    expect(await runScenarioCommand(args, fakePlanner)).toBe(1);
    expect(stderr).toContain('sop scenario: Typo: Scenario "Typo", change 1 (shift) names resource "Lin"');
    expect(output()[9]).toMatch(/^error,,"Scenario ""Typo"", change 1 \(shift\) names resource ""Lin"", which is not in the model \(known: Line\)\.",$/);
  });

  test("with the real optimiser by default", async () => {
    const args = write([{ name: "As is", changes: [] }, { name: "Shift", changes: [{ kind: "shift", resource: "Line", hours: 20 }] }]);
    expect(await runScenarioCommand(args)).toBe(0);
    const cost = output()[1].split(",");
    expect(cost[1]).toBe(cost[2]);
    expect(cost[3]).toBe("0");
  });

  test("bad command lines and files are refused in planner words", async () => {
    expect(await runScenarioCommand([path.join(dir, "model.json")], fakePlanner)).toBe(1);
    expect(stderr).toContain("Give the supply model and the scenarios");
    expect(await runScenarioCommand([path.join(dir, "model.json"), path.join(dir, "none.json")], fakePlanner)).toBe(1);
    expect(stderr).toContain("none.json does not exist");
    fs.writeFileSync(path.join(dir, "bad.json"), "{");
    expect(await runScenarioCommand([path.join(dir, "model.json"), path.join(dir, "bad.json")], fakePlanner)).toBe(1);
    expect(stderr).toContain("is not valid JSON");
    expect(await runScenarioCommand(["a", "b", "--colour", "red"], fakePlanner)).toBe(1);
    expect(stderr).toContain("Unknown option --colour");
  });

  test("never writes the comparison over the scenarios file or the model", async () => {
    const [modelFile, scenariosFile] = write([{ name: "Up", changes: [{ kind: "demand", percent: 10 }] }]);
    const scenarios = fs.readFileSync(scenariosFile, "utf8");
    for (const input of [scenariosFile, modelFile]) {
      stderr = "";
      expect(await runScenarioCommand([modelFile, scenariosFile, "--out", input], fakePlanner)).toBe(1);
      expect(stderr).toMatch(/--out must name a new file, not your input/);
    }
    expect(fs.readFileSync(scenariosFile, "utf8")).toBe(scenarios);
    expect(JSON.parse(fs.readFileSync(modelFile, "utf8"))).toEqual(model);
  });

  test("CSV cells: numbers rounded, NaN blank, text quoted when needed", () => {
    expect(comparisonCsv([["figure", "a,b"], ["x", 1 / 3], ["y", Number.NaN]])).toBe('figure,"a,b"\nx,0.333333\ny,\n');
  });

  test("CSV text that a spreadsheet would run as a formula is written as text (OWASP CSV injection), numbers untouched", () => {
    const rows: ComparisonRow[] = [['=HYPERLINK("http://x","click")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "-5", "+3.5", "a=b"], ["n", 1.5, 0, 2, 3, 4, 5, 6, 7]];
    expect(comparisonCsv(rows).split("\n")).toEqual([
      `"'=HYPERLINK(""http://x"",""click"")",'+1+1,'-2+3,'@SUM(A1),"'\tTAB","'\rCR",-5,+3.5,a=b`,
      "n,1.5,0,2,3,4,5,6,7",
      "",
    ]);
  });
});
