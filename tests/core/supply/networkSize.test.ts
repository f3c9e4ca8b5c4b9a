import type { SupplyModel } from "../../../src/core/supply/model";
import { networkSizeNotice } from "../../../src/core/supply/networkSize";
import { validateSupplyModel } from "../../../src/core/supply/validateSupplyModel";
import { randomNetwork } from "./networkFixtures";

/** A network of `items` items at 5 locations over `periods` months (only its size matters here). */
function sized(items: number, periods: number): SupplyModel {
  const small = validateSupplyModel(randomNetwork(1));
  const item = small.items[0];
  return { ...small, periods, items: Array.from({ length: items * 5 }, (_, k) => ({ ...item, id: `I${k}` })) };
}

describe("networkSizeNotice", () => {
  it("says nothing for a network that plans within a minute", () => {
    expect(networkSizeNotice(sized(750, 36))).toBeUndefined();
    expect(networkSizeNotice(validateSupplyModel(randomNetwork(1)))).toBeUndefined();
  });

  it("names the size of 1,000 items x 5 locations x 36 months and the largest that fits", () => {
    const notice = networkSizeNotice(sized(1000, 36)) ?? "";
    expect(notice).toContain("5,000 stocking points over 36 months (180,000 stocking-point months)");
    expect(notice).toContain("about 750 items at 5 locations over 36 months");
  });

  it("says nothing for a single-site model however large", () => {
    const { lanes, locations, ...single } = sized(1000, 36);
    expect(lanes).toBeDefined();
    expect(locations).toBeDefined();
    expect(networkSizeNotice(single)).toBeUndefined();
  });
});
