/**
 * A strict fake of the Excel JavaScript API, enough for OfficeWorkbook, that holds the add-in to the
 * rules Microsoft documents for Excel (each rule below names its Microsoft Learn page). It runs in Node
 * (jest) and, bundled, in a browser page: no Node-only import or global.
 *
 * - Proxies: a property read before `load` + `context.sync()` throws PropertyNotLoaded; `isNullObject`
 *   before a sync throws too (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/application-specific-api-model#load
 *   and https://learn.microsoft.com/en-us/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
 * - Batches: writes are queued and run in order at `context.sync()`; an operation that fails stops the
 *   ones after it, the ones before stay done (Excel.run is not a transaction:
 *   https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-error-handling).
 * - Excel on the web's limits: a request or a response over 5 MB fails whole
 *   (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), and a range read of more than
 *   five million cells fails (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins,
 *   https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-large). The payload
 *   is counted as the JSON of the values, formulas and number formats written or read.
 * - Cell-edit mode: while the user edits a cell, a batch run without `delayForCellEdit: true` fails
 *   (InvalidOperationInCellEditMode); with it, the batch waits until the edit ends
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.runoptions#excel-excel-runoptions-delayforcelledit-member).
 * - Sheet names: at most 31 characters, none of : \ / ? * [ ], not blank, not starting or ending with an
 *   apostrophe, not "History" (https://support.microsoft.com/en-us/office/rename-a-worksheet-3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 * - Protection: writing to or clearing a protected sheet fails; protecting a protected sheet fails
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-protect-member(1)).
 * - Named items of workbook and worksheet scope, of every type: ranges, whole columns/rows, several
 *   areas, formulas, constants, #REF! errors; `formula` always starts with "="
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditem).
 * - Layout: `Range.format.columnWidth` is in points, from 0 to Excel's widest column (255 characters)
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-columnwidth-member,
 *   https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 *   `Worksheet.freezePanes` (ExcelApi 1.7) freezes the top-left cells of a range, a number of rows or of
 *   columns (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetfreezepanes);
 *   `Worksheet.pageLayout` (ExcelApi 1.9): orientation "Portrait" or "Landscape", zoom as a scale or as
 *   pages to fit to, print titles as whole rows or whole columns, a print area as a range
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout).
 * - The 1904 date system: `workbook.use1904DateSystem`
 *   (https://learn.microsoft.com/en-us/javascript/api/excel/excel.workbook#excel-excel-workbook-use1904datesystem-member).
 * - A string written to `values` or `formulas` is taken as Excel takes typed input ("=..." a formula,
 *   "123" a number, "'..." text without the apostrophe).
 *
 * It counts `context.sync()` calls, the largest request and response (bytes and cells) and the cells
 * read per sheet. A large raw-data sheet (a million rows) is held as a function of the cell's
 * position (`addGeneratedSheet`), so that only what a step reads costs memory and time.
 */
import type { ExcelBatchRunner } from "../../src/workbook/officeWorkbook";
import { parseRange, rangeAddress, type CellRange } from "../../src/workbook/address";

type Scalar = string | number | boolean;

/** Excel on the web's cap on one request and one response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel's cap on the cells of one range read. */
export const READ_CELL_LIMIT = 5_000_000;

interface CellModel {
  value: Scalar;
  formula?: string;
  numberFormat: string;
  bold: boolean;
}

interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: string;
}

interface NameModel {
  name: string;
  formula: string;
  /** The sheet of a worksheet-level name; undefined for a workbook-level name. */
  scope: string | undefined;
  visible: boolean;
}

/** Size of one request or response. */
export interface PayloadSize {
  bytes: number;
  cells: number;
}

/** A sheet's values from A1 computed from their position: a million rows without a million rows in memory. */
export interface GeneratedCells {
  rows: number;
  columns: number;
  /** The value of the cell at 0-based row and column. */
  valueAt: (row: number, col: number) => Scalar;
}

/** One queued operation of a batch, run at sync. */
interface Operation {
  size: PayloadSize;
  apply: () => void;
}

