import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runSupplyCommand } from "../../src/cli/supplyCommand";
import { PlanningError } from "../../src/core/errors";
import { redTomato } from "../core/supply/fixtures";

describe("sop supply", () => {
  let dir: string;
  let stdout: string;
  let stderr: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-supply-"));
    stdout = "";
    stderr = "";
    jest.spyOn(process.stdout, "write").mockImplementation((text) => {
      stdout += String(text);
      return true;
    });
    jest.spyOn(process.stderr, "write").mockImplementation((text) => {
      stderr += String(text);
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const modelFile = (model: unknown): string => {
    const file = path.join(dir, "model.json");
    fs.writeFileSync(file, JSON.stringify(model));
    return file;
  };

  it("writes the optimal plan and prints its cost", async () => {
    const out = path.join(dir, "out", "plan.json");
    expect(await runSupplyCommand([modelFile(redTomato), "--out", out])).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(written.status).toBe("optimal");
    expect(written.plan.cost.total).toBeCloseTo(422275, 2);
    // Table 8-3 carries backlog in two months: 267 unit-months wait, so not every unit ships on time
    expect(stdout).toMatch(/optimal\s+cost\s+422,275\.00\s+fill rate\s+98\.3%\s+backlog 267 unit-months/);
    expect(written.basis.columns).toMatch(/^[0-4]+$/);
    expect(written.basis.rows).toHaveLength(written.solver.constraints);
  });

  it("re-plans a changed model from the basis stored in the previous plan file, to the same optimum as from scratch", async () => {
    const previous = path.join(dir, "previous.json");
    expect(await runSupplyCommand([modelFile(redTomato), "--out", previous])).toBe(0);
    const changed = { ...redTomato, demand: { tools: [1600, 3000, 3400, 3800, 2200, 2200] } };
    const warm = path.join(dir, "warm.json");
    const cold = path.join(dir, "cold.json");
    expect(await runSupplyCommand([modelFile(changed), "--out", warm, "--from", previous])).toBe(0);
    expect(stdout).toMatch(/re-planned from the basis in .*previous\.json/);
    expect(await runSupplyCommand([modelFile(changed), "--out", cold])).toBe(0);
    const [w, c] = [warm, cold].map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
    expect(w.solver.warm).toBe(true);
    expect(c.solver.warm).toBe(false);
    expect(w.plan.cost.total).toBeCloseTo(c.plan.cost.total, 4);
  });

  it("compares all three strategies side by side", async () => {
    const out = path.join(dir, "all.json");
    expect(await runSupplyCommand([modelFile(redTomato), "--out", out, "--strategy", "all"])).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(written.summary.map((s: { strategy: string }) => s.strategy)).toEqual(["chase", "level", "optimal"]);
    expect(stdout.split("\n").filter((l) => /cost/.test(l))).toHaveLength(3);
  });

  it("prints the planner's sentence and exits 2 when no plan exists", async () => {
    const tight = { ...redTomato, workforce: { ...redTomato.workforce, maxWorkers: 50 }, items: [{ ...redTomato.items[0], subcontractCap: 0 }] };
    expect(await runSupplyCommand([modelFile(tight), "--out", path.join(dir, "p.json")])).toBe(2);
    expect(stderr).toMatch(/^sop supply: No plan meets every demand and stock target: tools is .* units short .*resource labour is full/);
    expect(fs.existsSync(path.join(dir, "p.json"))).toBe(false);
  });

  it("rejects bad arguments and models with planner-facing errors", async () => {
    await expect(runSupplyCommand([modelFile(redTomato)])).rejects.toThrow(/--out plan.json/);
    await expect(runSupplyCommand([modelFile(redTomato), "--out", "x.json", "--strategy", "best"])).rejects.toThrow(/--strategy must be one of/);
    await expect(runSupplyCommand([path.join(dir, "missing.json"), "--out", "x.json"])).rejects.toThrow(PlanningError);
    await expect(runSupplyCommand([modelFile({ ...redTomato, periods: 5 }), "--out", "x.json"])).rejects.toThrow(/demand\.tools must have one value per period \(5\)/);
  });
});
