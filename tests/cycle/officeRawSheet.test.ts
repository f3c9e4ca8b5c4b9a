import { addRawSheet, officeCycleCosts, RAW_SHEET } from "../workbook/fakeCycle";
import { FakeExcel, PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from "../workbook/fakeExcel";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";

/** A header and a sample: what proposing a mapping may read of a sheet it does not map. */
const SAMPLE_CELLS = 200 * 6;

describe("a 1,000,000-row raw-data sheet beside the mapped tables", () => {
  test("steps 1-6 read its header and a sample at most, and every request and response stays within Excel's limits", async () => {
    const costs = await officeCycleCosts(10, undefined, 1_000_000);
    expect(costs.map((cost) => cost.step)).toEqual(["1 gather", "2 demand", "3 supply", "4 reconcile", "5 present", "6 monitor"]);
    // Step 1 looks at the sheet when it proposes the mapping: the sheet is there and reached.
    expect(costs[0].rawCellsRead).toBeGreaterThan(0);
    for (const cost of costs) {
      expect({ step: cost.step, rawCellsRead: Math.min(cost.rawCellsRead, SAMPLE_CELLS) }).toEqual({ step: cost.step, rawCellsRead: cost.rawCellsRead });
      expect(cost.largestRequest.bytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(cost.largestResponse.bytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(cost.largestResponse.cells).toBeLessThanOrEqual(READ_CELL_LIMIT);
    }
  }, 600_000);

  test("the strict fake gives the sheet its full extent, counts the cells read of it, and refuses one read of all of it", async () => {
    const fake = new FakeExcel();
    addRawSheet(fake, 1_000_000);
    const book = new OfficeWorkbook(fake.runner);
    expect(await book.extent(RAW_SHEET)).toEqual({ rows: 1_000_001, columns: 6 });
    await expect(
      fake.runner({ delayForCellEdit: true }, async (context) => {
        const range = context.workbook.worksheets.getItem(RAW_SHEET).getRange("A1:F1000001").load("values");
        await context.sync();
        return range.values.length;
      }),
    ).rejects.toThrow(/reads at most 5,000,000/);
    const header = await fake.runner({ delayForCellEdit: true }, async (context) => {
      const range = context.workbook.worksheets.getItem(RAW_SHEET).getRange("A1:F2").load("values");
      await context.sync();
      return range.values;
    });
    expect(header[0]).toEqual(["Order Date", "Order No", "Customer", "SKU", "Ship-from", "Qty"]);
    expect(fake.cellsRead.get(RAW_SHEET)).toBe(12);
  });
});