class SheetModel {
  visibility = "Visible";
  protected = false;
  readonly cells = new Map<string, CellModel>();
  readonly charts: ChartModel[] = [];
  /** Column widths in points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  frozen: { rows: number; columns: number } | undefined;
  readonly page: { orientation: string; zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }; titleRows?: string; titleColumns?: string; area?: string } = {
    orientation: "Portrait",
    zoom: { scale: 100 },
  };
  /** Cells computed on demand (a large raw-data sheet) under those set in `cells`. */
  generated?: GeneratedCells;
  constructor(public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    const cell = this.cells.get(`${row},${col}`);
    if (cell || !this.generated || row >= this.generated.rows || col >= this.generated.columns) return cell;
    return { value: this.generated.valueAt(row, col), numberFormat: "General", bold: false };
  }

  edit(row: number, col: number): CellModel {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { ...(this.cell(row, col) ?? { value: "", numberFormat: "General", bold: false }) };
      this.cells.set(key, cell);
    }
    return cell;
  }

  used(): CellRange | undefined {
    let box: CellRange | undefined = this.generated && { top: 0, left: 0, bottom: this.generated.rows - 1, right: this.generated.columns - 1 };
    for (const [key, cell] of this.cells) {
      if (cell.value === "" && cell.formula === undefined) continue;
      const [row, col] = key.split(",").map(Number);
      box = box
        ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return box;
  }
}

/** Why Excel refuses a sheet name, or undefined when it takes it. */
function sheetNameError(name: string, existing: readonly SheetModel[]): string | undefined {
  if (name.trim() === "" || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    return `InvalidArgument: "${name}" is not a valid sheet name.`;
  }
  if (name.toLowerCase() === "history") return `InvalidArgument: "History" is a name Excel reserves.`;
  if (existing.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) return `ItemAlreadyExists: ${name}`;
  return undefined;
}

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/** The fake's whole state, shared by every batch. */
export class FakeExcel {
  syncs = 0;
  /** True while the user edits a cell (see `endCellEdit`). */
  cellEditMode = false;
  /** The workbook's date system flag. */
  use1904DateSystem = false;
  /** The largest request and response seen (reset with resetStats). */
  largestRequest: PayloadSize = { bytes: 0, cells: 0 };
  largestResponse: PayloadSize = { bytes: 0, cells: 0 };
  /** Excel.run calls made without `delayForCellEdit: true`. */
  runsWithoutDelay = 0;
  /** Excel.run batches open right now. */
  openBatches = 0;
  /** When true, a method of a null worksheet throws instead of giving a null object (an Excel that does not chain null objects). */
  refuseNullChains = false;
  readonly sheets: SheetModel[] = [];
  readonly tables: { name: string; sheet: string; address: string }[] = [];
  readonly names: NameModel[] = [];
  private readonly pending: Loadable[] = [];
  private readonly operations: Operation[] = [];
  private readonly waiting: (() => void)[] = [];
  /** Fails the sync after this many more successful syncs (a network drop, for atomicity tests). */
  private failAfter: number | undefined;

