/**
 * The Workbook interface on Office.js, for the add-in running inside Excel. Every method is one
 * `Excel.run` batch that queues its loads and writes and calls `context.sync()` a fixed, small number
 * of times whatever the data size: reading the add-in's state takes 2 syncs (sheet list; protection
 * and metadata), a write 1 more. (Excel on the web caps one request at about 5 MB; a write far larger
 * than a plan of a few thousand items x 36 months should be split by the caller.)
 *
 * Text stays text: every string is written through `Range.formulas` with a leading apostrophe, Excel's
 * own "this is text" prefix (the apostrophe is not part of the value), so "=SUM(A1)", "-5", "2024-01" or
 * "TRUE" typed by a planner are stored as the text they are; only `{ formula }` is written as a formula.
 */
import { parseCell, parseRange, rangeAddress } from "./address";
import { CHARTS_KEY, METADATA_SHEET, OWNED_SHEETS_KEY, decodeMetadata, encodeMetadata, ownedSheets, recordedCharts } from "./metadataSheet";
import type {
  CellInput,
  CellValue,
  ChartKind,
  ChartSpec,
  Matrix,
  NamedRangeInfo,
  SheetInfo,
  TableInfo,
  Workbook,
  WriteBlock,
  WriteOptions,
} from "./workbook";
import { WorkbookError } from "./workbookError";
import { assertWritable, formulaBody, isFormulaInput, numberFormatAt, targetSheetNames } from "./writePolicy";

/** Runs one batch against Excel: `Excel.run` in the add-in, a fake in tests. */
export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the add-in knows about the workbook at the start of a batch. */
interface BookState {
  sheets: { sheet: Excel.Worksheet; name: string; visible: boolean; protected: boolean }[];
  metadata: Map<string, string>;
  metadataSheet: Excel.Worksheet | undefined;
}

const CHART_TYPES: Record<ChartKind, "Line" | "ColumnClustered" | "BarClustered" | "Area"> = {
  line: "Line",
  column: "ColumnClustered",
  bar: "BarClustered",
  area: "Area",
};

/** The workbook open in Excel, through Office.js. */
export class OfficeWorkbook implements Workbook {
  private readonly run: ExcelBatchRunner;

