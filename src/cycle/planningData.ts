/**
 * The planning data the S&OP cycle works on, typed, and how it is read from the planner's workbook
 * through a DataMapping. Every value keeps the sheet-qualified address of the cell it came from, so
 * validation and the task pane can point at the cell.
 */
import type { CellValue, Matrix, Workbook } from "../workbook/workbook";
import { readBlock } from "./blockReading";
import { isBlank, toAttributeNumber, toNumber } from "./cellValues";
import type { ItemField, ResourceField } from "./headerNames";
import { monthsPerPeriod, type PlanningBucket } from "./planningBuckets";
import { blockCellAddress, locationHeading } from "./historyLayout";
import { masterIdOf, masterIndex } from "./itemMatch";
import { mappedHistory, readHistory, repeatsKeyHeader, type CustomerTotal, type SoldUnit } from "./historyReader";
import { blockPosition, cellAt, keyedLines, type DataMapping, type RecordMapping, type SeriesMapping } from "./mapping";
import type { ReadProblem, Reconciliation } from "./reconciliation";

/** One item of the item master. Numbers the workbook does not give are null. */
export interface Item {
  id: string;
  description: string;
  /** Product family (first level of the hierarchy); "" when the workbook has none. */
  family: string;
  unit: string;
  price: number | null;
  unitCost: number | null;
  /** Annual holding cost as a fraction of unit cost (25% = 0.25). */
  holdingRate: number | null;
  /** Lead time in planning periods: months, or weeks in a weekly plan. */
  leadTime: number | null;
  /** Target cycle service level as a fraction (95% = 0.95). */
  serviceLevel: number | null;
  openingInventory: number | null;
  safetyStock: number | null;
  /** Hours one unit takes on each resource, by resource id. */
  hoursPerUnit: Record<string, number>;
  /**
   * The item's own values at each location of an item master kept per location (a row per item and
   * plant, as SAP's plant data); absent for a master of one row per item. The item's own fields then
   * hold them for all its locations together: opening inventory and safety stock added up, the longest
   * lead time, the average unit cost; its other fields are its first row's.
   */
  locations?: ItemAtLocation[];
}

/** An item's values at one location, as its row of an item master kept per location gives them (null: not given). */
export interface ItemAtLocation {
  location: string;
  /** Address of the row's location cell, to point at. */
  address: string;
  unitCost: number | null;
  leadTime: number | null;
  openingInventory: number | null;
  safetyStock: number | null;
}

/** One resource (work centre, line, machine group). Hours and costs per period; null when not given. */
export interface Resource {
  id: string;
  regularHours: number | null;
  overtimeHours: number | null;
  regularCost: number | null;
  overtimeCost: number | null;
  subcontractCost: number | null;
  subcontractHours: number | null;
}

/** Available hours per resource and future period. */
export interface Capacity {
  periods: string[];
  /** hours[r][t] for resources[r] (same order as PlanningData.resources) and periods[t]; null when blank. */
  hours: (number | null)[][];
}

/** One demand series: an item at a location ("" when the workbook has no location). */
export interface DemandSeries {
  item: string;
  location: string;
  /** history[t]: quantity in PlanningData.periods[t]; null for a blank (or unreadable) cell. */
  history: (number | null)[];
}

/** Everything the cycle plans from. */
export interface PlanningData {
  /** History period labels, oldest first: "YYYY-MM" for months, ISO weeks "YYYY-Www" for weeks. */
  periods: string[];
  /** The planning bucket the periods are in. */
  bucket: "month" | "week";
  /** The item master, in its order, plus the items found only in the history. */
  items: Item[];
  /** One series per item x location, in reading order. */
  series: DemandSeries[];
  resources: Resource[];
  capacity: Capacity | null;
}

/** A cell as read, with its sheet-qualified address. */
export interface MappedCell {
  value: CellValue;
  address: string;
}

/** A series block as read: keys, period headers and cells, with addresses. */
export interface SeriesCells {
  keys: MappedCell[];
  /** The location cell of each key; null for a block without a location column. */
  locations: MappedCell[] | null;
  /** Header cell of each period; null for a block without headers. */
  periodHeaders: MappedCell[] | null;
  periods: string[];
  /** cells[k][t] for keys[k] and periods[t]. */
  cells: MappedCell[][];
}

/** One record (row) of a record table as read: its cells by field, and hours-per-unit cells by resource header. */
export interface RecordCells<F extends string> {
  fields: Partial<Record<F, MappedCell>>;
  hours: Record<string, MappedCell>;
}

/**
 * Read a mapped series block (history or capacity) cell by cell, with addresses.
 * @throws WorkbookError when the mapped table, name or sheet no longer exists.
 * @example const cells = await readSeriesCells(book, mapping.history); cells.cells[0][0].address // "'Sales History'!B2"
 */
