/**
 * How the add-in's sheets name a demand series: by Item, followed by a Location column only when the
 * workbook's demand has locations (so a workbook without them keeps its sheets as they were).
 */
import type { CellValue } from "../workbook/workbook";
import type { DemandSeries } from "./planningData";

/** Header of the location column on the add-in's sheets. */
export const LOCATION_HEADER = "Location";

/**
 * The key columns' headers.
 * @param withLocations whether the demand has locations
 * @example keyHeader(true) // ["Item", "Location"]
 */
export function keyHeader(withLocations: boolean): string[] {
  return withLocations ? ["Item", LOCATION_HEADER] : ["Item"];
}

/**
 * The key cells of one series, under keyHeader(withLocations).
 * @example keyCells({ item: "CH-101", location: "North" }, true) // ["CH-101", "North"]
 */
export function keyCells(series: Pick<DemandSeries, "item" | "location">, withLocations: boolean): string[] {
  return withLocations ? [series.item, series.location] : [series.item];
}

/**
 * Read the key of a row of a sheet written with keyHeader: its item and location ("" without a location column).
 * @param header the sheet's header row
 * @param row the row
 * @example rowKey(["Item", "Location", "Family"], ["CH-101", "North", "Chairs"]) // { item: "CH-101", location: "North" }
 */
export function rowKey(header: readonly string[], row: readonly CellValue[]): Pick<DemandSeries, "item" | "location"> {
  const text = (cell: CellValue | undefined): string => (cell === null || cell === undefined ? "" : String(cell).trim());
  return { item: text(row[0]), location: header[1] === LOCATION_HEADER ? text(row[1]) : "" };
}

/** How many key columns a sheet written with keyHeader has (1 or 2). */
export function keyColumnCount(header: readonly string[]): number {
  return header[1] === LOCATION_HEADER ? 2 : 1;
}
