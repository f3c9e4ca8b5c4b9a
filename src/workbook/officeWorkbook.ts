/**
 * The Workbook interface on Office.js, for the add-in running inside Excel, kept within Excel's rules:
 *
 * - Round trips: what a step reads once (sheets, protection, metadata, tables, names, values) is kept
 *   until `forget()` (the pane calls it as each step starts) and updated by the step's own writes, so a
 *   step costs a few `context.sync()` calls, not one or two per call. Reads asked for together
 *   (`Promise.all`) go to Excel in one batch.
 * - Size: Excel on the web fails a request or response over 5 MB and a read over 5 million cells
 *   (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 *   Reads go in row chunks of at most READ_BUDGET_CELLS cells per sync, writes in row chunks of at most
 *   REQUEST_BUDGET_BYTES per sync, with number formats set per column run, not per cell.
 * - Cell editing: every batch runs with `delayForCellEdit`, so it waits while the planner edits a cell
 *   instead of failing (https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions).
 * - Codes: a number shown with leading zeros by a format such as "00000" reads as the text shown
 *   ("00123"), as the planner and their ERP export write it (paddedCode.ts).
 * - Dates: a workbook on the 1904 date system has its date cells read as 1900-system serials, so
 *   periods mean the same months in both (https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook#excel-excel-workbook-use1904datesystem-member).
 * - All or nothing: a write that fails part way removes the sheets it created and restores the metadata.
 *   The overwrite question is asked before any batch opens.
 *
 * Text stays text: every string is written through `Range.formulas` with a leading apostrophe, Excel's
 * own "this is text" prefix (the apostrophe is not part of the value), so "=SUM(A1)", "-5", "2024-01" or
 * "TRUE" typed by a planner are stored as the text they are; only `{ formula }` is written as a formula.
 */
import { columnLetters, isRangeText, parseCell, parseRange, rangeAddress, windowRows, type CellRange } from "./address";
import { isDateSection } from "./dateFormat";
import { shownCode } from "./paddedCode";
import { columnPixels } from "./fittedLayout";
import { serialFrom1904 } from "./excelDate";
import { CHARTS_KEY, METADATA_SHEET, OWNED_SHEETS_KEY, decodeMetadata, encodeMetadata, ownedSheets, recordedCharts } from "./metadataSheet";
import { namedReference } from "./namedReference";
import { assertSheetName } from "./sheetName";
import type {
  CellInput,
  CellValue,
  ChartKind,
  ChartSpec,
  Extent,
  Matrix,
  MetadataVisibility,
  NamedRangeInfo,
  ReadWindow,
  SheetInfo,
  SheetLayout,
  TableInfo,
  Workbook,
  WriteBlock,
  WriteOptions,
} from "./workbook";
import { WorkbookError } from "./workbookError";
import { assertWritable, formulaBody, isFormulaInput, numberFormatAt, targetSheetNames } from "./writePolicy";

/** Runs one batch against Excel: `Excel.run(options, batch)` in the add-in, a fake in tests. */
export type ExcelBatchRunner = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Largest request the add-in sends in one sync, well under Excel on the web's 5 MB. */
const REQUEST_BUDGET_BYTES = 2_000_000;

/** Values and number formats read in one sync (each counts one): at about 20 bytes each, a response near 2 MB. */
const READ_BUDGET_CELLS = 100_000;

/** Every batch waits while the planner edits a cell, instead of failing. */
const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

const CHART_TYPES: Record<ChartKind, "Line" | "ColumnClustered" | "BarClustered" | "Area"> = {
  line: "Line",
  column: "ColumnClustered",
  bar: "BarClustered",
  area: "Area",
};

/** The planner's sheets as the add-in last read them. */
interface SheetState {
  name: string;
  visible: boolean;
  protected: boolean;
}

/** What one sync tells about the workbook: sheets, metadata, tables, workbook names, date system. */
interface Snapshot {
  sheets: SheetState[];
  metadata: Map<string, string>;
  metadataExists: boolean;
  date1904: boolean;
  tables: { name: string; sheet: string; showHeaders: boolean; showTotals: boolean }[];
  names: NamedRangeInfo[];
}

/** What a second sync tells: each sheet's extent (A1 to its last used cell), table ranges, sheet names, charts. */
interface Layout {
  extents: Map<string, CellRange | undefined>;
  tables: TableInfo[];
  names: NamedRangeInfo[];
  charts: Map<string, Set<string>>;
}

