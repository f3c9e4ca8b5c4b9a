import { consensusSeries, consensusView } from "../../src/cycle/consensusView";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { SHEETS } from "../../src/cycle/sheets";
import { twoLocationBook } from "./locationFixture";

describe("the consensus view of one series", () => {
  it("shows the statistical forecast, each role's override alone and the consensus (last word to finance), by month", async () => {
    const book = await twoLocationBook();
    await runGatherStep(book);
    await expect(consensusSeries(book)).rejects.toThrow(/run step 2/);
    await runDemandStep(book, { horizon: 3 });
    await book.writeBlocks([
      {
        sheet: SHEETS.overrides,
        topLeft: "A2",
        values: [
          ["Sales", "A-1", "North", "2026-02", 500, null, null, "Trade fair"],
          ["Finance", "A-1", "North", "2026-02", null, -100, null, "Credit limit"],
          ["Marketing", "A-1", "North", "Jan-26", null, null, "10%", "Promotion"],
          ["Sales", "B-1", "South", "2026-01", 1, null, null, "Other series"],
        ],
      },
    ]);
    const demand = await runDemandStep(book, { horizon: 3 });
    const a1 = demand.items.find((item) => item.item === "A-1" && item.location === "North")!;
    expect((await consensusSeries(book))[0]).toEqual({ item: "A-1", location: "North" });

    const view = await consensusView(book, { item: "A-1", location: "North" });
    expect(view.periods).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(view.lines.map((line) => line.label)).toEqual(["Statistical", "sales", "marketing", "finance", "Consensus"]);
    const [statistical, sales, marketing, finance, consensus] = view.lines.map((line) => line.values);
    statistical.forEach((value, t) => expect(value).toBeCloseTo(a1.forecast[t], 0));
    expect(sales).toEqual([null, 500, null]);
    expect(marketing[0]).toBeCloseTo(statistical[0]! * 1.1, 6);
    expect([marketing[1], marketing[2]]).toEqual([null, null]);
    expect(finance[1]).toBeCloseTo(statistical[1]! - 100, 6);
    expect(consensus).toEqual(a1.consensus);
    expect(consensus[1]).toBeCloseTo(400, 2);
    expect(view.reasons).toEqual(["sales 2026-02: Trade fair", "finance 2026-02: Credit limit", "marketing 2026-01: Promotion"]);

    const plain = await consensusView(book, { item: "A-2", location: "South" });
    expect(plain.lines.map((line) => line.label)).toEqual(["Statistical", "Consensus"]);
    await expect(consensusView(book, { item: "Z-9", location: "" })).rejects.toThrow(/Z-9 is not in SOP Consensus/);
  });
});
