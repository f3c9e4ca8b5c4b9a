import ExcelJS from "exceljs";
import { proposeMapping } from "../../src/cycle/mapping";
import { unsplitText } from "../../src/cycle/unsplitText";
import { load } from "./mappingFixtures";

describe("an export opened without splitting it into columns", () => {
  it("finds the header line left whole in one cell, by the delimiter that splits it into periods or history columns", () => {
    expect(unsplitText([["Item;Jan 2024;Feb 2024;Mar 2024"], ["A100;1;2;3"]])).toEqual({ row: 0, col: 0, delimiter: ";", text: "Item;Jan 2024;Feb 2024;Mar 2024" });
    expect(unsplitText([["Sales export"], [null], ["Order date\tMaterial\tQuantity"]])).toMatchObject({ row: 2, delimiter: "\t" });
    expect(unsplitText([["Item", "Jan 2024", "Feb 2024"], ["A100", 1, 2]])).toBeUndefined();
    expect(unsplitText([["Notes: shipped; invoiced; paid"]])).toBeUndefined();
  });

  it("is what step 1 says when it finds no history, naming the cell and the delimiter", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("export").addRows([["Item;Jan 2024;Feb 2024;Mar 2024"], ["A100;1;2;3"], ["B200;4;5;6"]]);
    const mapping = await proposeMapping(await load(source));
    expect(mapping.history).toBeNull();
    expect(mapping.notes).toContain(
      'export!A1 holds "Item;Jan 2024;Feb 2024;Mar 2024" in one cell: a CSV or text file opened without splitting it into columns. Open it with Data > From Text/CSV (delimiter ";"), or select the column and use Data > Text to Columns, then run step 1 again.',
    );
  });
});