/** A read asked for and not yet sent. */
interface ReadJob {
  reference: string;
  window: ReadWindow | undefined;
  resolve: (values: Matrix) => void;
  reject: (error: unknown) => void;
}

/** Where a reference's cells are: its sheet and the rectangle read(reference) covers (undefined: nothing). */
interface Target {
  sheet: string;
  box: CellRange | undefined;
}

/** The workbook open in Excel, through Office.js. */
export class OfficeWorkbook implements Workbook {
  private readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  private snapshot: Snapshot | undefined;
  private layout: Layout | undefined;
  private readonly values = new Map<string, Matrix>();
  private readonly readQueue: ReadJob[] = [];
  private readonly chartQueue: { spec: ChartSpec; resolve: () => void; reject: (error: unknown) => void }[] = [];

  /**
   * @param run how to run a batch; defaults to `Excel.run` (tests pass a fake).
   * @example const book = new OfficeWorkbook();
   */
  constructor(run?: ExcelBatchRunner) {
    const runner: ExcelBatchRunner = run ?? ((options, batch) => Excel.run(options, batch));
    this.run = async (batch) => {
      try {
        return await runner(RUN_OPTIONS, batch);
      } catch (error) {
        this.forget();
        throw error;
      }
    };
  }

  forget(): void {
    this.snapshot = undefined;
    this.layout = undefined;
    this.values.clear();
  }

  async listSheets(): Promise<SheetInfo[]> {
    const snapshot = await this.loadSnapshot();
    const owned = new Set(ownedSheets(snapshot.metadata));
    return snapshot.sheets.map((sheet) => ({ name: sheet.name, ownedByAddin: owned.has(sheet.name), protected: sheet.protected, visible: sheet.visible }));
  }

  async listTables(): Promise<TableInfo[]> {
    return (await this.loadLayout()).tables;
  }

  async listNames(): Promise<NamedRangeInfo[]> {
    return (await this.loadLayout()).names;
  }

  /** Reads asked for in the same turn of the event loop (e.g. with Promise.all) go to Excel together. */
  read(reference: string, window?: ReadWindow): Promise<Matrix> {
    return new Promise<Matrix>((resolve, reject) => {
      this.readQueue.push({ reference, window, resolve, reject });
      if (this.readQueue.length === 1) queueMicrotask(() => void this.flushReads());
    });
  }

  async extent(reference: string): Promise<Extent> {
    const { box } = await this.locate(reference);
    return box === undefined ? { rows: 0, columns: 0 } : { rows: box.bottom - box.top + 1, columns: box.right - box.left + 1 };
  }

  async createSheet(name: string): Promise<void> {
    const snapshot = await this.loadSnapshot();
    if (findSheet(snapshot, name)) throw new WorkbookError(`A sheet called "${name}" already exists. Choose another name.`);
    assertSheetName(name);
    const metadata = new Map(snapshot.metadata).set(OWNED_SHEETS_KEY, JSON.stringify([...ownedSheets(snapshot.metadata), name]));
    await this.run(async (context) => {
      context.workbook.worksheets.add(name);
      writeMetadata(context, snapshot.metadataExists, metadata);
      await context.sync();
    });
    snapshot.sheets.push({ name, visible: true, protected: false });
    this.afterWrite(snapshot, metadata, [{ name, box: undefined, replace: true }]);
  }

