import * as fs from "fs";
import * as path from "path";
import * as functionsModule from "../../src/functions/functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { functionReference, withReference } = require("../../scripts/function-reference.js") as {
  functionReference: (metadata: Metadata) => string;
  withReference: (readme: string, reference: string) => string;
};

interface Metadata {
  functions: { id: string; name: string; description: string; parameters: { name: string; optional?: boolean }[] }[];
}

const root = path.join(__dirname, "..", "..");
const metadataFile = path.join(root, "dist", "functions.json");

describe("functions.json generated from the JSDoc by the webpack build", () => {
  const metadata: Metadata = JSON.parse(fs.readFileSync(metadataFile, "utf8"));
  const byId = new Map(metadata.functions.map((fn) => [fn.id, fn]));

  test("lists every SOP function with its parameters in order", () => {
    const expected: Record<string, string[]> = {
      GAP: ["demand", "supply", "mode", "price", "blanksAsZero"],
      ACCURACY: ["actual", "forecast", "metric", "history", "seasonLength"],
      FORECAST: ["history", "horizon", "seasonLength", "method", "level", "familySeason"],
      "FORECAST.MODEL": ["history", "seasonLength", "method"],
      SEASONALITY: ["history"],
      CLEAN: ["history", "method", "seasonLength"],
      FINANCIALS: ["plan", "price", "cost", "holdingRate"],
      DISAGGREGATE: ["total", "weights", "decimals"],
      RECONCILE: ["forecasts", "hierarchy", "method", "errors", "history"],
      FVA: ["actual", "naive", "statistical", "consensus", "metric"],
      ABCXYZ: ["history", "values"],
      INVENTORY: ["opening", "supply", "demand", "mode"],
      SAFETYSTOCK: ["history", "leadTime", "serviceLevel", "leadTimeStd"],
      CAPACITY: ["load", "available"],
      SUPPLYPLAN: ["demand", "capacity", "costs", "overtimeCapacity", "openingInventory", "strategy"],
    };
    expect([...byId.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [id, parameters] of Object.entries(expected)) {
      expect(byId.get(id)?.parameters.map((p) => p.name)).toEqual(parameters);
      expect(byId.get(id)?.description.length).toBeGreaterThan(20);
    }
    expect(byId.get("GAP")?.parameters.filter((p) => p.optional).map((p) => p.name)).toEqual(["mode", "price", "blanksAsZero"]);
  });

  test("every exported function of the module has an entry, and the module imports in Node without CustomFunctions", () => {
    expect(typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBe("undefined");
    const exported = Object.values(functionsModule).filter((value) => typeof value === "function");
    expect(exported).toHaveLength(metadata.functions.length);
  });

  test("the README's function reference is the one generated from this metadata", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    expect(withReference(readme, functionReference(metadata))).toBe(readme);
  });
});