  /** Runs a batch like Excel.run(options, batch), against this fake. */
  readonly runner: ExcelBatchRunner = async (options, batch) => {
    if (!options.delayForCellEdit) this.runsWithoutDelay++;
    if (this.cellEditMode) {
      if (!options.delayForCellEdit) throw new Error("InvalidOperationInCellEditMode: Excel is in cell-editing mode.");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.operations.length = 0;
    this.pending.length = 0;
    this.openBatches++;
    try {
      const result = await batch(new FakeContext(this) as unknown as Excel.RequestContext);
      // Excel.run sends what the batch left queued when it returns.
      if (this.operations.length > 0 || this.pending.length > 0) this.sync();
      return result;
    } finally {
      this.openBatches--;
    }
  };

  /** The user leaves cell-edit mode: batches that waited for it run. */
  endCellEdit(): void {
    this.cellEditMode = false;
    for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** Make the sync after `count` more successful ones fail, as a dropped connection would. */
  failSyncAfter(count: number): void {
    this.failAfter = count;
  }

  /** Cells read (values, formulas or formats) per sheet since resetStats. */
  readonly cellsRead = new Map<string, number>();

  resetStats(): void {
    this.cellsRead.clear();
    this.syncs = 0;
    this.largestRequest = { bytes: 0, cells: 0 };
    this.largestResponse = { bytes: 0, cells: 0 };
  }

  /** A planner's sheet with values from A1 (or `topLeft`). */
  addSheet(name: string, values: Scalar[][] = [], topLeft = "A1"): void {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    const origin = parseRange(topLeft);
    values.forEach((row, r) => row.forEach((value, c) => (sheet.edit(origin.top + r, origin.left + c).value = value)));
  }

  /**
   * A planner's sheet whose values from A1 are computed when read (a large raw-data sheet). Cells
   * written later override them; clearing does not remove them.
   */
  addGeneratedSheet(name: string, cells: GeneratedCells): void {
    const sheet = new SheetModel(name);
    sheet.generated = cells;
    this.sheets.push(sheet);
  }

  addTable(name: string, sheet: string, address: string): void {
    this.tables.push({ name, sheet, address });
  }

  /** A defined name; `scope` makes it a worksheet-level name of that sheet. */
  addName(name: string, formula: string, options: { scope?: string; visible?: boolean } = {}): void {
    this.names.push({ name, formula, scope: options.scope, visible: options.visible ?? true });
  }

  sheet(name: string): SheetModel {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error(`ItemNotFound: ${name}`);
    return sheet;
  }

  /** Cell value of a sheet ("" for blank), as Excel would show it. */
  value(sheet: string, address: string): Scalar {
    const { top, left } = parseRange(address);
    return this.sheet(sheet).cell(top, left)?.value ?? "";
  }

  cellModel(sheet: string, address: string): CellModel | undefined {
    const { top, left } = parseRange(address);
    return this.sheet(sheet).cell(top, left);
  }

  request(object: Loadable): void {
    this.pending.push(object);
  }

  /** Queue a write; it runs at the next sync. */
  queue(size: PayloadSize, apply: () => void): void {
    this.operations.push({ size, apply });
  }

  sync(): void {
    this.syncs++;
    const operations = this.operations.splice(0);
    const loads = this.pending.splice(0);
    if (this.failAfter !== undefined && this.failAfter-- <= 0) {
      this.failAfter = undefined;
      throw new Error("GeneralException: the connection to Excel was lost.");
    }
    const request = operations.reduce((sum, op) => ({ bytes: sum.bytes + op.size.bytes, cells: sum.cells + op.size.cells }), { bytes: 0, cells: 0 });
    if (request.bytes > this.largestRequest.bytes) this.largestRequest = request;
    if (request.bytes > PAYLOAD_LIMIT_BYTES) throw new Error(`RequestPayloadSizeLimitExceeded: the request is ${request.bytes} bytes; Excel on the web takes 5 MB.`);
    for (const operation of operations) operation.apply();
    const response = { bytes: 0, cells: 0 };
    for (const object of loads) {
      const size = object.complete(this.syncs);
      response.bytes += size.bytes;
      response.cells += size.cells;
    }
    if (response.bytes > this.largestResponse.bytes) this.largestResponse = response;
    if (response.bytes > PAYLOAD_LIMIT_BYTES) throw new Error(`ResponsePayloadSizeLimitExceeded: the response is ${response.bytes} bytes; Excel on the web takes 5 MB.`);
  }
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  constructor(private readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(fake);
  }

  async sync(): Promise<void> {
    this.fake.sync();
  }
}

/** Base of every proxy: properties become readable only after load + sync. */
class Loadable {
  private readonly requested = new Set<string>();
  private readonly loaded = new Set<string>();
  private readonly createdAt: number;

  constructor(protected readonly fake: FakeExcel) {
    this.createdAt = fake.syncs;
  }

  load(spec?: string | string[]): this {
    const parts = Array.isArray(spec) ? spec : (spec ?? "").split(",");
    for (const part of parts.map((text) => text.trim()).filter(Boolean)) this.requested.add(part);
    this.fake.request(this);
    return this;
  }

  /** Properties asked for by load() since the last sync. */
  protected requestedProperties(): string[] {
    return [...this.requested];
  }

  /** Mark what was asked as loaded; returns the size of what goes back to the add-in. */
  complete(_sync: number): PayloadSize {
    for (const property of this.requested) this.loaded.add(property);
    this.requested.clear();
    return { bytes: 0, cells: 0 };
  }

  /** Load properties as a collection's snapshot does ("items/x" of the collection is "x" here). */
  loadNow(properties: string[], sync: number): this {
    for (const property of properties) this.requested.add(property);
    this.complete(sync);
    return this;
  }

  protected need(property: string): void {
    if (!this.loaded.has(property)) {
      throw new Error(`PropertyNotLoaded: "${property}" was read before load("${property}") and context.sync().`);
    }
  }

  protected needSync(): void {
    if (this.fake.syncs <= this.createdAt) throw new Error("PropertyNotLoaded: isNullObject read before context.sync().");
  }
}

/** The properties of "items/..." paths, without the prefix; and those under a child ("protection/x"). */
function itemProperties(paths: string[]): string[] {
  return paths.filter((path) => path.startsWith("items/")).map((path) => path.slice("items/".length));
}

function childProperties(paths: string[], child: string): string[] {
  return paths.filter((path) => path.startsWith(`${child}/`)).map((path) => path.slice(child.length + 1));
}

class FakeWorkbook extends Loadable {
  readonly worksheets: Worksheets;
  readonly tables: Tables;
  readonly names: Names;

  constructor(fake: FakeExcel) {
    super(fake);
    this.worksheets = new Worksheets(fake);
    this.tables = new Tables(fake);
    this.names = new Names(fake);
  }

  get use1904DateSystem(): boolean {
    this.need("use1904DateSystem");
    return this.fake.use1904DateSystem;
  }
}

class Worksheets extends Loadable {
  private snapshot: Worksheet[] = [];

  override complete(sync: number): PayloadSize {
    const properties = itemProperties(this.requestedProperties());
    const size = super.complete(sync);
    this.snapshot = this.fake.sheets.map((model) => {
      const sheet = new Worksheet(this.fake, model).loadNow(properties.filter((p) => !p.includes("/")), sync);
      sheet.protection.loadNow(childProperties(properties, "protection"), sync);
      return sheet;
    });
    return size;
  }

  get items(): Worksheet[] {
    this.need("items/name");
    return this.snapshot;
  }

  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.fake, this.fake.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase()));
  }

  getItem(name: string): Worksheet {
    const model = this.fake.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    if (!model) throw new Error(`ItemNotFound: there is no sheet "${name}".`);
    return new Worksheet(this.fake, model);
  }

  add(name: string): Worksheet {
    const model = new SheetModel(name);
    this.fake.queue({ bytes: jsonBytes(name), cells: 0 }, () => {
      const error = sheetNameError(name, this.fake.sheets);
      if (error) throw new Error(error);
      this.fake.sheets.push(model);
    });
    return new Worksheet(this.fake, model);
  }
}