  async writeBlocks(blocks: readonly WriteBlock[], options: WriteOptions = {}): Promise<void> {
    const snapshot = await this.loadSnapshot();
    const owned = new Set(ownedSheets(snapshot.metadata));
    const names = targetSheetNames(blocks);
    for (const name of options.protect ?? []) {
      if (!names.some((target) => target.toLowerCase() === name.toLowerCase())) throw new WorkbookError(`The sheet "${name}" to protect is not among the sheets written.`);
    }
    const targets = names.map((name) => ({ name, state: findSheet(snapshot, name) }));
    for (const target of targets) if (!target.state) assertSheetName(target.name);
    if (Object.keys(options.resizeTables ?? {}).length > 0 && !supportsExcelApi("1.13")) {
      throw new WorkbookError("This version of Excel cannot grow a table from an add-in (it needs Excel API 1.13, Microsoft 365 or Excel 2021): extend the table by hand, then run again.");
    }
    // The overwrite question is asked here, before any batch opens: never inside an open Excel.run.
    await assertWritable(
      targets.map(({ name, state }) => ({ name, exists: state !== undefined, owned: state !== undefined && owned.has(state.name), protected: state?.protected ?? false })),
      options,
    );
    const created = targets.filter((target) => !target.state).map((target) => target.name);
    const metadata = new Map(snapshot.metadata).set(OWNED_SHEETS_KEY, JSON.stringify([...owned, ...created]));
    for (const [key, value] of Object.entries(options.metadata ?? {})) metadata.set(key, value);
    const cleared = new Set(targets.filter((target) => options.replace && target.state && owned.has(target.state.name)).map((target) => target.name));
    const protect = new Set((options.protect ?? []).map((name) => name.toLowerCase()));
    await this.run(async (context) => {
      try {
        const sheets = context.workbook.worksheets;
        const handles = new Map<string, Excel.Worksheet>();
        for (const target of targets) {
          const sheet = target.state ? sheets.getItem(target.state.name) : sheets.add(target.name);
          handles.set(target.name, sheet);
          // An owned sheet protected earlier and protected again by this write (the audit log).
          if (target.state?.protected && protect.has(target.name.toLowerCase())) sheet.protection.unprotect();
          if (cleared.has(target.name)) sheet.getRange().clear();
        }
        const batch = new SizedBatch(context);
        for (const block of blocks) await writeBlock(batch, handles.get(block.sheet) as Excel.Worksheet, block);
        for (const [name, layout] of Object.entries(options.layouts ?? {})) {
          const target = targets.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
          if (!target) throw new WorkbookError(`The sheet "${name}" to lay out is not among the sheets written.`);
          applyLayout(handles.get(target.name) as Excel.Worksheet, layout);
        }
        // Table.resize: ExcelApi 1.13 (https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-resize-member(1))
        for (const [name, address] of Object.entries(options.resizeTables ?? {})) {
          const table = context.workbook.tables.getItem(name);
          table.resize(table.worksheet.getRange(address));
        }
        for (const target of targets) {
          if (protect.has(target.name.toLowerCase())) (handles.get(target.name) as Excel.Worksheet).protection.protect({ allowFormatColumns: true, allowAutoFilter: true, allowSort: true });
        }
        writeMetadata(context, snapshot.metadataExists, metadata);
        await context.sync();
      } catch (error) {
        await undo(context, created, snapshot);
        throw error;
      }
    });
    for (const name of created) snapshot.sheets.push({ name, visible: true, protected: false });
    for (const sheet of snapshot.sheets) if (protect.has(sheet.name.toLowerCase())) sheet.protected = true;
    this.afterWrite(
      snapshot,
      metadata,
      names.map((name) => ({ name, box: blocksBox(blocks.filter((block) => block.sheet === name)), replace: cleared.has(name) || created.includes(name) })),
    );
    // A resized table's range and headers are read again on the next look.
    if (Object.keys(options.resizeTables ?? {}).length > 0) this.layout = undefined;
  }

