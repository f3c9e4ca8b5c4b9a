import ExcelJS from "exceljs";
import { PlanningError } from "../../src/core/errors";
import { isLines, type SeriesMapping } from "../../src/cycle/historyLayout";
import { readHistory, type HistoryReading } from "../../src/cycle/historyReader";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { currentMapping } from "../../src/cycle/mappedData";
import { loadMapping, proposeMapping } from "../../src/cycle/mapping";
import { acceptHistory, choiceOf, editorStart, headerOptions, historyFromChoice, historySample, keyOptions, mappableBlocks, measureOptions, previewChoice, startingMapping, type HistoryChoice } from "../../src/cycle/mappingEdit";
import { readPlanningData } from "../../src/cycle/planningData";
import { validateData } from "../../src/cycle/validate";
import { exportBook, load } from "./mappingFixtures";

const LABELS = ["2025-01", "2025-02", "2025-03", "2025-04"];

/** What the editor would save for that export: header row 3, item A, location B, customer C, periods D to G, months. */
const CORRECTED: HistoryChoice = { reference: "Export", layout: "periodsAcross", headerLine: 2, item: 0, location: 1, customer: 2, firstPeriod: 3, lastPeriod: 6, bucket: "month" };

function quantities(reading: HistoryReading): Record<string, (number | null)[]> {
  return Object.fromEntries(reading.series.map((series) => [`${series.item}|${series.location}`, series.history]));
}