class Worksheet extends Loadable {
  readonly protection: Protection;
  readonly names: Names;
  readonly charts: Charts;

  constructor(fake: FakeExcel, private readonly model: SheetModel | undefined) {
    super(fake);
    this.protection = new Protection(fake, model);
    this.names = new Names(fake, model?.name ?? "\u0000none");
    this.charts = new Charts(fake, model);
  }

  get freezePanes(): FreezePanes {
    return new FreezePanes(this.fake, this.existing());
  }

  get pageLayout(): PageLayout {
    return new PageLayout(this.fake, this.existing());
  }

  get isNullObject(): boolean {
    this.needSync();
    return this.model === undefined;
  }

  get name(): string {
    this.need("name");
    return this.existing().name;
  }

  get visibility(): string {
    this.need("visibility");
    return this.existing().visibility;
  }

  set visibility(value: string) {
    const model = this.existing();
    this.fake.queue({ bytes: jsonBytes(value), cells: 0 }, () => (model.visibility = value));
  }

  getRange(address?: string): Range {
    return new Range(this.fake, this.existing(), address === undefined ? undefined : parseRange(address));
  }

  getUsedRangeOrNullObject(): Range {
    // A method of a null object gives a null object (Excel's *OrNullObject pattern).
    if (!this.model && this.fake.refuseNullChains) throw new Error("InvalidObjectPath: the worksheet does not exist.");
    if (!this.model) return Range.nullObject(this.fake);
    const used = this.model.used();
    return used ? new Range(this.fake, this.model, used) : Range.nullObject(this.fake);
  }

  delete(): void {
    const model = this.existing();
    this.fake.queue({ bytes: 0, cells: 0 }, () => {
      const index = this.fake.sheets.indexOf(model);
      if (index >= 0) this.fake.sheets.splice(index, 1);
    });
  }

  private existing(): SheetModel {
    if (!this.model) throw new Error("InvalidObjectPath: the worksheet does not exist.");
    return this.model;
  }
}

/** Worksheet.freezePanes: the frozen rows and columns at the top left. */
class FreezePanes {
  constructor(private readonly fake: FakeExcel, private readonly model: SheetModel) {}

