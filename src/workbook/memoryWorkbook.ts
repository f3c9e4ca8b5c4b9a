/**
 * The Workbook interface in memory, on ExcelJS: load an .xlsx, read and write it as the add-in does in
 * Excel, save it back. The command line, the tests and the browser preview of the task pane run on it;
 * ExcelJS's browser build ("browser" field of its package) makes it work in both Node and the bundle.
 *
 * ExcelJS cannot draw charts: `addChart` records the chart in the workbook's metadata (`charts()` lists
 * them, the preview draws them) and `toXlsx` writes them into the saved file as native Excel charts
 * (xlsxCharts); OfficeWorkbook draws them with Excel's own chart API. Formulas are stored, not
 * calculated: a formula the add-in wrote reads as null until Excel recalculates the saved file.
 */
import ExcelJS from "exceljs";
import { columnLetters, parseCell, parseRange, rangeAddress, sheetCellAddress, windowRows, type CellRange } from "./address";
import { shownCode } from "./paddedCode";
import { serialOfDate } from "./excelDate";
import { addChartParts } from "./xlsxCharts";
import {
  CHARTS_KEY,
  METADATA_SHEET,
  OWNED_SHEETS_KEY,
  decodeMetadata,
  encodeMetadata,
  ownedSheets,
  recordedCharts,
} from "./metadataSheet";
import { namedReference } from "./namedReference";
import { assertSheetName } from "./sheetName";
import type {
  CellInput,
  CellValue,
  ChartSpec,
  Extent,
  Matrix,
  MetadataVisibility,
  NamedRangeInfo,
  ReadWindow,
  SheetInfo,
  SheetLayout,
  TableInfo,
  UncalculatedFormula,
  Workbook,
  WriteBlock,
  WriteOptions,
} from "./workbook";
import { WorkbookError } from "./workbookError";
import {
  assertWritable,
  formulaBody,
  isFormulaInput,
  looksLikeFormula,
  numberFormatAt,
  targetSheetNames,
} from "./writePolicy";

/** The part of ExcelJS's table model we read (its typings do not describe loaded tables). */
interface TableModel {
  name: string;
  tableRef?: string;
  ref: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  autoFilterRef?: string;
  columns: { name: string }[];
}

/** A table as it was before a write resized it, to put back when the write fails. */
interface ResizedTable {
  model: TableModel;
  ref: string;
  columns: { name: string }[];
  autoFilterRef: string | undefined;
}

const NOT_A_WORKBOOK = "This file is not an Excel workbook (.xlsx) or is damaged. Save it from Excel as .xlsx and try again.";

/** An in-memory workbook (ExcelJS) with the add-in's safety rules. */
export class MemoryWorkbook implements Workbook {
  private readonly book: ExcelJS.Workbook;
  private readonly metadata: Map<string, string>;
  private readonly visibilityAtLoad: MetadataVisibility;

  private constructor(book: ExcelJS.Workbook) {
    this.book = book;
    const sheet = book.getWorksheet(METADATA_SHEET);
    this.metadata = sheet ? decodeMetadata(usedValues(sheet)) : new Map();
    this.visibilityAtLoad = sheet === undefined ? "absent" : sheet.state === "veryHidden" ? "veryHidden" : sheet.state === "hidden" ? "hidden" : "visible";
    repairAfterOtherPrograms(book);
  }

  /**
   * A new workbook with no sheets.
   * @example const book = MemoryWorkbook.empty();
   */
  static empty(): MemoryWorkbook {
    return new MemoryWorkbook(new ExcelJS.Workbook());
  }