export async function readSeriesCells(book: Workbook, mapping: SeriesMapping): Promise<SeriesCells> {
  const values = await readBlock(book, mapping.source.reference);
  const mapped = (line: number, position: number): MappedCell => ({
    value: cellAt(values, mapping.orientation, line, position),
    address: blockCellAddress(mapping.source, blockPosition(mapping.orientation, line, position)),
  });
  const keyHeader = mapping.headerLine < 0 ? null : cellAt(values, mapping.orientation, mapping.keyLine, mapping.headerLine);
  // a grid printed by location repeats its header row under each location's heading: no item
  const repeated = (key: CellValue): boolean => mapping.locationHeadings === true && repeatsKeyHeader(key, keyHeader);
  const lines = keyedLines(values, mapping).filter((line) => !repeated(line.key));
  const positions = lines.map((line) => line.position);
  const headed = mapping.locationHeadings ? headingLocations(values, mapping) : undefined;
  return {
    keys: lines.map((line) => ({ ...mapped(mapping.keyLine, line.position), value: line.key })),
    locations: headed ? positions.map((position) => headed[position]) : mapping.locationLine === undefined ? null : positions.map((position) => mapped(mapping.locationLine ?? 0, position)),
    periodHeaders: mapping.headerLine < 0 ? null : mapping.periodLines.map((line) => mapped(line, mapping.headerLine)),
    periods: mapping.periods,
    cells: positions.map((position) => mapping.periodLines.map((line) => mapped(line, position))),
  };
}

/** For each row of a grid printed by location, the location its last heading line above names, as the cell of that heading ("Plant: Paris" gives "Paris"). */
function headingLocations(values: Matrix, mapping: SeriesMapping): MappedCell[] {
  let current: MappedCell = { value: "", address: blockCellAddress(mapping.source, { row: 0, col: 0 }) };
  return values.map((row, position) => {
    const location = locationHeading(row, mapping.periodLines);
    if (location !== undefined) current = { value: location, address: blockCellAddress(mapping.source, { row: position, col: row.findIndex((cell) => !isBlank(cell ?? null)) }) };
    return current;
  });
}

/**
 * Read a mapped record table (items or resources): one entry per row that has an id.
 * @example const rows = await readRecordCells(book, mapping.items); rows[0].fields.id?.value // "CH-101"
 */
export async function readRecordCells<F extends string>(
  book: Workbook,
  mapping: RecordMapping<F> & { hoursPerUnit?: Record<string, number> },
): Promise<RecordCells<F>[]> {
  const values: Matrix = await readBlock(book, mapping.source.reference);
  const idColumn = mapping.columns["id" as F];
  const rows: RecordCells<F>[] = [];
  for (let row = mapping.headerRow + 1; row < values.length; row++) {
    const mapped = (col: number): MappedCell => ({ value: values[row][col] ?? null, address: blockCellAddress(mapping.source, { row, col }) });
    if (idColumn === undefined || isBlank(values[row][idColumn] ?? null)) continue;
    const fields: Partial<Record<F, MappedCell>> = {};
    for (const field of Object.keys(mapping.columns) as F[]) {
      const col = mapping.columns[field];
      if (col !== undefined) fields[field] = mapped(col);
    }
    const hours: Record<string, MappedCell> = {};
    for (const [header, col] of Object.entries(mapping.hoursPerUnit ?? {})) hours[header] = mapped(col);
    rows.push({ fields, hours });
  }
  return rows;
}

/** The planning data with the account of how the history was read. */
export interface PlanningReading extends PlanningData {
  /** Rows and quantities of the history read, used and left out (and why). */
  reconciliation: Reconciliation;
  /** Cells of the history that could not be read as mapped; each is an error until fixed. */
  problems: ReadProblem[];
  /** Totals by customer and channel when the history has such columns (reporting only; series are summed over them). */
  byCustomer?: CustomerTotal[];
  /** The unit each item is ordered in, when the order lines have a unit column. */
  units?: SoldUnit[];
}

/**
 * Read the planning data the mapping points at. Items come from the item master, in its order; items
 * found only in the history are added after them with empty attributes. The history is read by
 * readHistory: one series per item x location in reading order, in the mapping's planning bucket
 * (months unless the planner chose weeks), with its reconciliation and the
 * cells it could not read.
 * @throws PlanningError when the mapping has no history.
 * @example const data = await readPlanningData(book, await proposeMapping(book)); data.items.length // 40
 */
