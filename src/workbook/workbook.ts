/**
 * What the add-in does to a workbook, as one interface. The task pane, the command line and the tests
 * drive the same code through it; `OfficeWorkbook` implements it on Office.js (Excel) and
 * `MemoryWorkbook` in memory, loading and saving .xlsx with ExcelJS.
 *
 * Safety rules every implementation keeps:
 * - it writes only into sheets the add-in created (recorded in the workbook's own metadata), unless the
 *   caller passes an `overwrite` confirmation that asked the user and got an explicit yes;
 * - a string value is always written as text, never as a formula, even when it starts with = + - @;
 *   formulas are written only when given as `{ formula }`;
 * - writes are batched: `writeBlocks` costs few round trips (one per about 2 MB of data);
 * - `writeBlocks` is all or nothing: its blocks, protections and metadata are all in the workbook
 *   afterwards, or, when any part fails, none of them (sheets it created are removed again);
 * - the overwrite question is asked before anything is written.
 */

/** A cell's value as read: number, text, boolean, or null for a blank. Error cells read as text like "#N/A". */
export type CellValue = string | number | boolean | null;

/** A rectangular block of values, rows of columns. */
export type Matrix = CellValue[][];

/** A value to write: a plain value (text stays text) or an explicit formula. */
export type CellInput = CellValue | { formula: string };

/** How the add-in's metadata sheet is shown: see Workbook.metadataVisibility. */
export type MetadataVisibility = "veryHidden" | "hidden" | "visible" | "absent";

export interface SheetInfo {
  name: string;
  /** True when the add-in created this sheet (it may write there without asking). */
  ownedByAddin: boolean;
  protected: boolean;
  visible: boolean;
}

export interface TableInfo {
  name: string;
  sheet: string;
  /** A1 address of the whole table including the header row, e.g. "A1:M41". */
  address: string;
  headers: string[];
  rowCount: number;
}

export interface NamedRangeInfo {
  name: string;
  /**
   * Sheet-qualified address, e.g. "History!B2:AK41"; null when the name is not one plain rectangular
   * range (whole column or row, several areas, a formula, a constant, a #REF! error): `note` says why.
   */
  address: string | null;
  /** Why the name is listed without an address (the planner reads this), e.g. "refers to whole columns". */
  note?: string;
  /** The sheet a worksheet-scoped name belongs to (read it as "Sheet!Name"); absent for workbook names. */
  scope?: string;
}

/** Rows [offset, offset + count) of what read(reference) returns (clipped at the end). */
export interface ReadWindow {
  offset: number;
  count: number;
}

/** Rows and columns a read returns. */
export interface Extent {
  rows: number;
  columns: number;
}

/** One rectangular write into a sheet. */
export interface WriteBlock {
  sheet: string;
  /** Top-left cell in A1 notation, e.g. "A1". */
  topLeft: string;
  values: CellInput[][];
  /** Number formats: one per column of `values` (applied to every row), or one per cell. */
  numberFormats?: string[] | string[][];
  /** Bold the first row (a header). */
  headerRow?: boolean;
}

export type ChartKind = "line" | "column" | "bar" | "area";

export interface ChartSpec {
  sheet: string;
  kind: ChartKind;
  title: string;
  /** Data block with series in columns and the first column as categories, e.g. "A1:D37". */
  dataAddress: string;
  /** Cell where the chart's top-left corner sits, e.g. "H2". */
  anchor: string;
  /** Cell where the chart's bottom-right corner sits, e.g. "P19"; absent: 8 columns by 16 rows from the anchor. */
  bottomRight?: string;
}

/** How a sheet prints: what a board member gets on paper. */
export interface PrintSetup {
  orientation: "landscape" | "portrait";
  /** Pages across the printout is shrunk to (1: every column on one page width). */
  pagesWide: number;
  /** Pages down the printout is shrunk to; 0 for as many as the rows need. */
  pagesTall: number;
  /** Rows from row 1 repeated at the top of every page (0 for none). */
  titleRows: number;
  /** Columns from column A repeated at the left of every page (0 for none). */
  titleColumns: number;
  /** Only this A1 range is printed, e.g. "A1:H46"; absent: the whole used range. */
  area?: string;
}

/**
 * How a sheet is presented on screen and on paper; every member is optional and what is absent is left
 * as it is. Written with `WriteOptions.layouts`, in the same write as the sheet's values.
 */
export interface SheetLayout {
  /** Widths of columns A, B, ... in characters of the default font (Excel's column width unit). */
  columnWidths?: readonly number[];
  /** Header rows at the top and key columns at the left that stay in view while scrolling. */
  freeze?: { rows: number; columns: number };
  print?: PrintSetup;
}