  /**
   * Load an .xlsx file.
   * @param data the file's bytes.
   * @throws WorkbookError "This file is not an Excel workbook (.xlsx) or is damaged" for anything else.
   * @example const book = await MemoryWorkbook.fromXlsx(fs.readFileSync("plan.xlsx"));
   */
  static async fromXlsx(data: ArrayBuffer | Uint8Array): Promise<MemoryWorkbook> {
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(data as ArrayBuffer);
    } catch {
      throw new WorkbookError(NOT_A_WORKBOOK);
    }
    if (book.worksheets.length === 0) throw new WorkbookError(NOT_A_WORKBOOK);
    return new MemoryWorkbook(book);
  }

  /**
   * Save as .xlsx bytes (metadata sheet included, very hidden).
   * @example fs.writeFileSync("out.xlsx", await book.toXlsx());
   */
  async toXlsx(): Promise<Uint8Array> {
    for (const sheet of this.book.worksheets) absolutePrintArea(sheet);
    const buffer = await this.book.xlsx.writeBuffer();
    const charts = this.charts().filter((chart) => this.findSheet(chart.sheet) !== undefined);
    return addChartParts(new Uint8Array(buffer as ArrayBuffer), charts, {
      values: (name, range) => mapRange(this.sheet(name), range, (cell) => toCellValue(ownValue(cell))),
      columnWidth: (name, column) => this.sheet(name).getColumn(column + 1).width,
    });
  }

  /** Fix the creation and modification dates saved in the file (for reproducible files). */
  setDocumentDate(date: Date): void {
    this.book.created = date;
    this.book.modified = date;
  }

  /** Names of the planner-visible sheets (the metadata sheet excluded), in workbook order. */
  sheetNames(): string[] {
    return this.book.worksheets.filter((sheet) => sheet.name !== METADATA_SHEET).map((sheet) => sheet.name);
  }

  /**
   * Values of a sheet from A1 to its last used cell (formula cells give their saved result).
   * @throws WorkbookError when there is no such sheet.
   */
  sheetValues(name: string): Matrix {
    return usedValues(this.sheet(name));
  }

  /**
   * Contents of a sheet from A1 to its last used cell, formulas as `{ formula }` (with "="),
   * for a grid that shows and edits what the planner typed.
   * @throws WorkbookError when there is no such sheet.
   */
  sheetInputs(name: string): CellInput[][] {
    const sheet = this.sheet(name);
    const used = usedRange(sheet);
    return mapRange(sheet, used, (cell) => {
      const formula = cell ? formulaOf(cell.value) : undefined;
      return formula === undefined ? toCellValue(ownValue(cell)) : { formula: `=${formula}` };
    });
  }

  /**
   * Number formats of a sheet from A1 to its last used cell (undefined where a cell has none), for a
   * grid that shows numbers as Excel does. The Workbook interface does not read formats: no step needs
   * them, and only the preview, which holds this in-memory workbook, draws cells.
   * @throws WorkbookError when there is no such sheet.
   * @example book.sheetNumberFormats("SOP Scenarios")[4][1] // "0.0%"
   */
  sheetNumberFormats(name: string): (string | undefined)[][] {
    const sheet = this.sheet(name);
    return mapRange(sheet, usedRange(sheet), (cell) => cell?.numFmt || undefined);
  }

  /**
   * Set one cell as the planner typed it in a grid: a string stays text, `{ formula }` is a formula.
   * The planner edits their own workbook, so ownership is not asked; protected sheets still refuse.
   * @throws WorkbookError for an unknown or protected sheet or a bad address.
   * @example book.setCell("Items", "E2", 12.5)
   */
  setCell(sheet: string, address: string, value: CellInput): void {
    const target = this.sheet(sheet);
    if (isProtected(target)) throw new WorkbookError(`The sheet "${sheet}" is protected. Unprotect it to edit it.`);
    const position = parseCell(address);
    writeCell(target.getCell(position.row + 1, position.col + 1), value, undefined);
  }

  /** Charts asked for with addChart (drawn by the preview; Excel draws them in OfficeWorkbook). */
  charts(): ChartSpec[] {
    return recordedCharts(this.metadata);
  }

  /** Metadata value by key, synchronously (see getMetadata). */
  metadataValue(key: string): string | undefined {
    return this.metadata.get(key);
  }

  async listSheets(): Promise<SheetInfo[]> {
    const owned = new Set(ownedSheets(this.metadata));
    return this.book.worksheets
      .filter((sheet) => sheet.name !== METADATA_SHEET)
      .map((sheet) => ({
        name: sheet.name,
        ownedByAddin: owned.has(sheet.name),
        protected: isProtected(sheet),
        visible: sheet.state === "visible" || sheet.state === undefined,
      }));
  }

  async listTables(): Promise<TableInfo[]> {
    const tables: TableInfo[] = [];
    for (const sheet of this.book.worksheets) {
      if (sheet.name === METADATA_SHEET) continue;
      for (const model of tableModels(sheet)) {
        const range = tableRange(model);
        const dataRows = range.bottom - range.top + 1 - (model.headerRow === false ? 0 : 1) - (model.totalsRow ? 1 : 0);
        tables.push({
          name: model.name,
          sheet: sheet.name,
          address: rangeAddress(range),
          headers: model.columns.map((column) => column.name),
          rowCount: dataRows,
        });
      }
    }
    return tables;
  }

  async listNames(): Promise<NamedRangeInfo[]> {
    const names: NamedRangeInfo[] = [];
    for (const entry of this.book.definedNames.model) {
      if (entry.ranges.length === 0 || entry.name.startsWith("_xlnm")) continue;
      const reference = namedReference(entry.ranges.join(","));
      names.push(reference.address === null ? { name: entry.name, address: null, note: reference.note } : { name: entry.name, address: reference.address });
    }
    return names;
  }

  async read(reference: string, window?: ReadWindow): Promise<Matrix> {
    const { sheet, range } = await this.resolve(reference);
    const box = range ?? usedBox(sheet);
    if (box === undefined) return [];
    const rows = windowRows(box, window);
    return rows === undefined ? [] : mapRange(sheet, rows, (cell) => shownCode(toCellValue(ownValue(cell)), cell?.numFmt));
  }

  async extent(reference: string): Promise<Extent> {
    const { sheet, range } = await this.resolve(reference);
    const box = range ?? usedBox(sheet);
    return box === undefined ? { rows: 0, columns: 0 } : { rows: box.bottom - box.top + 1, columns: box.right - box.left + 1 };
  }

  async uncalculatedFormulas(reference: string): Promise<UncalculatedFormula[]> {
    const { sheet, range } = await this.resolve(reference);
    const box = range ?? usedBox(sheet);
    if (box === undefined) return [];
    const formulas = mapRange(sheet, box, (cell) => {
      const value = ownValue(cell);
      const formula = value === undefined ? undefined : formulaOf(value);
      return formula !== undefined && (value as { result?: unknown }).result === undefined ? `=${formula}` : undefined;
    });
    return formulas.flatMap((row, r) => row.flatMap((formula, c) => (formula === undefined ? [] : [{ address: sheetCellAddress(sheet.name, { row: box.top + r, col: box.left + c }), formula }])));
  }

  async createSheet(name: string): Promise<void> {
    if (this.findSheet(name)) throw new WorkbookError(`A sheet called "${name}" already exists. Choose another name.`);
    assertSheetName(name);
    this.book.addWorksheet(name);
    this.setOwned([...ownedSheets(this.metadata), name]);
  }

  async writeBlocks(blocks: readonly WriteBlock[], options: WriteOptions = {}): Promise<void> {
    const owned = new Set(ownedSheets(this.metadata));
    const names = targetSheetNames(blocks);
    for (const name of options.protect ?? []) {
      if (!names.some((target) => target.toLowerCase() === name.toLowerCase())) throw new WorkbookError(`The sheet "${name}" to protect is not among the sheets written.`);
    }
    for (const name of Object.keys(options.layouts ?? {})) {
      if (!names.some((target) => target.toLowerCase() === name.toLowerCase())) throw new WorkbookError(`The sheet "${name}" to lay out is not among the sheets written.`);
    }
    for (const name of names) if (!this.findSheet(name)) assertSheetName(name);
    await assertWritable(
      names.map((name) => {
        const sheet = this.findSheet(name);
        return { name, exists: sheet !== undefined, owned: sheet !== undefined && owned.has(sheet.name), protected: sheet ? isProtected(sheet) : false };
      }),
      options,
    );
    const metadataBefore = new Map(this.metadata);
    const created: string[] = [];
    const unprotected: ExcelJS.Worksheet[] = [];
    const resized: ResizedTable[] = [];
    try {
      for (const name of names) {
        const sheet = this.findSheet(name);
        if (sheet === undefined) {
          await this.createSheet(name);
          created.push(name);
        } else {
          if (options.replace && owned.has(sheet.name)) clearSheet(sheet);
          if (isProtected(sheet)) {
            sheet.unprotect();
            unprotected.push(sheet);
          }
        }
      }
      for (const block of blocks) writeBlock(this.sheet(block.sheet), block);
      for (const [name, layout] of Object.entries(options.layouts ?? {})) applyLayout(this.sheet(name), layout);
      for (const [table, address] of Object.entries(options.resizeTables ?? {})) this.resizeTable(table, address, names, resized);
      for (const name of options.protect ?? []) await this.protectSheet(name);
      for (const [key, value] of Object.entries(options.metadata ?? {})) this.metadata.set(key, value);
      if (options.metadata) this.saveMetadata();
    } catch (error) {
      // All or nothing, as on Excel: the sheets this write created go, the metadata is put back.
      for (const name of created) this.book.removeWorksheet(this.sheet(name).id);
      for (const { model, ref, columns, autoFilterRef } of resized) Object.assign(model, { ref, tableRef: ref, columns, autoFilterRef });
      for (const sheet of unprotected) await this.protectSheet(sheet.name);
      this.metadata.clear();
      for (const [key, value] of metadataBefore) this.metadata.set(key, value);
      this.saveMetadata();
      throw error;
    }
  }

  async metadataVisibility(): Promise<MetadataVisibility> {
    return this.visibilityAtLoad;
  }

  async protectSheet(name: string): Promise<void> {
    await this.sheet(name).protect("", { selectLockedCells: true, selectUnlockedCells: true });
  }

  async getMetadata(key: string): Promise<string | undefined> {
    return this.metadata.get(key);
  }

  async setMetadata(key: string, value: string): Promise<void> {
    this.metadata.set(key, value);
    this.saveMetadata();
  }

  async addChart(spec: ChartSpec): Promise<void> {
    this.sheet(spec.sheet);
    const others = this.charts().filter((chart) => chart.sheet !== spec.sheet || chart.title !== spec.title);
    this.metadata.set(CHARTS_KEY, JSON.stringify([...others, spec]));
    this.saveMetadata();
  }

  /** Nothing to forget: every read goes to the workbook in memory. */
  forget(): void {}

  private setOwned(names: string[]): void {
    this.metadata.set(OWNED_SHEETS_KEY, JSON.stringify(names));
    this.saveMetadata();
  }

  private saveMetadata(): void {
    const existing = this.book.getWorksheet(METADATA_SHEET);
    if (existing) this.book.removeWorksheet(existing.id);
    const sheet = this.book.addWorksheet(METADATA_SHEET);
    sheet.state = "veryHidden";
    encodeMetadata(this.metadata).forEach((row, r) =>
      row.forEach((text, c) => {
        if (text !== "") sheet.getCell(r + 1, c + 1).value = text;
      }),
    );
  }

  /**
   * Set a table's range to a new address on its sheet (one of the sheets being written); the header
   * cells of columns it gains name them. Records the table's former range in `resized` for undoing.
   * @throws WorkbookError for an unknown table or one whose sheet is not written
   */
  private resizeTable(table: string, address: string, written: readonly string[], resized: ResizedTable[]): void {
    for (const sheet of this.book.worksheets) {
      const model = tableModels(sheet).find((candidate) => candidate.name.toLowerCase() === table.toLowerCase());
      if (model === undefined) continue;
      if (!written.some((name) => name.toLowerCase() === sheet.name.toLowerCase())) throw new WorkbookError(`The table "${table}" to resize is not on a sheet written.`);
      const before = tableRange(model);
      resized.push({ model, ref: model.tableRef ?? model.ref, columns: [...model.columns], autoFilterRef: model.autoFilterRef });
      const range = parseRange(address);
      const columns = Array.from({ length: range.right - range.left + 1 }, (_, k) => {
        const kept = range.left + k - before.left;
        if (kept >= 0 && kept < model.columns.length) return model.columns[kept];
        const header = toCellValue(sheet.getCell(range.top + 1, range.left + k + 1).value);
        return { name: header === null ? `Column${k + 1}` : String(header) };
      });
      // The table's filter covers the whole table, as Excel keeps it (a filter narrower than its table is a damaged file to Excel).
      Object.assign(model, { ref: rangeAddress(range), tableRef: rangeAddress(range), columns }, model.autoFilterRef === undefined ? {} : { autoFilterRef: rangeAddress(range) });
      return;
    }
    throw new WorkbookError(`There is no table called "${table}" in this workbook.`);
  }

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const wanted = name.toLowerCase();
    return this.book.worksheets.find((sheet) => sheet.name.toLowerCase() === wanted && sheet.name !== METADATA_SHEET);
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new WorkbookError(`There is no sheet called "${name}" in this workbook.`);
    return sheet;
  }

  private async resolve(reference: string): Promise<{ sheet: ExcelJS.Worksheet; range: CellRange | undefined }> {
    const text = reference.trim();
    if (text.includes("!")) {
      const range = parseRange(text);
      return { sheet: this.sheet(range.sheet ?? ""), range };
    }
    const sheet = this.findSheet(text);
    if (sheet) return { sheet, range: undefined };
    const table = (await this.listTables()).find((info) => info.name.toLowerCase() === text.toLowerCase());
    if (table) return { sheet: this.sheet(table.sheet), range: parseRange(table.address) };
    const name = (await this.listNames()).find((info) => info.name.toLowerCase() === text.toLowerCase());
    if (name) {
      if (name.address === null) throw new WorkbookError(`The name "${name.name}" cannot be read: it ${name.note}`);
      const range = parseRange(name.address);
      return { sheet: this.sheet(range.sheet ?? ""), range };
    }
    throw new WorkbookError(`There is no sheet, table or named range called "${reference}" in this workbook.`);
  }
}