  freezeAt(frozenRange: string): void {
    const box = parseRange(frozenRange);
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.frozen = { rows: box.bottom + 1, columns: box.right + 1 }));
  }

  freezeRows(count: number): void {
    this.freeze(count, 0);
  }

  freezeColumns(count: number): void {
    this.freeze(0, count);
  }

  unfreeze(): void {
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.frozen = undefined));
  }

  private freeze(rows: number, columns: number): void {
    if (!Number.isInteger(rows + columns) || rows < 0 || columns < 0) throw new Error("InvalidArgument: the count of rows or columns to freeze is not a whole number.");
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.frozen = { rows, columns }));
  }
}

/** Worksheet.pageLayout: orientation, zoom, print titles and print area. */
class PageLayout {
  constructor(private readonly fake: FakeExcel, private readonly model: SheetModel) {}

  set orientation(value: string) {
    if (value !== "Portrait" && value !== "Landscape") throw new Error(`InvalidArgument: "${value}" is not a page orientation.`);
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.page.orientation = value));
  }

  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    if (value.scale !== undefined && (value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined)) {
      throw new Error("InvalidArgument: a zoom is a scale or pages to fit to, not both.");
    }
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.page.zoom = { ...value }));
  }

  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new Error(`InvalidArgument: print title rows "${rows}" are not whole rows.`);
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.page.titleRows = rows));
  }

  setPrintTitleColumns(columns: string): void {
    if (!/^\$?[A-Z]+:\$?[A-Z]+$/i.test(columns)) throw new Error(`InvalidArgument: print title columns "${columns}" are not whole columns.`);
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.page.titleColumns = columns));
  }

  setPrintArea(area: string): void {
    parseRange(area);
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.model.page.area = area));
  }
}

class Protection extends Loadable {
  constructor(fake: FakeExcel, private readonly model: SheetModel | undefined) {
    super(fake);
  }

  get protected(): boolean {
    this.need("protected");
    return this.model?.protected ?? false;
  }

  protect(): void {
    const model = this.model;
    if (!model) throw new Error("InvalidObjectPath");
    this.fake.queue({ bytes: 0, cells: 0 }, () => {
      if (model.protected) throw new Error("InvalidOperation: the sheet is already protected.");
      model.protected = true;
    });
  }

  /** https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetprotection#excel-excel-worksheetprotection-unprotect-member(1) */
  unprotect(): void {
    const model = this.model;
    if (!model) throw new Error("InvalidObjectPath");
    this.fake.queue({ bytes: 0, cells: 0 }, () => (model.protected = false));
  }
}

class Charts extends Loadable {
  private snapshot: Chart[] = [];

  constructor(fake: FakeExcel, private readonly model: SheetModel | undefined) {
    super(fake);
  }

  override complete(sync: number): PayloadSize {
    const properties = itemProperties(this.requestedProperties());
    const size = super.complete(sync);
    this.snapshot = (this.model?.charts ?? []).map((chart) => new Chart(this.fake, chart).loadNow(properties, sync));
    return size;
  }

  get items(): Chart[] {
    this.need("items/name");
    return this.snapshot;
  }

  getItem(name: string): Chart {
    const chart = this.existing().charts.find((candidate) => candidate.name === name);
    if (!chart) throw new Error(`ItemNotFound: there is no chart "${name}".`);
    return new Chart(this.fake, chart);
  }

  add(type: string, source: Range, seriesBy: string): Chart {
    const sheet = this.existing();
    const chart: ChartModel = { name: `Chart ${sheet.charts.length + 1}`, type, source: source.addressText(), seriesBy, title: "", position: "" };
    this.fake.queue({ bytes: 0, cells: 0 }, () => sheet.charts.push(chart));
    return new Chart(this.fake, chart);
  }

  getItemOrNullObject(name: string): Chart {
    return new Chart(this.fake, this.existing().charts.find((chart) => chart.name === name));
  }

  private existing(): SheetModel {
    if (!this.model) throw new Error("InvalidObjectPath: the worksheet does not exist.");
    return this.model;
  }
}

class Chart extends Loadable {
  readonly title: { text: string };
  constructor(fake: FakeExcel, private readonly model: ChartModel | undefined) {
    super(fake);
    const queue = (apply: (chart: ChartModel) => void) => fake.queue({ bytes: 0, cells: 0 }, () => apply(this.existing()));
    const existing = () => this.existing();
    this.title = {
      set text(value: string) {
        queue((chart) => (chart.title = value));
      },
      get text() {
        return existing().title;
      },
    };
  }