  /**
   * @param run how to run a batch; defaults to `Excel.run` (tests pass a fake).
   * @example const book = new OfficeWorkbook();
   */
  constructor(run?: ExcelBatchRunner) {
    this.run = run ?? ((batch) => Excel.run(batch));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (context) => {
      const state = await readState(context);
      const owned = new Set(ownedSheets(state.metadata));
      return state.sheets.map((entry) => ({ name: entry.name, ownedByAddin: owned.has(entry.name), protected: entry.protected, visible: entry.visible }));
    });
  }

  async listTables(): Promise<TableInfo[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name,items/showTotals,items/showHeaders");
      await context.sync();
      const details = tables.items.map((table) => {
        const worksheet = table.worksheet.load("name");
        const range = table.getRange().load("address,rowCount");
        const header = table.getHeaderRowRange().load("values");
        return { table, worksheet, range, header };
      });
      await context.sync();
      return details
        .filter(({ worksheet }) => worksheet.name !== METADATA_SHEET)
        .map(({ table, worksheet, range, header }) => ({
          name: table.name,
          sheet: worksheet.name,
          address: rangeAddress(parseRange(range.address)),
          headers: (header.values[0] ?? []).map((cell) => String(cell)),
          rowCount: range.rowCount - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0),
        }));
    });
  }

  async listNames(): Promise<NamedRangeInfo[]> {
    return this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name,items/type,items/formula,items/visible");
      await context.sync();
      return names.items
        .filter((item) => item.visible && item.type === "Range")
        .flatMap((item) => {
          const range = parseRange(item.formula.replace(/^=/, ""));
          return range.sheet === undefined ? [] : [{ name: item.name, address: rangeAddress(range, range.sheet) }];
        });
    });
  }

  async read(reference: string): Promise<Matrix> {
    return this.run(async (context) => {
      const text = reference.trim();
      if (text.includes("!")) {
        const range = parseRange(text);
        const target = context.workbook.worksheets.getItemOrNullObject(range.sheet ?? "");
        await context.sync();
        if (target.isNullObject) throw new WorkbookError(`There is no sheet called "${range.sheet}" in this workbook.`);
        const cells = target.getRange(rangeAddress(range)).load("values");
        await context.sync();
        return cells.values.map(toCellValues);
      }
      const sheet = context.workbook.worksheets.getItemOrNullObject(text);
      const table = context.workbook.tables.getItemOrNullObject(text);
      const name = context.workbook.names.getItemOrNullObject(text);
      await context.sync();
      if (!sheet.isNullObject && text !== METADATA_SHEET) {
        const used = sheet.getUsedRangeOrNullObject(true).load("values,rowIndex,columnIndex");
        await context.sync();
        return used.isNullObject ? [] : fromA1(used.values.map(toCellValues), used.rowIndex, used.columnIndex);
      }
      const range = !table.isNullObject ? table.getRange() : !name.isNullObject ? name.getRange() : undefined;
      if (!range) throw new WorkbookError(`There is no sheet, table or named range called "${reference}" in this workbook.`);
      range.load("values");
      await context.sync();
      return range.values.map(toCellValues);
    });
  }

  async createSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      const state = await readState(context);
      if (state.sheets.some((entry) => entry.name.toLowerCase() === name.toLowerCase())) {
        throw new WorkbookError(`A sheet called "${name}" already exists. Choose another name.`);
      }
      context.workbook.worksheets.add(name);
      state.metadata.set(OWNED_SHEETS_KEY, JSON.stringify([...ownedSheets(state.metadata), name]));
      writeMetadata(context, state);
      await context.sync();
    });
  }

  async writeBlocks(blocks: readonly WriteBlock[], options: WriteOptions = {}): Promise<void> {
    await this.run(async (context) => {
      const state = await readState(context);
      const owned = new Set(ownedSheets(state.metadata));
      const names = targetSheetNames(blocks);
      const find = (name: string) => state.sheets.find((entry) => entry.name.toLowerCase() === name.toLowerCase());
      await assertWritable(
        names.map((name) => {
          const entry = find(name);
          return { name, exists: entry !== undefined, owned: entry !== undefined && owned.has(entry.name), protected: entry?.protected ?? false };
        }),
        options,
      );
      const targets = new Map<string, Excel.Worksheet>();
      for (const name of names) {
        const entry = find(name);
        if (entry === undefined) {
          targets.set(name, context.workbook.worksheets.add(name));
          owned.add(name);
        } else {
          targets.set(name, entry.sheet);
          if (options.replace && owned.has(entry.name)) entry.sheet.getRange().clear();
        }
      }
      state.metadata.set(OWNED_SHEETS_KEY, JSON.stringify([...owned]));
      writeMetadata(context, state);
      for (const block of blocks) writeBlock(targets.get(block.sheet) as Excel.Worksheet, block);
      await context.sync();
    });
  }

  async protectSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      const protection = sheet.protection.load("protected");
      await context.sync();
      if (sheet.isNullObject) throw new WorkbookError(`There is no sheet called "${name}" in this workbook.`);
      if (!protection.protected) protection.protect({ allowFormatColumns: true, allowAutoFilter: true, allowSort: true });
      await context.sync();
    });
  }

  async getMetadata(key: string): Promise<string | undefined> {
    return this.run(async (context) => (await readState(context)).metadata.get(key));
  }

  async setMetadata(key: string, value: string): Promise<void> {
    await this.run(async (context) => {
      const state = await readState(context);
      state.metadata.set(key, value);
      writeMetadata(context, state);
      await context.sync();
    });
  }

  async addChart(spec: ChartSpec): Promise<void> {
    await this.run(async (context) => {
      const state = await readState(context);
      const entry = state.sheets.find((candidate) => candidate.name === spec.sheet);
      if (!entry) throw new WorkbookError(`There is no sheet called "${spec.sheet}" in this workbook.`);
      const chart = entry.sheet.charts.add(CHART_TYPES[spec.kind], entry.sheet.getRange(spec.dataAddress), "Columns");
      chart.title.text = spec.title;
      chart.setPosition(spec.anchor);
      state.metadata.set(CHARTS_KEY, JSON.stringify([...recordedCharts(state.metadata), spec]));
      writeMetadata(context, state);
      await context.sync();
    });
  }
}