/** ExcelJS's record of a sheet's protection (absent or null when the file has none). */
type SheetProtection = { sheet?: boolean } | null | undefined;

function protectionOf(sheet: ExcelJS.Worksheet): SheetProtection {
  return (sheet as unknown as { sheetProtection?: SheetProtection }).sheetProtection;
}

function isProtected(sheet: ExcelJS.Worksheet): boolean {
  return protectionOf(sheet)?.sheet === true;
}

/**
 * Read a workbook another program saved as Excel would, so that it reads right and saves again:
 * - LibreOffice writes protection as `sheet="true"`, which ExcelJS reads only as "1": the element is
 *   there but its flag is lost, and saving would write it unprotected. A `sheetProtection` element is
 *   written only for a protected sheet (Excel and LibreOffice drop it on unprotect), so its presence
 *   means protected.
 * - LibreOffice writes tables without a style (no `tableStyleInfo`); ExcelJS then fails to save them
 *   ("Cannot read properties of null (reading 'theme')"). Such a table gets the plain style.
 * - The metadata sheet, made merely hidden by LibreOffice, is very hidden again (saveMetadata also does it).
 */
function repairAfterOtherPrograms(book: ExcelJS.Workbook): void {
  for (const sheet of book.worksheets) {
    const protection = protectionOf(sheet);
    if (protection && protection.sheet !== true) protection.sheet = true;
    for (const entry of sheet.getTables() as unknown as { table: { style?: unknown } }[]) {
      if (entry.table.style === null || entry.table.style === undefined) {
        entry.table.style = { theme: undefined, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
      }
    }
    if (sheet.name === METADATA_SHEET) sheet.state = "veryHidden";
  }
}

function tableModels(sheet: ExcelJS.Worksheet): TableModel[] {
  return (sheet.getTables() as unknown as { table: TableModel }[]).map((entry) => entry.table);
}

function tableRange(model: TableModel): CellRange {
  return parseRange(model.tableRef ?? model.ref);
}

/** The rectangle from A1 to the last cell holding a value (empty sheet: A1 alone). */
function usedRange(sheet: ExcelJS.Worksheet): CellRange {
  let bottom = 0;
  let right = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      bottom = Math.max(bottom, rowNumber);
      right = Math.max(right, colNumber);
    });
  });
  return { top: 0, left: 0, bottom: Math.max(bottom - 1, 0), right: Math.max(right - 1, 0) };
}