  get isNullObject(): boolean {
    this.needSync();
    return this.model === undefined;
  }

  get name(): string {
    this.need("name");
    return this.existing().name;
  }

  set name(value: string) {
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.existing().name = value));
  }

  set chartType(value: string) {
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.existing().type = value));
  }

  setPosition(startCell: string, endCell?: string): void {
    this.fake.queue({ bytes: 0, cells: 0 }, () => (this.existing().position = endCell === undefined ? startCell : `${startCell}:${endCell}`));
  }

  setData(source: Range, seriesBy: string): void {
    this.fake.queue({ bytes: 0, cells: 0 }, () => Object.assign(this.existing(), { source: source.addressText(), seriesBy }));
  }

  private existing(): ChartModel {
    if (!this.model) throw new Error("InvalidObjectPath: the chart does not exist.");
    return this.model;
  }
}

class Range extends Loadable {
  private isNull = false;
  private response: PayloadSize = { bytes: 0, cells: 0 };
  private snapshot: { values?: Scalar[][]; formulas?: Scalar[][]; numberFormat?: string[][] } = {};

  constructor(fake: FakeExcel, private readonly sheet: SheetModel, private readonly box: CellRange | undefined) {
    super(fake);
  }

  static nullObject(fake: FakeExcel): Range {
    const range = new Range(fake, new SheetModel(""), undefined);
    range.isNull = true;
    return range;
  }

  get isNullObject(): boolean {
    this.needSync();
    return this.isNull;
  }

  override complete(sync: number): PayloadSize {
    const asked = this.requestedProperties();
    super.complete(sync);
    if (this.isNull) return { bytes: 0, cells: 0 };
    const cells = this.cellCount();
    const reads = asked.filter((p) => p === "values" || p === "formulas" || p === "numberFormat");
    if (reads.length > 0 && cells > READ_CELL_LIMIT) throw new Error(`InvalidOperation: the range ${this.addressText()} has ${cells} cells; Excel reads at most 5,000,000.`);
    if (reads.length > 0) this.fake.cellsRead.set(this.sheet.name, (this.fake.cellsRead.get(this.sheet.name) ?? 0) + cells * reads.length);
    if (asked.includes("values")) this.snapshot.values = this.map((cell) => cell?.value ?? "");
    if (asked.includes("formulas")) this.snapshot.formulas = this.map((cell) => cell?.formula ?? cell?.value ?? "");
    if (asked.includes("numberFormat")) this.snapshot.numberFormat = this.map((cell) => cell?.numberFormat ?? "General");
    this.response = { bytes: reads.reduce((sum, p) => sum + jsonBytes(this.snapshot[p as "values"]), 0), cells: reads.length > 0 ? cells : 0 };
    return this.response;
  }

  addressText(): string {
    return rangeAddress(this.bounds(), this.sheet.name);
  }

  get address(): string {
    this.need("address");
    return this.addressText();
  }

  get rowIndex(): number {
    this.need("rowIndex");
    return this.bounds().top;
  }

  get columnIndex(): number {
    this.need("columnIndex");
    return this.bounds().left;
  }

  get rowCount(): number {
    this.need("rowCount");
    return this.bounds().bottom - this.bounds().top + 1;
  }

  get columnCount(): number {
    this.need("columnCount");
    return this.bounds().right - this.bounds().left + 1;
  }

  get values(): Scalar[][] {
    this.need("values");
    return this.snapshot.values ?? [];
  }

  set values(rows: Scalar[][]) {
    this.formulas = rows;
  }

  get formulas(): Scalar[][] {
    this.need("formulas");
    return this.snapshot.formulas ?? [];
  }

  get numberFormat(): string[][] {
    this.need("numberFormat");
    return this.snapshot.numberFormat ?? [];
  }

  /** Excel takes each entry as if typed into the cell; the array must match the range's size. */
  set formulas(rows: Scalar[][]) {
    this.assertShape(rows);
    this.fake.queue({ bytes: jsonBytes(rows), cells: this.cellCount() }, () => {
      this.assertWritable();
      const { top, left } = this.bounds();
      rows.forEach((row, r) => row.forEach((entry, c) => Object.assign(this.sheet.edit(top + r, left + c), typed(entry))));
    });
  }