  /**
   * How the metadata sheet is shown, read from Excel (one sync): see Workbook.metadataVisibility.
   * https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member
   */
  async metadataVisibility(): Promise<MetadataVisibility> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET).load("visibility");
      await context.sync();
      if (sheet.isNullObject) return "absent";
      return sheet.visibility === "VeryHidden" ? "veryHidden" : sheet.visibility === "Hidden" ? "hidden" : "visible";
    });
  }

  async protectSheet(name: string): Promise<void> {
    const snapshot = await this.loadSnapshot();
    const state = findSheet(snapshot, name);
    if (!state) throw new WorkbookError(`There is no sheet called "${name}" in this workbook.`);
    // Excel refuses to protect a protected sheet.
    if (state.protected) return;
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(state.name).protection.protect({ allowFormatColumns: true, allowAutoFilter: true, allowSort: true });
      await context.sync();
    });
    state.protected = true;
  }

  async getMetadata(key: string): Promise<string | undefined> {
    return (await this.loadSnapshot()).metadata.get(key);
  }

  async setMetadata(key: string, value: string): Promise<void> {
    const snapshot = await this.loadSnapshot();
    const metadata = new Map(snapshot.metadata).set(key, value);
    await this.run(async (context) => {
      writeMetadata(context, snapshot.metadataExists, metadata);
      await context.sync();
    });
    this.afterWrite(snapshot, metadata, []);
  }

  /** Charts asked for in the same turn of the event loop (e.g. with Promise.all) go to Excel in one batch. */
  addChart(spec: ChartSpec): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.chartQueue.push({ spec, resolve, reject });
      if (this.chartQueue.length === 1) queueMicrotask(() => void this.flushCharts());
    });
  }

  /** Add or update every queued chart, found by its name (from its title), in one sync. */
  private async flushCharts(): Promise<void> {
    const jobs = this.chartQueue.splice(0);
    try {
      const layout = await this.loadLayout();
      const snapshot = await this.loadSnapshot();
      const charts = jobs.map(({ spec }) => {
        const state = findSheet(snapshot, spec.sheet);
        if (!state) throw new WorkbookError(`There is no sheet called "${spec.sheet}" in this workbook.`);
        const existing = layout.charts.get(state.name.toLowerCase()) ?? new Set<string>();
        layout.charts.set(state.name.toLowerCase(), existing);
        return { spec, sheet: state.name, existing, name: chartName(spec) };
      });
      const kept = recordedCharts(snapshot.metadata).filter((chart) => !charts.some(({ spec }) => spec.sheet === chart.sheet && spec.title === chart.title));
      const metadata = new Map(snapshot.metadata).set(CHARTS_KEY, JSON.stringify([...kept, ...charts.map(({ spec }) => spec)]));
      await this.run(async (context) => {
        for (const { spec, sheet: name, existing, name: chartId } of charts) {
          const sheet = context.workbook.worksheets.getItem(name);
          const source = sheet.getRange(spec.dataAddress);
          let chart: Excel.Chart;
          if (existing.has(chartId)) {
            chart = sheet.charts.getItem(chartId);
            chart.chartType = CHART_TYPES[spec.kind];
            chart.setData(source, "Columns");
          } else {
            chart = sheet.charts.add(CHART_TYPES[spec.kind], source, "Columns");
            chart.name = chartId;
          }
          chart.title.text = spec.title;
          chart.setPosition(spec.anchor, spec.bottomRight);
        }
        writeMetadata(context, snapshot.metadataExists, metadata);
        await context.sync();
      });
      for (const { existing, name } of charts) existing.add(name);
      this.afterWrite(snapshot, metadata, []);
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    for (const job of jobs) job.resolve();
  }

  /** The snapshot, read in one sync when not kept. */
  private async loadSnapshot(): Promise<Snapshot> {
    if (this.snapshot) return this.snapshot;
    // In one sync, reading the metadata through a sheet that may not exist (a null object); should an
    // Excel refuse that chain, in two: the sheet list first, then the metadata sheet when it is there.
    const snapshot = await this.run(readSnapshot).catch(() => this.run(readSnapshotInTwo));
    this.snapshot = snapshot;
    return snapshot;
  }

  /** The layout (and snapshot), read in one more sync when not kept. */
  private async loadLayout(): Promise<Layout> {
    if (this.layout) return this.layout;
    const snapshot = await this.loadSnapshot();
    const layout = await this.run((context) => readLayout(context, snapshot));
    this.layout = layout;
    return layout;
  }

  /** Where a reference's cells are, from the kept snapshot and layout. */
  private async locate(reference: string): Promise<Target> {
    const text = reference.trim();
    // A sheet-qualified range needs only the sheet list; anything else the layout too.
    const layout = text.includes("!") && isRangeText(text) ? undefined : await this.loadLayout();
    return locate(reference, await this.loadSnapshot(), layout);
  }

  /** Send every queued read: located from what is kept, values in chunks of at most READ_BUDGET_CELLS per sync. */
  private async flushReads(): Promise<void> {
    const jobs = this.readQueue.splice(0);
    const wanted = new Map<string, { sheet: string; box: CellRange }>();
    const located: { job: ReadJob; key: string | undefined }[] = [];
    for (const job of jobs) {
      try {
        const target = await this.locate(job.reference);
        const box = target.box === undefined ? undefined : windowRows(target.box, job.window);
        const key = box === undefined ? undefined : `${target.sheet.toLowerCase()}!${rangeAddress(box)}`;
        if (key !== undefined && box !== undefined && !this.values.has(key)) wanted.set(key, { sheet: target.sheet, box });
        located.push({ job, key });
      } catch (error) {
        // A reference that is not there fails its own read, not the others asked for with it.
        job.reject(error);
      }
    }
    try {
      if (wanted.size > 0) {
        const snapshot = await this.loadSnapshot();
        const owned = new Set(ownedSheets(snapshot.metadata));
        // The add-in writes its codes as text and its periods as labels: only the planner's sheets (and
        // any sheet of a 1904 workbook) need their number formats read.
        const targets = [...wanted.values()].map((target) => ({ ...target, formats: snapshot.date1904 || !owned.has(target.sheet) }));
        const read = await this.run((context) => readValues(context, targets, snapshot.date1904));
        [...wanted.keys()].forEach((key, index) => this.values.set(key, read[index]));
      }
    } catch (error) {
      for (const { job } of located) job.reject(error);
      return;
    }
    for (const { job, key } of located) job.resolve(key === undefined ? [] : (this.values.get(key) ?? []).map((row) => [...row]));
  }

  /** Bring what is kept up to date after a write of the add-in's own. */
  private afterWrite(snapshot: Snapshot, metadata: Map<string, string>, written: { name: string; box: CellRange | undefined; replace: boolean }[]): void {
    snapshot.metadata = metadata;
    snapshot.metadataExists = true;
    this.values.clear();
    if (!this.layout) return;
    for (const { name, box, replace } of written) {
      const key = name.toLowerCase();
      const before = replace ? undefined : this.layout.extents.get(key);
      this.layout.extents.set(key, union(before, box));
    }
  }
}

