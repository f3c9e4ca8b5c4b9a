import ExcelJS from "exceljs";
import { readHistory } from "../../src/cycle/historyReader";
import { SAMPLE_ROWS } from "../../src/cycle/historyLayout";
import { CHUNK_ROWS } from "../../src/cycle/blockReading";
import { proposeMapping } from "../../src/cycle/mapping";
import { MemoryWorkbook } from "../../src/workbook/memoryWorkbook";
import type { ReadWindow, Workbook } from "../../src/workbook/workbook";

interface ReadCall {
  reference: string;
  window?: ReadWindow;
}

/** The workbook, with every read recorded. */
function recorded(book: MemoryWorkbook): { book: Workbook; reads: ReadCall[] } {
  const reads: ReadCall[] = [];
  const proxy = new Proxy(book, {
    get(target, property, receiver) {
      if (property === "read") {
        return (reference: string, window?: ReadWindow) => {
          reads.push({ reference, window });
          return target.read(reference, window);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { book: proxy, reads };
}

async function load(book: ExcelJS.Workbook): Promise<MemoryWorkbook> {
  return MemoryWorkbook.fromXlsx(new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("step 1 reads only what is mapped, in windows", () => {
  it("proposing a mapping reads the first rows of a large raw sheet, never the whole of it", async () => {
    const workbook = new ExcelJS.Workbook();
    const raw = workbook.addWorksheet("Raw log");
    raw.addRow(["Timestamp", "Event", "Value"]);
    for (let row = 0; row < 12_000; row++) raw.addRow([45292 + row / 100, `event ${row}`, row % 97]);
    const sales = workbook.addWorksheet("Sales");
    sales.addRow(["Item", "Jan 2024", "Feb 2024", "Mar 2024"]);
    sales.addRow(["A", 1, 2, 3]);
    const { book, reads } = recorded(await load(workbook));
    const mapping = await proposeMapping(book);
    expect(reads.filter((call) => call.reference === "Raw log").every((call) => call.window !== undefined && call.window.count <= SAMPLE_ROWS)).toBe(true);
    reads.length = 0;
    await readHistory(book, mapping.history!);
    expect(new Set(reads.map((call) => call.reference))).toEqual(new Set(["Sales"]));
  });

  it("reading order lines goes through them in chunks of at most CHUNK_ROWS rows and reads every line", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Orders");
    sheet.addRow(["Date", "Item", "Qty"]);
    const lines = CHUNK_ROWS + 1_000;
    // 182 days: 1 January to 30 June 2024, whole months (a partial last month would be left out)
    for (let row = 0; row < lines; row++) sheet.addRow([45292 + (row % 182), `I-${row % 7}`, 1]);
    const { book, reads } = recorded(await load(workbook));
    const mapping = await proposeMapping(book);
    reads.length = 0;
    const reading = await readHistory(book, mapping.history!);
    expect(reading.reconciliation).toMatchObject({ rowsRead: lines, rowsUsed: lines, quantityIn: lines, quantityUsed: lines });
    expect(reads.every((call) => call.window !== undefined && call.window.count <= CHUNK_ROWS)).toBe(true);
    expect(reads.filter((call) => call.window!.count > 1)).toHaveLength(2);
  });
});