describe("the mapping editor's corrections, read exactly", () => {
  it("the proposal gets the export wrong: outlets and accounts read as duplicate rows", async () => {
    const book = await load(await exportBook());
    const proposal = await proposeMapping(book);
    const reading = await readHistory(book, proposal.history!, "month");
    expect(reading.problems.some((problem) => problem.kind === "duplicate")).toBe(true);
    expect(reading.reconciliation.quantityUsed).toBeLessThan(reading.reconciliation.quantityIn);
  });

  it("offers the header rows and the columns of the sample as the drop-downs' entries", async () => {
    const book = await load(await exportBook());
    const sample = await historySample(book, "Export");
    expect(headerOptions(sample, "periodsAcross")[2].label).toBe("Row 3: Material, Outlet, Key account, Jan 2025, ...");
    expect(keyOptions(sample, { layout: "periodsAcross", headerLine: 2 }).map((option) => option.label)).toEqual([
      "A: Material",
      "B: Outlet",
      "C: Key account",
      "D: Jan 2025",
      "E: Feb 2025",
      "F: Mar 2025",
      "G: Apr 2025",
      "H: FY total",
    ]);
  });

  it("corrected (location, customer, periods D to G), every series is read exactly, summed over customers, with totals by customer", async () => {
    const book = await load(await exportBook());
    const { history, reading } = await previewChoice(book, CORRECTED);
    expect(history).toMatchObject({ corrected: true, keyLine: 0, locationLine: 1, customerLine: 2, periodLines: [3, 4, 5, 6], periods: LABELS });
    expect(reading.periods).toEqual(LABELS);
    expect(quantities(reading)).toEqual({ "M-1|Lyon": [11, 13, 15, 17], "M-1|Nice": [5, 5, 5, 5], "M-2|Lyon": [7, 0, 7, 0], "M-2|Nice": [2, 4, 6, 8] });
    expect(reading.problems).toEqual([]);
    expect(reading.reconciliation).toMatchObject({ rowsRead: 5, rowsUsed: 5, rowsLeftOut: 0, quantityIn: 110, quantityUsed: 110, quantityLeftOut: 0 });
    expect(reading.byCustomer).toEqual([
      { customer: "Acme", channel: "", quantity: 86 },
      { customer: "Bolt", channel: "", quantity: 24 },
    ]);
    const validation = await validateData(book, { version: 1, history, items: null, resources: null, capacity: null }, reading.problems);
    expect(validation.errors).toBe(0);
  });

  it("honours the first and last period, the header row and the bucket the planner sets", async () => {
    const book = await load(await exportBook());
    const two = await previewChoice(book, { ...CORRECTED, firstPeriod: 4, lastPeriod: 5 });
    expect(two.reading.periods).toEqual(["2025-02", "2025-03"]);
    expect(quantities(two.reading)["M-1|Lyon"]).toEqual([13, 15]);
    await expect(historyFromChoice(book, { ...CORRECTED, lastPeriod: 7 })).rejects.toThrow(/Export!H3 \("FY total"\) is not a period/);
    await expect(historyFromChoice(book, { ...CORRECTED, headerLine: 0 })).rejects.toThrow(/Export!D1 \(""\) is not a period/);
    await expect(historyFromChoice(book, { ...CORRECTED, location: 3 })).rejects.toThrow(/Column D is both a key and a period/);
    await expect(historyFromChoice(book, { ...CORRECTED, customer: 0 })).rejects.toThrow(PlanningError);
    await expect(historyFromChoice(book, { ...CORRECTED, bucket: "week" })).rejects.toThrow(/by month; it cannot be planned in weeks/);
  });

  it("the accepted mapping is saved, read by step 1's reader, and never proposed over next cycle", async () => {
    const book = await load(await exportBook());
    const history = await historyFromChoice(book, CORRECTED);
    await acceptHistory(book, history, "month");
    expect((await loadMapping(book))?.history).toMatchObject({ corrected: true, customerLine: 2 });
    const data = await readPlanningData(book, (await currentMapping(book))!);
    expect(data.series.map((series) => `${series.item}|${series.location}`)).toEqual(["M-1|Lyon", "M-1|Nice", "M-2|Lyon", "M-2|Nice"]);

    const nextCycle = await load(await exportBook(true));
    await nextCycle.setMetadata("mapping", (await book.getMetadata("mapping"))!);
    const fixed = (await currentMapping(nextCycle))?.history as SeriesMapping;
    expect(fixed).toMatchObject({ corrected: true, locationLine: 1, customerLine: 2, periodLines: [3, 4, 5, 6], periods: LABELS });
  });

  it("periods to the last period header stop before the total column, and next cycle takes the month added", async () => {
    const book = await load(await exportBook());
    const openEnded = { ...CORRECTED, lastPeriod: undefined };
    await acceptHistory(book, await historyFromChoice(book, openEnded), "month");
    expect((await loadMapping(book))?.history).toMatchObject({ openEnded: true, periodLines: [3, 4, 5, 6], periods: LABELS });
    const nextCycle = await load(await exportBook(true));
    await nextCycle.setMetadata("mapping", (await book.getMetadata("mapping"))!);
    const kept = (await currentMapping(nextCycle))?.history as SeriesMapping;
    expect(kept).toMatchObject({ corrected: true, locationLine: 1, customerLine: 2, periodLines: [3, 4, 5, 6, 7] });
    expect(kept.periods).toEqual([...LABELS, "2025-05"]);
    expect(choiceOf(kept, "month")).toEqual(openEnded);
    const reading = await readHistory(nextCycle, kept, "month");
    expect(quantities(reading)["M-1|Lyon"]).toEqual([11, 13, 15, 17, 200]);
  });

  it("periods to the last period header when every header carries the measure ('Qty Jan 2025'): all four months, the total left out", async () => {
    const book = await load(await exportBook());
    ["D3", "E3", "F3", "G3"].forEach((cell, k) => book.setCell("Export", cell, `Qty ${["Jan", "Feb", "Mar", "Apr"][k]} 2025`));
    const history = await historyFromChoice(book, { ...CORRECTED, lastPeriod: undefined });
    expect(history).toMatchObject({ periodLines: [3, 4, 5, 6], periods: LABELS });
  });

  it("step 1 runs on the corrected mapping: by item and location, customers kept for reporting and said so", async () => {
    const book = await load(await exportBook());
    await acceptHistory(book, await historyFromChoice(book, CORRECTED), "month");
    const { report, mapping } = await runGatherStep(book);
    expect(mapping.history?.corrected).toBe(true);
    expect(report.blocking ?? []).toEqual([]);
    expect(report.summary).toMatch(/^Found 2 items at 2 locations \(4 item x location series\) with 4 periods/);
    expect(report.messages?.map((message) => message.text)).toContain(
      'The history names 2 customers: they are kept for reporting, not as a key; each item\'s series is the sum over them (totals in "History by customer").',
    );
    expect(report.tables?.find((table) => table.title === "History by customer")?.rows).toEqual([
      ["Acme", "", 86],
      ["Bolt", "", 24],
      ["Total", "", 110],
    ]);
  });

  it("a band of months per location, accepted as proposed, keeps every band's location (the first's too)", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Pivot").addRows([
      ["Plant", "North", null, null, "South", null, null],
      ["Item", "Jan 2025", "Feb 2025", "Mar 2025", "Jan 2025", "Feb 2025", "Mar 2025"],
      ["CH-101", 1, 2, 3, 4, 5, 6],
    ]);
    const book = await load(source);
    const proposal = await proposeMapping(book);
    const accepted = await historyFromChoice(book, choiceOf(proposal.history!, "month"), proposal.history);
    expect(quantities(await readHistory(book, accepted, "month"))).toEqual({ "CH-101|North": [1, 2, 3], "CH-101|South": [4, 5, 6] });
  });

  it("a report listing its newest month first reads oldest first through the editor, and stays closed to months added at its left", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Report").addRows([
      ["Material", "Mar 2025", "Feb 2025", "Jan 2025", "YTD"],
      ["CH-101", 3, 2, 1, 6],
    ]);
    const book = await load(source);
    const proposal = (await proposeMapping(book)).history as SeriesMapping;
    expect(proposal).toMatchObject({ periodLines: [3, 2, 1], periods: ["2025-01", "2025-02", "2025-03"] });
    const choice = choiceOf(proposal, "month");
    expect(choice).toMatchObject({ firstPeriod: 1, lastPeriod: 3 });
    const { history, reading } = await previewChoice(book, choice, proposal);
    expect(history).toMatchObject({ periodLines: [3, 2, 1], periods: ["2025-01", "2025-02", "2025-03"] });
    expect(quantities(reading)).toEqual({ "CH-101|": [1, 2, 3] });
    const openChoice = { ...choice, lastPeriod: undefined };
    expect((await historyFromChoice(book, openChoice, proposal)) as SeriesMapping).not.toHaveProperty("openEnded");
  });

  it("order lines: the planner's date, item, quantity and customer columns are read as set", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Lines");
    sheet.getRow(1).values = ["When", "What", "Who", "How many"];
    [
      [new Date(Date.UTC(2025, 0, 5)), "A", "Acme", 3],
      [new Date(Date.UTC(2025, 0, 20)), "A", "Bolt", 4],
      [new Date(Date.UTC(2025, 1, 2)), "B", "Acme", 5],
    ].forEach((row, r) => (sheet.getRow(2 + r).values = row));
    const memory = await load(book);
    expect((await proposeMapping(memory)).history).toBeNull();
    const choice: HistoryChoice = { reference: "Lines", layout: "lines", headerLine: 0, item: 1, customer: 2, date: 0, quantity: 3, bucket: "month" };
    const { history, reading } = await previewChoice(memory, choice);
    expect(isLines(history) && history.columns).toEqual({ date: 0, item: 1, quantity: 3, customer: 2 });
    expect(quantities(reading)).toEqual({ "A|": [7, 0], "B|": [0, 5] });
    expect(reading.byCustomer).toEqual([
      { customer: "Acme", channel: "", quantity: 8 },
      { customer: "Bolt", channel: "", quantity: 4 },
    ]);
    expect(choiceOf(history, "month")).toEqual(choice);
    await expect(historyFromChoice(memory, { ...choice, date: 2, customer: undefined })).rejects.toThrow(/Column C holds no dates/);
  });

  it("order lines with year and month columns keep the year column through the editor", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Extract").addRows([
      ["Year", "Month", "Material", "Qty"],
      [2024, 12, "A", 3],
      [2025, 1, "A", 4],
      [2025, "Jan", "B", 5],
    ]);
    const memory = await load(book);
    const proposed = (await proposeMapping(memory)).history!;
    expect(isLines(proposed) && proposed.columns).toEqual({ year: 0, date: 1, item: 2, quantity: 3 });
    const choice = choiceOf(proposed, "month");
    expect(choice).toMatchObject({ layout: "lines", year: 0, date: 1, item: 2, quantity: 3 });
    const { history, reading } = await previewChoice(memory, choice);
    expect(history).toEqual({ ...proposed, corrected: true });
    expect(quantities(reading)).toEqual({ "A|": [3, 4], "B|": [0, 5] });
  });
});