/** Find a sheet by name, as Excel does (case-insensitive). */
function findSheet(snapshot: Snapshot, name: string): SheetState | undefined {
  const lower = name.toLowerCase();
  return snapshot.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
}

/** The chart's name in Excel, from its title: how a later run finds it to update it. */
function chartName(spec: ChartSpec): string {
  return `SOP ${spec.title}`.slice(0, 250);
}

/** One sync: sheets with protection, the metadata sheet, tables, workbook names, the date system. */
async function readSnapshot(context: Excel.RequestContext): Promise<Snapshot> {
  const metadataSheet = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
  return snapshotWith(context, metadataSheet.getUsedRangeOrNullObject(true).load("values"), metadataSheet);
}

/** Two syncs: as readSnapshot, the metadata sheet's values read only once it is known to exist. */
async function readSnapshotInTwo(context: Excel.RequestContext): Promise<Snapshot> {
  const metadataSheet = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
  await context.sync();
  return snapshotWith(context, metadataSheet.isNullObject ? undefined : metadataSheet.getUsedRangeOrNullObject(true).load("values"), metadataSheet);
}

async function snapshotWith(context: Excel.RequestContext, metadataRange: Excel.Range | undefined, metadataSheet: Excel.Worksheet): Promise<Snapshot> {
  const worksheets = context.workbook.worksheets.load("items/name,items/visibility,items/protection/protected");
  const tables = context.workbook.tables.load("items/name,items/showHeaders,items/showTotals,items/worksheet/name");
  const names = context.workbook.names.load("items/name,items/formula,items/visible");
  const knowsDateSystem = supportsDateSystemFlag();
  if (knowsDateSystem) context.workbook.load("use1904DateSystem");
  await context.sync();
  return {
    sheets: worksheets.items
      .filter((sheet) => sheet.name !== METADATA_SHEET)
      .map((sheet) => ({ name: sheet.name, visible: sheet.visibility === "Visible", protected: sheet.protection.protected })),
    metadata: metadataRange === undefined || metadataRange.isNullObject ? new Map() : decodeMetadata(metadataRange.values.map(toCellValues)),
    metadataExists: !metadataSheet.isNullObject,
    date1904: knowsDateSystem && (context.workbook as Excel.Workbook & { use1904DateSystem?: boolean }).use1904DateSystem === true,
    tables: tables.items
      .filter((table) => table.worksheet.name !== METADATA_SHEET)
      .map((table) => ({ name: table.name, sheet: table.worksheet.name, showHeaders: table.showHeaders, showTotals: table.showTotals })),
    names: names.items.filter((item) => item.visible).map((item) => describeName(item)),
  };
}

/** Whether the host's Excel has this ExcelApi requirement set (outside Office, the tests' fake Excel, it has every one). */
function supportsExcelApi(version: string): boolean {
  return typeof Office === "undefined" || Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}

/** Points a column of this many characters takes (Range.format.columnWidth is in points: 0.75 of a pixel at 96 dpi). */
function columnPoints(width: number): number {
  return columnPixels(width) * 0.75;
}

/**
 * Queue a sheet's layout: column widths (Range.format.columnWidth, ExcelApi 1.1), frozen panes
 * (Worksheet.freezePanes, ExcelApi 1.7) and print setup (Worksheet.pageLayout, ExcelApi 1.9); an Excel
 * without 1.7 or 1.9 keeps its panes or print setup rather than fail the write.
 */
