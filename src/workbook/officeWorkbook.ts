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
import { isRangeText, parseCell, parseRange, rangeAddress, windowRows, type CellRange } from "./address";
import { CHARTS_KEY, METADATA_SHEET, OWNED_SHEETS_KEY, decodeMetadata, encodeMetadata, ownedSheets, recordedCharts } from "./metadataSheet";
import { namedReference } from "./namedReference";
import type {
  CellInput,
  CellValue,
  ChartKind,
  ChartSpec,
  Extent,
  Matrix,
  NamedRangeInfo,
  ReadWindow,
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
      const names = context.workbook.names.load(NAME_PROPERTIES);
      const worksheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const scoped = worksheets.items
        .filter((sheet) => sheet.name !== METADATA_SHEET)
        .map((sheet) => ({ sheet: sheet.name, names: sheet.names.load(NAME_PROPERTIES) }));
      await context.sync();
      return [
        ...names.items.filter((item) => item.visible).map((item) => describeName(item)),
        ...scoped.flatMap(({ sheet, names: local }) => local.items.filter((item) => item.visible).map((item) => describeName(item, sheet))),
      ];
    });
  }

  async read(reference: string, window?: ReadWindow): Promise<Matrix> {
    return this.run(async (context) => {
      const target = await locate(context, reference);
      if (target.box === undefined) return [];
      const rows = windowRows(target.box, window);
      if (rows === undefined) return [];
      const cells = target.sheet.getRange(rangeAddress(rows)).load("values");
      await context.sync();
      return cells.values.map(toCellValues);
    });
  }

  async extent(reference: string): Promise<Extent> {
    return this.run(async (context) => {
      const { box } = await locate(context, reference);
      return box === undefined ? { rows: 0, columns: 0 } : { rows: box.bottom - box.top + 1, columns: box.right - box.left + 1 };
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

const NAME_PROPERTIES = "items/name,items/formula,items/visible";

/** A named item as the Workbook interface lists it: its rectangle, or null and why it is skipped. */
function describeName(item: Excel.NamedItem, scope?: string): NamedRangeInfo {
  // NamedItem.formula "always starts with an equals sign", for constants too ("=42", "=\"text\"").
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditem#excel-excel-nameditem-formula-member
  const reference = namedReference(item.formula);
  const named = scope === undefined ? { name: item.name } : { name: item.name, scope };
  return reference.address === null ? { ...named, address: null, note: reference.note } : { ...named, address: reference.address };
}

/** Where a reference's cells are: its sheet and the rectangle read(reference) returns (undefined: an empty sheet). */
interface Located {
  sheet: Excel.Worksheet;
  box: CellRange | undefined;
}

/**
 * Find a reference's sheet and rectangle in two syncs, without reading any value: a sheet-qualified
 * range, a sheet (A1 to the end of its used range), a table, a workbook name or "Sheet!Name".
 * @throws WorkbookError naming the reference when it is none of these or a name is not one rectangle.
 */
async function locate(context: Excel.RequestContext, reference: string): Promise<Located> {
  const text = reference.trim();
  const bang = text.lastIndexOf("!");
  if (bang >= 0 && isRangeText(text)) {
    const range = parseRange(text);
    const sheet = context.workbook.worksheets.getItemOrNullObject(range.sheet ?? "");
    await context.sync();
    if (sheet.isNullObject) throw new WorkbookError(`There is no sheet called "${range.sheet}" in this workbook.`);
    return { sheet, box: range };
  }
  const worksheets = context.workbook.worksheets;
  const sheet = bang >= 0 ? undefined : worksheets.getItemOrNullObject(text);
  const used = sheet?.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount");
  const table = bang >= 0 ? undefined : context.workbook.tables.getItemOrNullObject(text);
  const tableRange = table?.getRange().load("address");
  const tableSheet = table?.worksheet.load("name");
  const name =
    bang >= 0
      ? worksheets.getItemOrNullObject(parseRange(`${text.slice(0, bang)}!A1`).sheet ?? "").names.getItemOrNullObject(text.slice(bang + 1))
      : context.workbook.names.getItemOrNullObject(text);
  name.load("name,formula");
  await context.sync();
  if (sheet && used && !sheet.isNullObject && text !== METADATA_SHEET) {
    return { sheet, box: used.isNullObject ? undefined : { top: 0, left: 0, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 } };
  }
  if (table && tableRange && tableSheet && !table.isNullObject) {
    return { sheet: worksheets.getItem(tableSheet.name), box: parseRange(tableRange.address) };
  }
  if (!name.isNullObject) {
    const info = describeName(name);
    if (info.address === null) throw new WorkbookError(`The name "${info.name}" cannot be read: it ${info.note}`);
    const range = parseRange(info.address);
    return { sheet: worksheets.getItem(range.sheet ?? ""), box: range };
  }
  throw new WorkbookError(`There is no sheet, table or named range called "${reference}" in this workbook.`);
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