describe("where the editor opens", () => {
  it("on a sheet per month, which its drop-downs cannot show: says so and opens on the first block afresh", async () => {
    const source = new ExcelJS.Workbook();
    for (const [name, quantity] of [["Jan 2025", 10], ["Feb 2025", 20], ["Mar 2025", 30]] as const) {
      source.addWorksheet(name).addRows([["SKU", "Plant", "Qty"], ["A-1", "1000", quantity], ["A-1", "2000", quantity + 1]]);
    }
    const book = await load(source);
    const blocks = await mappableBlocks(book);
    const { start, choice, note } = editorStart(await startingMapping(book), blocks);
    expect(note).toBe(
      'Step 1 reads 3 sheets, one per month ("Jan 2025" to "Mar 2025"), each sheet\'s name giving its month. The lists below map one block of cells and cannot show that; step 1 keeps reading the sheets unless you map one block below and accept it.',
    );
    expect(start).toBeNull();
    expect(choice).toEqual({ reference: blocks[0].reference, layout: "periodsAcross", headerLine: 0, item: 0, firstPeriod: 1, bucket: "month" });
  });

  it("on any other mapping: the choice its history stands for, without a note", async () => {
    const book = await load(await exportBook());
    const mapping = await startingMapping(book);
    const opened = editorStart(mapping, await mappableBlocks(book));
    expect(opened).toEqual({ start: mapping.history, choice: choiceOf(mapping.history!, "month") });
  });
});