function applyLayout(sheet: Excel.Worksheet, layout: SheetLayout): void {
  layout.columnWidths?.forEach((width, c) => {
    const letters = columnLetters(c);
    // A cell's column width is its whole column's.
    sheet.getRange(`${letters}1`).format.columnWidth = columnPoints(width);
  });
  if (layout.freeze && supportsExcelApi("1.7")) {
    const { rows, columns } = layout.freeze;
    sheet.freezePanes.unfreeze();
    if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(`A1:${columnLetters(columns - 1)}${rows}`);
    else if (rows > 0) sheet.freezePanes.freezeRows(rows);
    else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
  }
  const print = layout.print;
  if (print && supportsExcelApi("1.9")) {
    const page = sheet.pageLayout;
    page.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    page.zoom = { horizontalFitToPages: print.pagesWide, verticalFitToPages: print.pagesTall };
    if (print.titleRows > 0) page.setPrintTitleRows(`$1:$${print.titleRows}`);
    if (print.titleColumns > 0) page.setPrintTitleColumns(`$A:$${columnLetters(print.titleColumns - 1)}`);
    if (print.area !== undefined) page.setPrintArea(print.area);
  }
}

/**
 * Whether Excel can tell the date system (Workbook.use1904DateSystem, ExcelApi 1.16): loading it on an
 * older Excel would fail the whole batch, so there the workbook is taken to use the 1900 system.
 * Outside Office (the tests' fake Excel) it can.
 */
function supportsDateSystemFlag(): boolean {
  return supportsExcelApi("1.16");
}

/** One sync: each sheet's used extent, names and charts; each table's range and header row. */
async function readLayout(context: Excel.RequestContext, snapshot: Snapshot): Promise<Layout> {
  const sheets = snapshot.sheets.map((state) => {
    const sheet = context.workbook.worksheets.getItem(state.name);
    return {
      state,
      used: sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
      names: sheet.names.load("items/name,items/formula,items/visible"),
      charts: sheet.charts.load("items/name"),
    };
  });
  const tables = snapshot.tables.map((table) => {
    const handle = context.workbook.tables.getItem(table.name);
    return { table, range: handle.getRange().load("address,rowCount"), header: handle.getHeaderRowRange().load("values") };
  });
  await context.sync();
  return {
    extents: new Map(
      sheets.map(({ state, used }) => [
        state.name.toLowerCase(),
        used.isNullObject ? undefined : { top: 0, left: 0, bottom: used.rowIndex + used.rowCount - 1, right: used.columnIndex + used.columnCount - 1 },
      ]),
    ),
    tables: tables.map(({ table, range, header }) => ({
      name: table.name,
      sheet: table.sheet,
      address: rangeAddress(parseRange(range.address)),
      headers: (header.values[0] ?? []).map((cell) => String(cell)),
      rowCount: range.rowCount - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0),
    })),
    names: [
      ...snapshot.names,
      ...sheets.flatMap(({ state, names }) => names.items.filter((item) => item.visible).map((item) => describeName(item, state.name))),
    ],
    charts: new Map(sheets.map(({ state, charts }) => [state.name.toLowerCase(), new Set(charts.items.map((chart) => chart.name))])),
  };
}

/**
 * Where a reference's cells are: a sheet-qualified range, a sheet (A1 to the end of its used range), a
 * table, a workbook name or "Sheet!Name".
 * @throws WorkbookError naming the reference when it is none of these or a name is not one rectangle.
 */
function locate(reference: string, snapshot: Snapshot, layout: Layout | undefined): Target {
  const text = reference.trim();
  const lower = text.toLowerCase();
  const bang = text.lastIndexOf("!");
  if (bang >= 0 && isRangeText(text)) {
    const range = parseRange(text);
    const sheet = findSheet(snapshot, range.sheet ?? "");
    if (!sheet) throw new WorkbookError(`There is no sheet called "${range.sheet}" in this workbook.`);
    return { sheet: sheet.name, box: { top: range.top, left: range.left, bottom: range.bottom, right: range.right } };
  }
  if (!layout) throw new WorkbookError(`There is no sheet, table or named range called "${reference}" in this workbook.`);
  const sheet = bang < 0 ? findSheet(snapshot, text) : undefined;
  if (sheet) return { sheet: sheet.name, box: layout.extents.get(sheet.name.toLowerCase()) };
  const table = layout.tables.find((candidate) => candidate.name.toLowerCase() === lower);
  if (table) return { sheet: table.sheet, box: parseRange(table.address) };
  const scope = bang >= 0 ? parseRange(`${text.slice(0, bang)}!A1`).sheet?.toLowerCase() : undefined;
  const nameText = bang >= 0 ? text.slice(bang + 1).toLowerCase() : lower;
  const name = layout.names.find((candidate) => candidate.name.toLowerCase() === nameText && candidate.scope?.toLowerCase() === scope);
  if (name) {
    if (name.address === null) throw new WorkbookError(`The name "${name.name}" cannot be read: it ${name.note}`);
    const range = parseRange(name.address);
    return { sheet: range.sheet ?? "", box: { top: range.top, left: range.left, bottom: range.bottom, right: range.right } };
  }
  throw new WorkbookError(`There is no sheet, table or named range called "${reference}" in this workbook.`);
}