/** Two syncs: the sheet list, then each sheet's protection and the metadata sheet's values. */
async function readState(context: Excel.RequestContext): Promise<BookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const metadataSheet = worksheets.items.find((sheet) => sheet.name === METADATA_SHEET);
  const sheets = worksheets.items
    .filter((sheet) => sheet !== metadataSheet)
    .map((sheet) => ({ sheet, protection: sheet.protection.load("protected") }));
  const metadataRange = metadataSheet?.getUsedRangeOrNullObject(true).load("values");
  await context.sync();
  return {
    sheets: sheets.map(({ sheet, protection }) => ({
      sheet,
      name: sheet.name,
      visible: sheet.visibility === "Visible",
      protected: protection.protected,
    })),
    metadata: metadataRange && !metadataRange.isNullObject ? decodeMetadata(metadataRange.values.map(toCellValues)) : new Map(),
    metadataSheet,
  };
}

/** Queue the metadata sheet's rewrite (created very hidden if missing); no sync. */
function writeMetadata(context: Excel.RequestContext, state: BookState): void {
  let sheet = state.metadataSheet;
  if (sheet === undefined) {
    sheet = context.workbook.worksheets.add(METADATA_SHEET);
    sheet.visibility = "VeryHidden";
    state.metadataSheet = sheet;
  } else {
    sheet.getRange().clear();
  }
  const rows = encodeMetadata(state.metadata);
  if (rows.length > 0) writeBlock(sheet, { sheet: METADATA_SHEET, topLeft: "A1", values: rows });
}

/** Queue one block's values, formats and header style; no sync. */
function writeBlock(sheet: Excel.Worksheet, block: WriteBlock): void {
  const rows = block.values.length;
  const columns = Math.max(0, ...block.values.map((row) => row.length));
  if (rows === 0 || columns === 0) return;
  const origin = parseCell(block.topLeft);
  const range = sheet.getRange(rangeAddress({ top: origin.row, left: origin.col, bottom: origin.row + rows - 1, right: origin.col + columns - 1 }));
  range.formulas = block.values.map((row) => Array.from({ length: columns }, (_, c) => toFormulaEntry(row[c] ?? null)));
  if (block.numberFormats && block.numberFormats.length > 0) {
    range.numberFormat = block.values.map((_, r) => Array.from({ length: columns }, (_, c) => numberFormatAt(block, r, c) ?? "General"));
  }
  if (block.headerRow) range.getRow(0).format.font.bold = true;
}

/**
 * What to put in Range.formulas for one input: a formula with its "=", a string behind Excel's text
 * apostrophe, a number or boolean as it is, "" for a blank (and for a number that is not finite, =NA()).
 */
function toFormulaEntry(value: CellInput): string | number | boolean {
  if (isFormulaInput(value)) return `=${formulaBody(value.formula)}`;
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  if (typeof value === "number" && !Number.isFinite(value)) return "=NA()";
  return value;
}

/** Office values -> CellValue: "" is a blank; errors already come as text ("#N/A"). */
function toCellValues(row: unknown[]): CellValue[] {
  return row.map((cell) => (cell === "" || cell === null || cell === undefined ? null : typeof cell === "number" || typeof cell === "boolean" ? cell : String(cell)));
}

/** Pad a used range that starts below or right of A1 so the matrix starts at A1. */
function fromA1(values: Matrix, rowIndex: number, columnIndex: number): Matrix {
  const width = columnIndex + Math.max(0, ...values.map((row) => row.length));
  const blankRow = (): CellValue[] => new Array<CellValue>(width).fill(null);
  return [
    ...Array.from({ length: rowIndex }, blankRow),
    ...values.map((row) => [...new Array<CellValue>(columnIndex).fill(null), ...row]),
  ];
}