/** Asked before the add-in writes into a sheet it did not create; resolves true only on the user's yes. */
export type OverwriteConfirmation = (sheet: string) => Promise<boolean>;

export interface WriteOptions {
  overwrite?: OverwriteConfirmation;
  /** Clear the add-in-owned target sheets before writing (their old content is replaced). */
  replace?: boolean;
  /**
   * Protect these target sheets once written, as part of the same write. A sheet listed here that the
   * add-in owns and protected earlier (the audit log) is unprotected for the write and protected again.
   */
  protect?: readonly string[];
  /** Set these metadata keys as part of the same write. */
  metadata?: Readonly<Record<string, string>>;
  /** Lay out these target sheets (widths, frozen panes, print setup) as part of the same write, by sheet name. */
  layouts?: Readonly<Record<string, SheetLayout>>;
  /**
   * Grow (or shrink) these Excel tables, by table name, to these addresses on their sheets (e.g.
   * { SalesHistory: "A1:AL41" }) as part of the same write, as Excel grows a table when a month is typed
   * beside it: the header cells of new columns name them. The tables' sheets must be among the sheets written.
   */
  resizeTables?: Readonly<Record<string, string>>;
}

/** A cell holding a formula whose value was not saved with the file. */
export interface UncalculatedFormula {
  /** Sheet-qualified address, e.g. "Sales!B3". */
  address: string;
  /** The formula, with its "=". */
  formula: string;
}

export interface Workbook {
  listSheets(): Promise<SheetInfo[]>;
  listTables(): Promise<TableInfo[]>;
  listNames(): Promise<NamedRangeInfo[]>;
  /**
   * Read values of a sheet-qualified A1 range ("History!B2:AK41"), a whole sheet's used range
   * ("History", read from A1 so that row r, column c of the result is the sheet's cell), a table name
   * (header row included), a workbook-level name or a worksheet-level name ("History!Quantities").
   * With a window, only rows [offset, offset + count) of that result (fewer at the end; none past it).
   * A whole number shown with leading zeros by a format of zeros ("00000") reads as the text shown
   * ("00123"): it is a code (paddedCode.ts).
   */
  read(reference: string, window?: ReadWindow): Promise<Matrix>;
  /** Rows and columns read(reference) would return, without reading any value ({0, 0} for an empty sheet). */
  extent(reference: string): Promise<Extent>;
  /**
   * The cells of what read(reference) covers that hold a formula whose value was not saved with the
   * file (a file written by a program that stores formulas without calculating them): read() gives
   * them as blank. Excel calculates every formula, so a workbook open in Excel has none and need not
   * implement this.
   */
  uncalculatedFormulas?(reference: string): Promise<UncalculatedFormula[]>;
  /** Create an empty sheet owned by the add-in. Throws if a sheet of that name exists. */
  createSheet(name: string): Promise<void>;
  /**
   * Write blocks, batched, with the protections and metadata of `options`, all or nothing.
   * Throws WorkbookError for a sheet not owned unless `overwrite` says yes, or a protected sheet.
   */
  writeBlocks(blocks: readonly WriteBlock[], options?: WriteOptions): Promise<void>;
  /**
   * Protect a sheet against edits. There is no password: protection stops accidental edits, not a
   * determined one (anyone can unprotect the sheet, and a password kept in an add-in's open code would
   * be no secret). Approved plans are checked by their audit hash chain and receipts instead.
   */
  protectSheet(name: string): Promise<void>;
  /**
   * How the sheet holding the add-in's metadata was found when the workbook was read: "veryHidden" as
   * the add-in leaves it, "hidden" or "visible" when another program changed it (a LibreOffice save
   * makes it merely hidden), "absent" when the workbook has none yet. The add-in's next write makes it
   * very hidden again.
   */
  metadataVisibility?(): Promise<MetadataVisibility>;
  /** Add-in metadata kept inside the workbook (a very hidden sheet), as strings by key. */
  getMetadata(key: string): Promise<string | undefined>;
  setMetadata(key: string, value: string): Promise<void>;
  /** Add a chart, or bring the chart of that title on that sheet up to date (its data range, type, place). */
  addChart(spec: ChartSpec): Promise<void>;
  /**
   * Forget what was read and kept from the workbook (sheets, metadata, values): the planner may have
   * edited it since. The task pane calls it as each step starts; within a step, what was read once is
   * kept (and updated by the step's own writes), so a step costs few round trips to Excel.
   */
  forget(): void;
}