/**
 * Read rectangles in row chunks, at most READ_BUDGET_CELLS values and formats per sync. A rectangle of
 * the planner's brings its number formats along: they tell a code padded with zeros (shownCode) and, on
 * a 1904 workbook, the dates.
 */
async function readValues(context: Excel.RequestContext, targets: { sheet: string; box: CellRange; formats: boolean }[], date1904: boolean): Promise<Matrix[]> {
  const results: Matrix[] = targets.map(() => []);
  let queued: { index: number; range: Excel.Range; formats: boolean }[] = [];
  let cells = 0;
  const flush = async (): Promise<void> => {
    await context.sync();
    for (const { index, range, formats } of queued) {
      const values = range.values.map(toCellValues);
      results[index].push(...(formats ? asShown(values, range.numberFormat, date1904) : values));
    }
    queued = [];
    cells = 0;
  };
  for (const [index, { sheet, box, formats }] of targets.entries()) {
    const width = (box.right - box.left + 1) * (formats ? 2 : 1);
    const rowsPerChunk = Math.max(1, Math.floor(READ_BUDGET_CELLS / width));
    for (let top = box.top; top <= box.bottom; top += rowsPerChunk) {
      const chunk = { ...box, top, bottom: Math.min(box.bottom, top + rowsPerChunk - 1) };
      const size = (chunk.bottom - chunk.top + 1) * width;
      if (cells > 0 && cells + size > READ_BUDGET_CELLS) await flush();
      const range = context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(chunk)).load(formats ? "values,numberFormat" : "values");
      queued.push({ index, range, formats });
      cells += size;
    }
  }
  if (queued.length > 0) await flush();
  return results;
}

/**
 * Values as the planner sees them: codes padded by their format as text (shownCode); on a 1904 workbook,
 * numbers under a date format as 1900-system serials (they move by 1,462 days).
 */
function asShown(values: Matrix, formats: unknown[][], date1904: boolean): Matrix {
  return values.map((row, r) =>
    row.map((cell, c) => {
      const format = String(formats[r]?.[c] ?? "General");
      if (date1904 && typeof cell === "number" && isDateSection(format.split(";")[0])) return serialFrom1904(cell);
      return shownCode(cell, format);
    }),
  );
}

/** A named item as the Workbook interface lists it: its rectangle, or null and why it is skipped. */
function describeName(item: Excel.NamedItem, scope?: string): NamedRangeInfo {
  // NamedItem.formula "always starts with an equals sign", for constants too ("=42", "=\"text\"").
  // https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditem#excel-excel-nameditem-formula-member
  const reference = namedReference(item.formula);
  const named = scope === undefined ? { name: item.name } : { name: item.name, scope };
  return reference.address === null ? { ...named, address: null, note: reference.note } : { ...named, address: reference.address };
}

/**
 * Queued writes that sync whenever the next one would take the request past REQUEST_BUDGET_BYTES:
 * Excel on the web fails a request over 5 MB.
 */
class SizedBatch {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}

  /** Make room for `bytes` more in this request (syncing what is queued when it would not fit). */
  async reserve(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_BUDGET_BYTES) {
      await this.context.sync();
      this.bytes = 0;
    }
    this.bytes += bytes;
  }
}