export async function readPlanningData(book: Workbook, mapping: DataMapping): Promise<PlanningReading> {
  // Asked for together, so that a workbook in Excel reads the four blocks in as few round trips as it can.
  const [history, resourceRows, itemRows, capacity] = await Promise.all([
    readHistory(book, mappedHistory(mapping), mapping.bucket),
    mapping.resources ? readRecordCells(book, mapping.resources) : [],
    mapping.items ? readRecordCells(book, mapping.items) : [],
    mapping.capacity ? readSeriesCells(book, mapping.capacity) : undefined,
  ]);
  const perPeriod = hoursPerPlanPeriod(mapping.resources?.hoursPer ?? {}, mapping.bucket ?? "month");
  const resources = resourceRows.map((row) => toResource(row, perPeriod));
  // a lead time in the plan's periods: weeks in a weekly plan, 4.35 to a month
  const periodsPerUnit = (mapping.items?.leadTimeMonthsPerUnit ?? 1) / monthsPerPeriod(mapping.bucket ?? "month");
  const items = byLocation(itemRows.map((row) => ({ item: toItem(row, resources, periodsPerUnit), location: row.fields.location })));
  const known = new Set(items.map((item) => item.id));
  const series = withMasterSpelling(history.series, items);
  for (const { item } of series) {
    if (!known.has(item)) {
      known.add(item);
      items.push(emptyItem(item));
    }
  }
  if (capacity && resources.length === 0) resources.push(...capacity.keys.map((key) => emptyResource(String(key.value).trim())));
  return {
    periods: history.periods,
    bucket: history.bucket,
    items,
    series,
    resources,
    capacity: capacity ? capacityByResource(capacity, resources) : null,
    reconciliation: history.reconciliation,
    problems: history.problems,
    ...(history.byCustomer ? { byCustomer: history.byCustomer } : {}),
    ...(history.units ? { units: history.units } : {}),
  };
}

/**
 * The key of a demand series: its item, and its location when it has one, as one string.
 * @example seriesKey("CH-101", "North") // "CH-101 @ North"; seriesKey("CH-101", "") // "CH-101"
 */
export function seriesKey(item: string, location: string): string {
  return location === "" ? item : `${item} @ ${location}`;
}

/** Whether the demand has locations (a series with a non-empty location). */
export function hasLocations(series: readonly Pick<DemandSeries, "location">[]): boolean {
  return series.some((entry) => entry.location !== "");
}


/** Capacity rows in the order of the resources (matched by id, case-insensitive); a resource without a row gets blanks. */
function capacityByResource(cells: SeriesCells, resources: Resource[]): Capacity {
  const rowOf = new Map(cells.keys.map((key, row) => [String(key.value).trim().toLowerCase(), row]));
  return {
    periods: cells.periods,
    hours: resources.map((resource) => {
      const row = rowOf.get(resource.id.toLowerCase());
      return row === undefined ? cells.periods.map(() => null) : cells.cells[row].map((cell) => toNumber(cell.value));
    }),
  };
}

/** An item of the item master, its lead time in planning periods (the column's unit times `leadTimePeriodsPerUnit`). */
function toItem(row: RecordCells<ItemField>, resources: Resource[], leadTimePeriodsPerUnit: number): Item {
  const text = (field: ItemField): string => {
    const value = row.fields[field]?.value ?? null;
    return value === null ? "" : String(value).trim();
  };
  const number = (field: ItemField): number | null => toAttributeNumber(row.fields[field]?.value ?? null);
  const hoursPerUnit: Record<string, number> = {};
  for (const [header, cell] of Object.entries(row.hours)) {
    const hours = toNumber(cell.value);
    if (hours !== null) hoursPerUnit[resourceIdOf(header, resources)] = hours;
  }
  return {
    id: text("id"),
    description: text("description"),
    family: text("family"),
    unit: text("unit"),
    price: number("price"),
    unitCost: perUnit(number("unitCost"), number("priceUnit")),
    holdingRate: fraction(number("holdingRate")),
    leadTime: inPeriods(number("leadTime"), leadTimePeriodsPerUnit),
    serviceLevel: fraction(number("serviceLevel")),
    openingInventory: number("openingInventory"),
    safetyStock: number("safetyStock"),
    hoursPerUnit,
  };
}

/**
 * The items of an item master, one per id: the rows of an item kept per location (a location cell)
 * become its `locations`, their totals its own fields; its first row gives the rest. Rows of one id
 * without a location keep the first (validation names the repeated ones).
 */
