/** What the strict Excel host (excelHost.ts) and its Office.js stand-in (officeStandIn.ts) exchange. */

/** A cell value a planner's workbook holds. */
export type HostScalar = string | number | boolean;

/** The workbook opened in the host: sheets with values from A1, tables and workbook names. */
export interface HostWorkbook {
  sheets: { name: string; values: HostScalar[][] }[];
  tables: { name: string; sheet: string; address: string }[];
  /** Defined names; `scope` makes one a worksheet-level name of that sheet. */
  names: { name: string; formula: string; scope?: string }[];
  /** True for a workbook on the 1904 date system. */
  date1904?: boolean;
}

/** What the page fetches from /__excel-host/setup.json before Office.onReady resolves. */
export interface HostSetup {
  workbook: HostWorkbook;
  /** The requirement sets of the Excel the add-in runs in, name to highest version, e.g. { ExcelApi: "1.9" }. */
  requirementSets: Record<string, string>;
}

/** What one cell shows: a value, or an error value with the message Excel keeps for it (if any). */
export type HostCell = HostScalar | { error: string; message?: string };

/** What the host counted of the add-in's batches. */
export interface HostStats {
  syncs: number;
  largestRequest: { bytes: number; cells: number };
  largestResponse: { bytes: number; cells: number };
  runsWithoutDelay: number;
}