function usedValues(sheet: ExcelJS.Worksheet): Matrix {
  const used = usedRange(sheet);
  const values = mapRange(sheet, used, (cell) => toCellValue(ownValue(cell)));
  return values.length === 1 && values[0].length === 1 && values[0][0] === null ? [] : values;
}

/** What read(sheet) covers: A1 to the last used cell, undefined for an empty sheet. */
function usedBox(sheet: ExcelJS.Worksheet): CellRange | undefined {
  const used = usedRange(sheet);
  const empty = used.bottom === 0 && used.right === 0 && toCellValue(sheet.findCell(1, 1)?.value) === null;
  return empty ? undefined : used;
}

function mapRange<T>(sheet: ExcelJS.Worksheet, range: CellRange, read: (cell: ExcelJS.Cell | undefined) => T): T[][] {
  const rows: T[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row: T[] = [];
    for (let c = range.left; c <= range.right; c++) row.push(read(sheet.findCell(r + 1, c + 1)));
    rows.push(row);
  }
  return rows;
}

/**
 * A cell's own value: none for a cell merged into another (ExcelJS answers with the merged area's
 * top-left value there, Excel holds the value in that top-left cell only and reads the others as empty).
 */
function ownValue(cell: ExcelJS.Cell | undefined): ExcelJS.CellValue | undefined {
  return cell !== undefined && cell.isMerged && cell.master !== cell ? undefined : cell?.value;
}