  /**
   * One format per cell (a 2-D array of the range's size), or a single value for every cell: "If the
   * argument is a single value, it will be applied to all cells in the range."
   * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-numberformat-member)
   */
  set numberFormat(rows: string[][] | string) {
    const { top, left, bottom, right } = this.bounds();
    const grid = typeof rows === "string" ? Array.from({ length: bottom - top + 1 }, () => new Array<string>(right - left + 1).fill(rows)) : rows;
    this.assertShape(grid);
    this.fake.queue({ bytes: jsonBytes(rows), cells: this.cellCount() }, () => {
      this.assertWritable();
      grid.forEach((row, r) => row.forEach((format, c) => (this.sheet.edit(top + r, left + c).numberFormat = format)));
    });
  }

  /** Row `index` of the range, as a range. */
  getRow(index: number): Range {
    const { top, left, right } = this.bounds();
    return new Range(this.fake, this.sheet, { top: top + index, left, bottom: top + index, right });
  }

  get format(): { font: { bold: boolean }; columnWidth: number } {
    const { top, left, bottom, right } = this.bounds();
    const sheet = this.sheet;
    const fake = this.fake;
    const widest = 255 * 7 + 5;
    const font = {
      set bold(value: boolean) {
        fake.queue({ bytes: 8, cells: (bottom - top + 1) * (right - left + 1) }, () => {
          for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) sheet.edit(r, c).bold = value;
        });
      },
      get bold(): boolean {
        throw new Error('PropertyNotLoaded: "format/font/bold" was read before load and context.sync().');
      },
    };
    return {
      font,
      set columnWidth(points: number) {
        if (!(points >= 0 && points <= widest * 0.75)) throw new Error(`InvalidArgument: column width ${points} is not between 0 and ${widest * 0.75} points.`);
        fake.queue({ bytes: 8, cells: 0 }, () => {
          for (let c = left; c <= right; c++) sheet.columnWidths.set(c, points);
        });
      },
      get columnWidth(): number {
        throw new Error('PropertyNotLoaded: "format/columnWidth" was read before load and context.sync().');
      },
    };
  }

  clear(): void {
    this.fake.queue({ bytes: 0, cells: 0 }, () => {
      this.assertWritable();
      const box = this.box;
      for (const key of [...this.sheet.cells.keys()]) {
        const [row, col] = key.split(",").map(Number);
        if (!box || (row >= box.top && row <= box.bottom && col >= box.left && col <= box.right)) this.sheet.cells.delete(key);
      }
    });
  }

  private cellCount(): number {
    const { top, left, bottom, right } = this.bounds();
    return (bottom - top + 1) * (right - left + 1);
  }

  private assertShape(rows: unknown[][]): void {
    const { top, left, bottom, right } = this.bounds();
    if (rows.length !== bottom - top + 1 || rows.some((row) => row.length !== right - left + 1)) {
      throw new Error(`InvalidArgument: the array does not match the size of the range ${this.addressText()}.`);
    }
  }

  private assertWritable(): void {
    if (this.sheet.protected) throw new Error("AccessDenied: the sheet is protected.");
  }

  private bounds(): CellRange {
    if (this.box) return this.box;
    // Worksheet.getRange() without an address is the whole sheet; only its used part holds anything.
    return this.sheet.used() ?? { top: 0, left: 0, bottom: 0, right: 0 };
  }

  private map<T>(read: (cell: CellModel | undefined) => T): T[][] {
    const { top, left, bottom, right } = this.bounds();
    return Array.from({ length: bottom - top + 1 }, (_, r) =>
      Array.from({ length: right - left + 1 }, (_, c) => read(this.sheet.cell(top + r, left + c))),
    );
  }
}

/** How Excel takes one typed entry. */
function typed(entry: Scalar): Partial<CellModel> {
  if (typeof entry !== "string") return { value: entry, formula: undefined };
  if (entry.startsWith("'")) return { value: entry.slice(1), formula: undefined };
  if (/^[=+\-@]/.test(entry) && !/^[+-]\d+(\.\d+)?$/.test(entry)) return { value: "", formula: entry.startsWith("=") ? entry : `=${entry}` };
  if (/^[+-]?\d+(\.\d+)?$/.test(entry.trim())) return { value: Number(entry), formula: undefined };
  if (/^(true|false)$/i.test(entry)) return { value: entry.toLowerCase() === "true", formula: undefined };
  return { value: entry, formula: undefined };
}

