/**
 * A small fake of the Excel JavaScript API, enough for OfficeWorkbook, that behaves like Excel where it
 * matters for correctness: reading a property before `load` + `context.sync()` throws (as Excel does,
 * unlike office-addin-mock's property bag); `context.sync()` calls are counted; a string written to
 * `values` or `formulas` is taken the way Excel takes typed input ("=..." becomes a formula, "123" a
 * number, "'..." text without the apostrophe).
 */
import type { ExcelBatchRunner } from "../../src/workbook/officeWorkbook";
import { parseRange, rangeAddress, type CellRange } from "../../src/workbook/address";

type Scalar = string | number | boolean;

interface NameModel {
  name: string;
  formula: string;
  /** The sheet of a worksheet-level name; undefined for a workbook-level name. */
  scope: string | undefined;
  visible: boolean;
}

interface CellModel {
  value: Scalar;
  formula?: string;
  numberFormat: string;
  bold: boolean;
}

interface ChartModel {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  position: string;
}

class SheetModel {
  visibility = "Visible";
  protected = false;
  readonly cells = new Map<string, CellModel>();
  readonly charts: ChartModel[] = [];
  constructor(public name: string) {}

  cell(row: number, col: number): CellModel | undefined {
    return this.cells.get(`${row},${col}`);
  }