function byLocation(rows: readonly { item: Item; location?: MappedCell }[]): Item[] {
  const grouped = new Map<string, { item: Item; location?: MappedCell }[]>();
  for (const row of rows) grouped.set(row.item.id, [...(grouped.get(row.item.id) ?? []), row]);
  return [...grouped.values()].map((group) => {
    const located = group.filter((row) => row.location !== undefined && !isBlank(row.location.value));
    if (located.length === 0) return group[0].item;
    const locations: ItemAtLocation[] = located.map(({ item, location }) => ({
      location: String(location?.value ?? "").trim(),
      address: location?.address ?? "",
      unitCost: item.unitCost,
      leadTime: item.leadTime,
      openingInventory: item.openingInventory,
      safetyStock: item.safetyStock,
    }));
    const given = (field: "unitCost" | "leadTime" | "openingInventory" | "safetyStock"): number[] => locations.flatMap((entry) => (entry[field] === null ? [] : [entry[field]]));
    const total = (values: number[]): number | null => (values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0));
    const costs = given("unitCost");
    const leadTimes = given("leadTime");
    return {
      ...group[0].item,
      unitCost: costs.length === 0 ? null : (total(costs) ?? 0) / costs.length,
      leadTime: leadTimes.length === 0 ? null : Math.max(...leadTimes),
      openingInventory: total(given("openingInventory")),
      safetyStock: total(given("safetyStock")),
      locations,
    };
  });
}

function emptyItem(id: string): Item {
  return {
    id,
    description: "",
    family: "",
    unit: "",
    price: null,
    unitCost: null,
    holdingRate: null,
    leadTime: null,
    serviceLevel: null,
    openingInventory: null,
    safetyStock: null,
    hoursPerUnit: {},
  };
}

function emptyResource(id: string): Resource {
  return { id, regularHours: null, overtimeHours: null, regularCost: null, overtimeCost: null, subcontractCost: null, subcontractHours: null };
}

/**
 * By hours field, the factor from the hours its header counts (per week or per month) to hours per
 * planning period: 4.35 for a week's hours in a monthly plan, 1 / 4.35 the other way, 1 otherwise.
 */
function hoursPerPlanPeriod(hoursPer: Partial<Record<ResourceField, "week" | "month">>, bucket: PlanningBucket): (field: ResourceField) => number {
  return (field) => {
    const period = hoursPer[field];
    return period === undefined ? 1 : monthsPerPeriod(bucket) / monthsPerPeriod(period);
  };
}

function toResource(row: RecordCells<ResourceField>, perPeriod: (field: ResourceField) => number): Resource {
  const number = (field: ResourceField): number | null => {
    const value = toAttributeNumber(row.fields[field]?.value ?? null);
    return value === null ? null : value * perPeriod(field);
  };
  return {
    id: String(row.fields.id?.value ?? "").trim(),
    regularHours: number("regularHours"),
    overtimeHours: number("overtimeHours"),
    regularCost: number("regularCost"),
    overtimeCost: number("overtimeCost"),
    subcontractCost: number("subcontractCost"),
    subcontractHours: number("subcontractHours"),
  };
}

/** The resource an hours-per-unit header names: a known resource id when the header contains it, else the header. */
function resourceIdOf(header: string, resources: Resource[]): string {
  const lower = header.toLowerCase();
  const match = resources.find((resource) => resource.id !== "" && lower.includes(resource.id.toLowerCase()));
  return match ? match.id : header;
}

/** A rate written as a percentage (95) becomes a fraction (0.95). */
function fraction(value: number | null): number | null {
  return value !== null && value > 1 ? value / 100 : value;
}

/** A lead time in planning periods from one in the column's unit, to a tenth of a period (30 days: 1.0 month; 2 months: 8.7 weeks). */
function inPeriods(value: number | null, periodsPerUnit: number): number | null {
  return value === null || periodsPerUnit === 1 ? value : Math.round(value * periodsPerUnit * 10) / 10;
}

/** A unit cost kept per price unit (SAP's standard price per 1,000 pieces) as the cost of one unit; per 1 without a price unit. */
function perUnit(cost: number | null, priceUnit: number | null): number | null {
  return cost === null || priceUnit === null || priceUnit <= 0 ? cost : cost / priceUnit;
}

/**
 * The history's series with each item written as the item master writes it when the two differ only in
 * letter case ("CH-101" sold, "ch-101" in the master), as Excel's own lookups match, or in the leading
 * zeros of a code of digits ({@link itemMatchKey}), or when the history writes the code with its name
 * ("CH-101 - Office chair", "Office chair (CH-101)"; {@link masterIdOf}): one item, not a priced one
 * without sales and a sold one without a price. A series keeps its spelling when another series of the
 * same location already has the master's.
 */
function withMasterSpelling<S extends { item: string; location: string }>(series: readonly S[], items: readonly Item[]): S[] {
  const master = masterIndex(items.map((item) => item.id));
  const taken = new Set(series.map((entry) => `${entry.item}\u0000${entry.location}`));
  return series.map((entry) => {
    const id = masterIdOf(entry.item, master)?.id;
    const key = `${id ?? ""}\u0000${entry.location}`;
    if (id === undefined || id === entry.item || taken.has(key)) return entry;
    // two spellings of one item ("CH-101 - Office chair", "ch-101") do not both become it
    taken.add(key);
    return { ...entry, item: id };
  });
}