/** ExcelJS cell value -> the interface's CellValue (dates as Excel serial numbers, errors as text). */
function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  if (value instanceof Date) return serialOfDate(value);
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? null : toCellValue(result as ExcelJS.CellValue);
  }
  if ("text" in value) return typeof value.text === "string" ? value.text : toCellValue(value.text);
  return null;
}

function formulaOf(value: ExcelJS.CellValue): string | undefined {
  if (typeof value !== "object" || value === null || value instanceof Date) return undefined;
  if ("formula" in value && typeof value.formula === "string") return value.formula;
  if ("sharedFormula" in value && typeof value.sharedFormula === "string") return value.sharedFormula;
  return undefined;
}

function writeBlock(sheet: ExcelJS.Worksheet, block: WriteBlock): void {
  const origin = parseCell(block.topLeft);
  block.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = sheet.getCell(origin.row + r + 1, origin.col + c + 1);
      writeCell(cell, value, numberFormatAt(block, r, c));
      if (block.headerRow && r === 0) cell.font = { bold: true };
    }),
  );
}

/** Write one value: strings as text (a formula-like string also gets the text format "@"). */
function writeCell(cell: ExcelJS.Cell, value: CellInput, numberFormat: string | undefined): void {
  if (isFormulaInput(value)) {
    cell.value = { formula: formulaBody(value.formula) } as ExcelJS.CellFormulaValue;
  } else if (typeof value === "number" && !Number.isFinite(value)) {
    cell.value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
  } else {
    cell.value = value;
  }
  const guardText = typeof value === "string" && looksLikeFormula(value);
  if (guardText) cell.numFmt = "@";
  else if (numberFormat !== undefined) cell.numFmt = numberFormat;
}