  edit(row: number, col: number): CellModel {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: "General", bold: false };
      this.cells.set(key, cell);
    }
    return cell;
  }

  used(): CellRange | undefined {
    let box: CellRange | undefined;
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

/** The fake's whole state, shared by every batch. */
export class FakeExcel {
  syncs = 0;
  readonly sheets: SheetModel[] = [];
  readonly tables: { name: string; sheet: string; address: string }[] = [];
  readonly names: NameModel[] = [];
  private readonly pending: Loadable[] = [];

  /** Runs a batch like Excel.run, against this fake. */
  readonly runner: ExcelBatchRunner = async (batch) => batch(new FakeContext(this) as unknown as Excel.RequestContext);

  /** A planner's sheet with values from A1 (or `topLeft`). */
  addSheet(name: string, values: Scalar[][] = [], topLeft = "A1"): void {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    const origin = parseRange(topLeft);
    values.forEach((row, r) => row.forEach((value, c) => (sheet.edit(origin.top + r, origin.left + c).value = value)));
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

  sync(): void {
    this.syncs++;
    for (const object of this.pending.splice(0)) object.complete(this.syncs);
  }
}

class FakeContext {
  readonly workbook: { worksheets: Worksheets; tables: Tables; names: Names };
  constructor(private readonly fake: FakeExcel) {
    this.workbook = { worksheets: new Worksheets(fake), tables: new Tables(fake), names: new Names(fake) };
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
  protected syncedAt = -1;

  constructor(protected readonly fake: FakeExcel) {
    this.createdAt = fake.syncs;
  }

  load(spec?: string): this {
    for (const part of (spec ?? "").split(",").map((text) => text.trim()).filter(Boolean)) this.requested.add(part);
    this.fake.request(this);
    return this;
  }

  /** Properties asked for by load() since the last sync. */
  protected requestedProperties(): ReadonlySet<string> {
    return this.requested;
  }

  complete(sync: number): void {
    for (const property of this.requested) this.loaded.add(property);
    this.requested.clear();
    this.syncedAt = sync;
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

class Worksheets extends Loadable {
  private snapshot: Worksheet[] = [];

  override complete(sync: number): void {
    super.complete(sync);
    this.snapshot = this.fake.sheets.map((model) => Worksheet.loaded(this.fake, model, ["name", "visibility"]));
  }

  get items(): Worksheet[] {
    this.need("items/name");
    return this.snapshot;
  }

  getItemOrNullObject(name: string): Worksheet {
    this.fake.request(this);
    return new Worksheet(this.fake, this.fake.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase()));
  }

  getItem(name: string): Worksheet {
    const model = this.fake.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
    if (!model) throw new Error(`ItemNotFound: there is no sheet "${name}".`);
    return new Worksheet(this.fake, model);
  }

  add(name: string): Worksheet {
    if (this.fake.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
    const model = new SheetModel(name);
    this.fake.sheets.push(model);
    return new Worksheet(this.fake, model);
  }
}

class Worksheet extends Loadable {
  readonly protection: Protection;
  readonly names: Names;
  readonly charts: { add: (type: string, source: Range, seriesBy: string) => Chart };

  constructor(fake: FakeExcel, private readonly model: SheetModel | undefined) {
    super(fake);
    this.protection = new Protection(fake, model);
    this.names = new Names(fake, model?.name);
    this.charts = {
      add: (type, source, seriesBy) => {
        const chart: ChartModel = { type, source: source.addressText(), seriesBy, title: "", position: "" };
        this.existing().charts.push(chart);
        return new Chart(chart);
      },
    };
  }

  static loaded(fake: FakeExcel, model: SheetModel, properties: string[]): Worksheet {
    const sheet = new Worksheet(fake, model);
    sheet.load(properties.join(","));
    sheet.complete(fake.syncs);
    return sheet;
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
    this.existing().visibility = value;
  }

  getRange(address?: string): Range {
    return new Range(this.fake, this.existing(), address === undefined ? undefined : parseRange(address));
  }

  getUsedRangeOrNullObject(): Range {
    // A method of a null object gives a null object (Excel's *OrNullObject pattern).
    if (!this.model) return Range.nullObject(this.fake, new SheetModel(""));
    const used = this.existing().used();
    return used ? new Range(this.fake, this.existing(), used) : Range.nullObject(this.fake, this.existing());
  }

  private existing(): SheetModel {
    if (!this.model) throw new Error("InvalidObjectPath: the worksheet does not exist.");
    return this.model;
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
    if (!this.model) throw new Error("InvalidObjectPath");
    if (this.model.protected) throw new Error("InvalidOperation: the sheet is already protected.");
    this.model.protected = true;
  }
}

class Chart {
  readonly title: { text: string };
  constructor(private readonly model: ChartModel) {
    const chart = model;
    this.title = {
      set text(value: string) {
        chart.title = value;
      },
      get text() {
        return chart.title;
      },
    };
  }

  setPosition(startCell: string): void {
    this.model.position = startCell;
  }
}

class Range extends Loadable {
  private isNull = false;

  constructor(fake: FakeExcel, private readonly sheet: SheetModel, private readonly box: CellRange | undefined) {
    super(fake);
  }

  static nullObject(fake: FakeExcel, sheet: SheetModel): Range {
    const range = new Range(fake, sheet, undefined);
    range.isNull = true;
    return range;
  }

  get isNullObject(): boolean {
    this.needSync();
    return this.isNull;
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
    return this.map((cell) => cell?.value ?? "");
  }

  set values(rows: Scalar[][]) {
    this.formulas = rows;
  }

  get formulas(): Scalar[][] {
    this.need("formulas");
    return this.map((cell) => cell?.formula ?? cell?.value ?? "");
  }

  /** Excel takes each entry as if typed into the cell. */
  set formulas(rows: Scalar[][]) {
    this.assertWritable();
    const { top, left } = this.bounds();
    rows.forEach((row, r) =>
      row.forEach((entry, c) => {
        const cell = this.sheet.edit(top + r, left + c);
        Object.assign(cell, typed(entry));
      }),
    );
  }

  set numberFormat(rows: string[][]) {
    this.assertWritable();
    const { top, left } = this.bounds();
    rows.forEach((row, r) => row.forEach((format, c) => (this.sheet.edit(top + r, left + c).numberFormat = format)));
  }

  getRow(index: number): { format: { font: { bold: boolean } } } {
    const { top, left, right } = this.bounds();
    const sheet = this.sheet;
    const font = {
      set bold(value: boolean) {
        for (let c = left; c <= right; c++) sheet.edit(top + index, c).bold = value;
      },
      get bold() {
        return sheet.cell(top + index, left)?.bold ?? false;
      },
    };
    return { format: { font } };
  }

  clear(): void {
    this.assertWritable();
    const box = this.box;
    for (const key of [...this.sheet.cells.keys()]) {
      const [row, col] = key.split(",").map(Number);
      if (!box || (row >= box.top && row <= box.bottom && col >= box.left && col <= box.right)) this.sheet.cells.delete(key);
    }
  }

  private assertWritable(): void {
    if (this.sheet.protected) throw new Error("AccessDenied: the sheet is protected.");
  }

  private bounds(): CellRange {
    if (this.box) return this.box;
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

class Tables extends Loadable {
  private snapshot: Table[] = [];

  override complete(sync: number): void {
    super.complete(sync);
    this.snapshot = this.fake.tables.map((model) => {
      const table = new Table(this.fake, model);
      table.load("name,showTotals,showHeaders");
      table.complete(sync);
      return table;
    });
  }

  get items(): Table[] {
    this.need("items/name");
    return this.snapshot;
  }

  getItemOrNullObject(name: string): Table {
    this.fake.request(this);
    return new Table(this.fake, this.fake.tables.find((table) => table.name.toLowerCase() === name.toLowerCase()));
  }
}

class Table extends Loadable {
  constructor(fake: FakeExcel, private readonly model: { name: string; sheet: string; address: string } | undefined) {
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

  get showTotals(): boolean {
    this.need("showTotals");
    return false;
  }

  get showHeaders(): boolean {
    this.need("showHeaders");
    return true;
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.fake, this.model ? this.fake.sheet(this.model.sheet) : undefined);
  }

  getRange(): Range {
    if (!this.model) return Range.nullObject(this.fake, new SheetModel(""));
    return new Range(this.fake, this.fake.sheet(this.existing().sheet), parseRange(this.existing().address));
  }

  getHeaderRowRange(): Range {
    const box = parseRange(this.existing().address);
    return new Range(this.fake, this.fake.sheet(this.existing().sheet), { ...box, bottom: box.top });
  }

  private existing(): { name: string; sheet: string; address: string } {
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

  override complete(sync: number): void {
    const properties = [...this.requestedProperties()].filter((p) => p.startsWith("items/")).map((p) => p.slice("items/".length));
    super.complete(sync);
    this.snapshot = this.models().map((model) => {
      const item = new NamedItem(this.fake, model);
      item.load(properties.join(","));
      item.complete(sync);
      return item;
    });
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