describe("a planning book's measure chosen in the editor", () => {
  async function versionsBook() {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Versions").addRows([
      ["SKU", "Version", "Jan 2025", "Feb 2025", "Mar 2025"],
      ["A-1", "Actual", 10, 11, 12],
      ["A-1", "Version B", 90, 90, 90],
      ["A-1", "actual ", 1, 1, 1],
    ]);
    return load(source);
  }
  const choice: HistoryChoice = { reference: "Versions", layout: "periodsAcross", headerLine: 0, item: 0, firstPeriod: 2, lastPeriod: 4, bucket: "month" };

  it("offers the measures the line names, each once, and reads the one chosen", async () => {
    const book = await versionsBook();
    expect(measureOptions(await historySample(book, "Versions"), choice, 1)).toEqual(["Actual", "Version B"]);
    const history = await historyFromChoice(book, { ...choice, measure: { line: 1, name: "Version B" } });
    expect(choiceOf(history, "month").measure).toEqual({ line: 1, name: "Version B" });
    const reading = await readHistory(book, history);
    expect(quantities(reading)).toEqual({ "A-1|": [90, 90, 90] });
    expect(reading.reconciliation.leftOut).toEqual([expect.objectContaining({ reason: "otherMeasure", rows: 2, quantity: 36 })]);
  });

  it("refuses a measure line that is also a key or a period", async () => {
    const book = await versionsBook();
    await expect(historyFromChoice(book, { ...choice, measure: { line: 0, name: "Actual" } })).rejects.toThrow("The measure column (or row) is also a key");
    await expect(historyFromChoice(book, { ...choice, measure: { line: 2, name: "Actual" } })).rejects.toThrow(PlanningError);
  });
});

describe("a history on a hidden sheet", () => {
  const hiddenBook = async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Cover").addRows([["Monthly S&OP"]]);
    source.addWorksheet("Sales", { state: "hidden" }).addRows([["Item", "Jan 2024", "Feb 2024", "Mar 2024"], ["A", 1, 2, 3], ["B", 4, 5, 6]]);
    return load(source);
  };

  it("is not proposed, but the proposal says the sheet is hidden, and the editor lists it for the planner to choose", async () => {
    const book = await hiddenBook();
    const proposal = await proposeMapping(book);
    expect(proposal.history).toBeNull();
    expect(proposal.notes).toContain('The sheet "Sales" is hidden, and step 1 does not look at hidden sheets: unhide one (right-click a sheet tab, Unhide) to have it read, or choose it in step 1\'s mapping editor.');
    const blocks = await mappableBlocks(book);
    expect(blocks.map((block) => block.label)).toEqual(["Sheet Cover", "Sheet Sales (hidden)"]);
    const history = await historyFromChoice(book, { reference: "Sales", layout: "periodsAcross", headerLine: 0, item: 0, firstPeriod: 1, bucket: "month" });
    expect((await readPlanningData(book, { ...proposal, history })).series.map((series) => [series.item, series.history])).toEqual([
      ["A", [1, 2, 3]],
      ["B", [4, 5, 6]],
    ]);
  });
});

describe("order lines with a quantity column per location, as a European export opened as text", () => {
  it("reads the decimal comma the later columns show, when the first column's numbers read either way", async () => {
    const source = new ExcelJS.Workbook();
    source.addWorksheet("Lines").addRows([
      ["Month", "Item", "Paris", "Lyon"],
      ["2024-01", "A", "12", "1.234,5"],
      ["2024-02", "A", "7", "2,5"],
      ["2024-03", "A", "9", "1.000,0"],
    ]);
    const book = await load(source);
    const choice: HistoryChoice = { reference: "Lines", layout: "lines", headerLine: 0, item: 1, date: 0, quantity: 2, locationQuantities: [{ column: 2, location: "Paris" }, { column: 3, location: "Lyon" }], bucket: "month" };
    const history = await historyFromChoice(book, choice);
    const data = await readPlanningData(book, { version: 1, history, items: null, resources: null, capacity: null });
    expect(data.series.map((series) => [series.location, series.history])).toEqual([
      ["Paris", [12, 7, 9]],
      ["Lyon", [1234.5, 2.5, 1000]],
    ]);
  });
});
