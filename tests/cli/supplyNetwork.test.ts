import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runSupplyCommand } from "../../src/cli/supplyCommand";

/** One plant P making A on 200 hours, one warehouse W selling it; lane P -> W: 1 month, 2 per unit, 100 a month. */
const network = {
  periods: 3,
  periodLabels: ["Jan", "Feb", "Mar"],
  locations: [{ id: "P", kind: "plant" }, { id: "W", kind: "warehouse" }],
  resources: [{ id: "line", location: "P", availableHours: 200 }],
  items: [
    { id: "A", location: "P", unitCost: 10, holdingCost: 1, hoursPerUnit: { line: 1 } },
    { id: "A", location: "W", holdingCost: 1, lostSalesCost: 100 },
  ],
  demand: { "A@P": [0, 0, 0], "A@W": [0, 50, 150] },
  lanes: [{ from: "P", to: "W", transitPeriods: 1, costPerUnit: 2, capacity: 100 }],
};

describe("sop supply with a network model", () => {
  let dir: string;
  let stdout: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sop-supply-network-"));
    stdout = "";
    jest.spyOn(process.stdout, "write").mockImplementation((text) => {
      stdout += String(text);
      return true;
    });
    jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes the plan with its transfers (lane, from, to, item, month shipped, month arriving, units)", async () => {
    const model = path.join(dir, "network.json");
    fs.writeFileSync(model, JSON.stringify(network));
    const out = path.join(dir, "plan.json");
    expect(await runSupplyCommand([model, "--out", out])).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(written.plan.cost.total).toBeCloseTo(2450, 6);
    expect(written.plan.transfers).toEqual([
      { lane: "P->W", from: "P", to: "W", item: "A", period: "Jan", arrives: "Feb", units: 100 },
      { lane: "P->W", from: "P", to: "W", item: "A", period: "Feb", arrives: "Mar", units: 100 },
    ]);
    expect(written.plan.items.map((i: { itemId: string; location: string }) => `${i.itemId}@${i.location}`)).toEqual(["A@P", "A@W"]);
    expect(stdout).toMatch(/optimal\s+cost\s+2,450\.00/);
  });

  it("writes chase and level plans with transfers too", async () => {
    const model = path.join(dir, "network.json");
    fs.writeFileSync(model, JSON.stringify(network));
    const out = path.join(dir, "plans.json");
    expect(await runSupplyCommand([model, "--out", out, "--strategy", "all"])).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, "utf8"));
    // chase: W asks a month ahead for what it will sell; P makes it the month it ships
    expect(written.chase.transfers.map((t: { period: string; units: number }) => [t.period, t.units])).toEqual([
      ["Jan", 50],
      ["Feb", 100],
    ]);
    expect(written.chase.items[0].production).toEqual([50, 100, 0]);
    expect(written.level.transfers.length).toBeGreaterThan(0);
    expect(written.optimal.plan.transfers).toHaveLength(2);
  });
});