/** Queue one block's values in row chunks under the request budget, then its formats and header style. */
async function writeBlock(batch: SizedBatch, sheet: Excel.Worksheet, block: WriteBlock): Promise<void> {
  const rows = block.values.length;
  const columns = Math.max(0, ...block.values.map((row) => row.length));
  if (rows === 0 || columns === 0) return;
  const origin = parseCell(block.topLeft);
  let start = 0;
  let chunk: (string | number | boolean)[][] = [];
  let chunkBytes = 0;
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    await batch.reserve(chunkBytes);
    const top = origin.row + start;
    sheet.getRange(rangeAddress({ top, left: origin.col, bottom: top + chunk.length - 1, right: origin.col + columns - 1 })).formulas = chunk;
    start += chunk.length;
    chunk = [];
    chunkBytes = 0;
  };
  for (const row of block.values) {
    const entries = Array.from({ length: columns }, (_, c) => toFormulaEntry(row[c] ?? null));
    const bytes = utf8Length(JSON.stringify(entries)) + 1;
    if (chunkBytes + bytes > REQUEST_BUDGET_BYTES / 2) await flush();
    chunk.push(entries);
    chunkBytes += bytes;
  }
  await flush();
  for (const run of formatRuns(block, rows, columns)) {
    await batch.reserve(run.format.length + 16);
    const range = sheet.getRange(rangeAddress({ top: origin.row + run.top, left: origin.col + run.left, bottom: origin.row + run.bottom, right: origin.col + run.right }));
    // One format for the whole range: "If the argument is a single value, it will be applied to all cells in the range."
    // https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-numberformat-member
    range.numberFormat = run.format as unknown as string[][];
  }
  if (block.headerRow) sheet.getRange(rangeAddress({ top: origin.row, left: origin.col, bottom: origin.row, right: origin.col + columns - 1 })).format.font.bold = true;
}

/**
 * A block's number formats as few rectangles of one format each: runs down each column, merged across
 * neighbouring columns with the same run. Cells without a format are left alone.
 * @example formatRuns({ numberFormats: ["@", "0.00", "0.00"] }, 500, 3) // [{ left: 0, right: 0, ... "@" }, { left: 1, right: 2, ... "0.00" }]
 */
function formatRuns(block: Pick<WriteBlock, "numberFormats">, rows: number, columns: number): (CellRange & { format: string })[] {
  if (!block.numberFormats || block.numberFormats.length === 0) return [];
  const runs: (CellRange & { format: string })[] = [];
  let open = new Map<string, CellRange & { format: string }>();
  for (let c = 0; c < columns; c++) {
    const next = new Map<string, CellRange & { format: string }>();
    let r = 0;
    while (r < rows) {
      const format = numberFormatAt(block, r, c);
      let end = r;
      while (end + 1 < rows && numberFormatAt(block, end + 1, c) === format) end++;
      if (format !== undefined) {
        const key = `${r}:${end}:${format}`;
        const previous = open.get(key);
        if (previous) {
          previous.right = c;
          next.set(key, previous);
        } else {
          const run = { top: r, bottom: end, left: c, right: c, format };
          runs.push(run);
          next.set(key, run);
        }
      }
      r = end + 1;
    }
    open = next;
  }
  return runs;
}

/** Queue the metadata sheet's rewrite (created very hidden if missing); no sync. */
function writeMetadata(context: Excel.RequestContext, exists: boolean, metadata: ReadonlyMap<string, string>): void {
  let sheet: Excel.Worksheet;
  if (exists) {
    sheet = context.workbook.worksheets.getItem(METADATA_SHEET);
    sheet.getRange().clear();
  } else {
    sheet = context.workbook.worksheets.add(METADATA_SHEET);
    sheet.visibility = "VeryHidden";
  }
  const rows = encodeMetadata(metadata);
  if (rows.length > 0) sheet.getRange(rangeAddress({ top: 0, left: 0, bottom: rows.length - 1, right: rows[0].length - 1 })).formulas = rows.map((row) => row.map(toFormulaEntry));
}

/**
 * After a failed write: remove the sheets it created and put the metadata back, so the workbook holds
 * none of it. Best effort: when Excel cannot be reached at all, the failure itself is what the planner sees.
 */
async function undo(context: Excel.RequestContext, created: readonly string[], snapshot: Snapshot): Promise<void> {
  try {
    const leftovers = created.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    const metadataSheet = context.workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
    await context.sync();
    for (const sheet of leftovers) if (!sheet.isNullObject) sheet.delete();
    writeMetadata(context, !metadataSheet.isNullObject, snapshot.metadata);
    await context.sync();
  } catch {
    // The original error is rethrown by the caller.
  }
}

/** The rectangle a sheet's blocks cover, from A1 (undefined when they write nothing). */
function blocksBox(blocks: readonly WriteBlock[]): CellRange | undefined {
  let box: CellRange | undefined;
  for (const block of blocks) {
    const columns = Math.max(0, ...block.values.map((row) => row.length));
    if (block.values.length === 0 || columns === 0) continue;
    const origin = parseCell(block.topLeft);
    box = union(box, { top: 0, left: 0, bottom: origin.row + block.values.length - 1, right: origin.col + columns - 1 });
  }
  return box;
}

function union(a: CellRange | undefined, b: CellRange | undefined): CellRange | undefined {
  if (!a) return b;
  if (!b) return a;
  return { top: 0, left: 0, bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
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