type TableModel = { name: string; sheet: string; address: string };

class Tables extends Loadable {
  private snapshot: Table[] = [];

  override complete(sync: number): PayloadSize {
    const properties = itemProperties(this.requestedProperties());
    const size = super.complete(sync);
    this.snapshot = this.fake.tables.map((model) => {
      const table = new Table(this.fake, model).loadNow(properties.filter((p) => !p.includes("/")), sync);
      table.worksheet.loadNow(childProperties(properties, "worksheet"), sync);
      return table;
    });
    return size;
  }

  get items(): Table[] {
    this.need("items/name");
    return this.snapshot;
  }

  getItemOrNullObject(name: string): Table {
    return new Table(this.fake, this.fake.tables.find((table) => table.name.toLowerCase() === name.toLowerCase()));
  }

  getItem(name: string): Table {
    const model = this.fake.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
    if (!model) throw new Error(`ItemNotFound: there is no table "${name}".`);
    return new Table(this.fake, model);
  }
}

class Table extends Loadable {
  readonly worksheet: Worksheet;

  constructor(fake: FakeExcel, private readonly model: TableModel | undefined) {
    super(fake);
    this.worksheet = new Worksheet(fake, model ? fake.sheet(model.sheet) : undefined);
  }

  get isNullObject(): boolean {
    this.needSync();
    return this.model === undefined;
  }

  get name(): string {
    this.need("name");
    return this.existing().name;
  }

  get showTotals(): boolean {
    this.need("showTotals");
    return false;
  }

  get showHeaders(): boolean {
    this.need("showHeaders");
    return true;
  }

  getRange(): Range {
    if (!this.model) return Range.nullObject(this.fake);
    return new Range(this.fake, this.fake.sheet(this.model.sheet), parseRange(this.model.address));
  }

  /** Table.resize (ExcelApi 1.13): the table takes a new range of its sheet. */
  resize(range: Range): void {
    const model = this.existing();
    this.fake.queue({ bytes: 0, cells: 0 }, () => {
      model.address = rangeAddress(parseRange(range.addressText()));
    });
  }

  getHeaderRowRange(): Range {
    if (!this.model) return Range.nullObject(this.fake);
    const box = parseRange(this.model.address);
    return new Range(this.fake, this.fake.sheet(this.model.sheet), { ...box, bottom: box.top });
  }

  private existing(): TableModel {
    if (!this.model) throw new Error("InvalidObjectPath: the table does not exist.");
    return this.model;
  }
}

/** Excel's type of a named item, from its formula. */
function nameType(formula: string): string {
  const body = formula.replace(/^=/, "");
  if (body.includes("#REF!")) return "Error";
  if (/^[-+]?\d/.test(body)) return Number.isInteger(Number(body)) ? "Integer" : "Double";
  if (body.startsWith('"')) return "String";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (body.startsWith("{")) return "Array";
  return "Range";
}

class NamedItem extends Loadable {
  constructor(fake: FakeExcel, private readonly model: NameModel | undefined) {
    super(fake);
  }

  get isNullObject(): boolean {
    this.needSync();
    return this.model === undefined;
  }

  get name(): string {
    this.need("name");
    return this.existing().name;
  }

  get formula(): string {
    this.need("formula");
    return this.existing().formula;
  }

  get type(): string {
    this.need("type");
    return nameType(this.existing().formula);
  }

  get visible(): boolean {
    this.need("visible");
    return this.existing().visible;
  }

  private existing(): NameModel {
    if (!this.model) throw new Error("InvalidObjectPath: the named item does not exist.");
    return this.model;
  }
}

/** Workbook.names (workbook-level names) or Worksheet.names (that sheet's names). */
class Names extends Loadable {
  private snapshot: NamedItem[] = [];

  constructor(fake: FakeExcel, private readonly scope?: string) {
    super(fake);
  }

  override complete(sync: number): PayloadSize {
    const properties = itemProperties(this.requestedProperties());
    const size = super.complete(sync);
    this.snapshot = this.models().map((model) => new NamedItem(this.fake, model).loadNow(properties, sync));
    return size;
  }

  get items(): NamedItem[] {
    this.need("items/name");
    return this.snapshot;
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.fake, this.models().find((candidate) => candidate.name.toLowerCase() === name.toLowerCase()));
  }

  private models(): NameModel[] {
    return this.fake.names.filter((entry) => entry.scope === this.scope);
  }
}
