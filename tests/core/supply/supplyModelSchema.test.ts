import * as fs from "fs";
import * as path from "path";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  $ref?: string;
}

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "../../../docs/supply-model.schema.json"), "utf8")) as SchemaNode & { $defs: Record<string, SchemaNode> };

/** Every documented field set to a valid value. */
function everyField(node: SchemaNode, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(node.properties ?? {})) {
    if (key in overrides) out[key] = overrides[key];
    else if (field.type === "boolean") out[key] = false;
    else if (field.type === "string") out[key] = "x";
    else if (field.type === "object") out[key] = {};
    else out[key] = 1;
  }
  return out;
}

describe("docs/supply-model.schema.json", () => {
  it("documents exactly the fields validateSupplyModel accepts, network fields included", () => {
    const item = everyField(schema.$defs.item, { id: "A", location: "P", made: true, backlogAllowed: true, hoursPerUnit: { R: 1 } });
    const resource = everyField(schema.$defs.resource, { id: "R", location: "P" });
    const workforce = everyField(schema.$defs.workforce, { resource: "R" });
    const timeFence = everyField(schema.$defs.timeFence, { periods: 1, production: { "A@P": [3] } });
    const locations = [everyField(schema.$defs.location, { id: "P", kind: "plant" }), { id: "W", kind: "warehouse" }];
    const lanes = [everyField(schema.$defs.lane, { from: "P", to: "W" })];
    const scheduledReceipts = [everyField(schema.$defs.scheduledReceipt, { item: "A", location: "P" })];
    const model = everyField(schema, {
      periods: 2, periodLabels: ["a", "b"], items: [item], resources: [resource], demand: { "A@P": [1, 2] }, workforce, timeFence, mipGap: 0.01, locations, lanes, scheduledReceipts,
    });
    expect(() => validateSupplyModel(model)).not.toThrow();
    expect(Object.keys(model).sort()).toEqual(["demand", "items", "lanes", "locations", "mipGap", "periodLabels", "periods", "resources", "scheduledReceipts", "timeFence", "workforce"]);
    expect(Object.keys(item)).toEqual(expect.arrayContaining(["location", "made", "productionLeadTime", "volumePerUnit", "backlogCap"]));
    expect(() => validateSupplyModel({ ...model, timeFence: { ...timeFence, undocumented: 1 } })).toThrow(/timeFence\.undocumented is not a known field/);
    expect(() => validateSupplyModel({ ...model, items: [{ ...item, undocumented: 1 }] })).toThrow(/items\[0\]\.undocumented is not a known field/);
    expect(() => validateSupplyModel({ ...model, lanes: [{ ...lanes[0], undocumented: 1 }] })).toThrow(/lanes\[0\]\.undocumented is not a known field/);
  });
});