function clearSheet(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.value = null;
      cell.style = {};
    });
  });
}


/** The column width ExcelJS does not save (its default). */
const EXCELJS_DEFAULT_WIDTH = 9;

/** Column widths, frozen panes and print setup of a sheet, as ExcelJS saves them (cols, sheetView pane, pageSetup, print titles). */
function applyLayout(sheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  // ExcelJS takes a width of exactly 9 for its default and leaves it out of the file (Excel then shows
  // 8.43): a hundredth more keeps the width asked for.
  layout.columnWidths?.forEach((width, c) => (sheet.getColumn(c + 1).width = width === EXCELJS_DEFAULT_WIDTH ? width + 0.01 : width));
  if (layout.freeze) {
    const { rows, columns } = layout.freeze;
    sheet.views = rows + columns > 0 ? [{ state: "frozen", xSplit: columns, ySplit: rows, topLeftCell: columnLetters(columns) + (rows + 1) }] : [{ state: "normal" }];
  }
  const print = layout.print;
  if (print) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.pagesWide,
      fitToHeight: print.pagesTall,
      printArea: print.area,
      printTitlesRow: print.titleRows > 0 ? `1:${print.titleRows}` : undefined,
      printTitlesColumn: print.titleColumns > 0 ? `A:${columnLetters(print.titleColumns - 1)}` : undefined,
    };
  }
}

/**
 * ExcelJS saves a print area "A1:F39" as "$A1:$F39" (a "$" before each corner's column only), which
 * LibreOffice ignores; given as "A$1:F$39" (how it reads back from a file too) it saves "$A$1:$F$39".
 */
function absolutePrintArea(sheet: ExcelJS.Worksheet): void {
  const area = sheet.pageSetup?.printArea;
  if (area) sheet.pageSetup.printArea = area.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/gi, "$1$$$2");
}
