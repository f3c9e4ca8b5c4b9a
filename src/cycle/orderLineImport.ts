/**
 * Order lines (one row per order line, millions of them) aggregated into demand history by item x
 * location x bucket, with the reconciliation of what was used and what was left out, and the tallies
 * of delivery service where the file has requested and delivery dates. The work is done by an
 * analytical database (DuckDB) through `SqlRunner`, so the same queries run from the command line
 * (@duckdb/node-api) and in the task pane (@duckdb/duckdb-wasm).
 */
import { PlanningError } from "../core/errors";
import { serviceSummary, type DeliveryTally, type LeadTimeCount, type ServiceSummary } from "../core/service/otif";
import { COMMA_DECIMAL_TEXT, POINT_DECIMAL_TEXT, POINT_THOUSANDS_TEXT, sameText } from "./cellValues";
import { CANCELLED_STATUS, COUNT_UNITS, namesRejection, normalizeHeader, quantityScale, RETURN_TYPE } from "./headerNames";
import { MONTH_NUMBER_HEADER, namesWeekNumber } from "./historyLayout";
import { counted } from "./counted";
import { distinctMeasures, historyMeasure } from "./measureNames";
import { ORDER_LINE_ROLES, ROLE_LABELS, recogniseOrderLineColumns, type OrderLineColumns, type OrderLineRole } from "./orderLineColumns";
import { partialBuckets } from "./partialBuckets";
import { parseSpanLabel } from "./periodHeader";

/** A value of a query's result row. Whole numbers come back as numbers. */
export type SqlValue = string | number | boolean | null;

/** Runs SQL on DuckDB. */
export interface SqlRunner {
  /** Run a query and return its rows as objects keyed by column name. */
  rows(sql: string): Promise<Record<string, SqlValue>[]>;
}

/** An order-line file as DuckDB reaches it. */
export interface OrderLineFile {
  format: "csv" | "parquet";
  /** Its path (command line) or registered name (task pane). */
  path: string;
}

/** The planning bucket: calendar months ("YYYY-MM") or ISO weeks ("YYYY-Www"). */
export type Bucket = "month" | "week";

/** One demand series of the history: blank (null) before the first order line, 0 for a bucket without orders after it. */
export interface OrderSeries {
  item: string;
  /** "" when the file has no location column. */
  location: string;
  quantities: (number | null)[];
}

/** Rows of the file left out of the history for one reason. */
export interface LeftOut {
  reason: string;
  rows: number;
  /** Sum of the readable quantities of those rows. */
  quantity: number;
  /** Line numbers in the file (the header is line 1) of the first few; row numbers for parquet. */
  lines: number[];
}

/** Rows in = rows used + rows left out; quantity in = quantity used + quantity left out. */
export interface Reconciliation {
  rowsIn: number;
  rowsUsed: number;
  quantityIn: number;
  quantityUsed: number;
  leftOut: LeftOut[];
  /** What the numbers in `lines` count: lines of a CSV file (header = line 1) or rows of a parquet file (from 1). */
  numbering: "line" | "row";
}

/** Delivery service by item x location, and over all lines. */
export interface ServiceReport {
  /** The last date in the file ("YYYY-MM-DD"): lines not delivered and due before it are overdue. */
  asOf: string;
  /** How "in full" was judged, from the columns present. */
  inFullRule: string;
  byItemLocation: { item: string; location: string; summary: ServiceSummary }[];
  total: ServiceSummary;
  /** Order lines used in the history but left out of the service measures, by reason. */
  leftOut: { reason: string; rows: number }[];
}

/** What one file's order lines came to. */
export interface OrderHistory {
  bucket: Bucket;
  periods: string[];
  series: OrderSeries[];
  hasLocation: boolean;
  /** Which file column was taken for which role, and how its dates were read. */
  columns: { role: OrderLineRole; header: string; reading?: string }[];
  reconciliation: Reconciliation;
  /** Null when the file lacks a requested or a delivery date column. */
  service: ServiceReport | null;
}

/** How many example line numbers are reported per reason. */
const EXAMPLES = 5;

/** How a date column's values are read. */
interface DateLayout {
  label: string;
  /** DuckDB strptime format; null for its own year-month-day reading. */
  format: string | null;
  /** What each value names when it is no day: a month, or an ISO week (dated by its Monday). */
  period?: "month" | "week";
  /** Appended to a week before it is read: the ISO weekday of its Monday. */
  suffix?: string;
  /** A week is read only if this format writes its Monday back as the value: a week 53 its year does not have is no week. */
  check?: string;
}

/** Date layouts tried on a date column, in order of preference when several read every value. */
const DATE_LAYOUTS: readonly DateLayout[] = [
  { label: "year-month-day", format: null },
  { label: "month/day/year", format: "%m/%d/%Y" },
  { label: "day/month/year", format: "%d/%m/%Y" },
  { label: "day.month.year", format: "%d.%m.%Y" },
  { label: "month/day/year hour:minute", format: "%m/%d/%Y %H:%M" },
  { label: "day/month/year hour:minute", format: "%d/%m/%Y %H:%M" },
  { label: "day.month.year hour:minute", format: "%d.%m.%Y %H:%M" },
  { label: "month/day/year hour:minute:second", format: "%m/%d/%Y %H:%M:%S" },
  { label: "day/month/year hour:minute:second", format: "%d/%m/%Y %H:%M:%S" },
  { label: "day.month.year hour:minute:second", format: "%d.%m.%Y %H:%M:%S" },
  { label: "year/month/day", format: "%Y/%m/%d" },
  { label: "yearmonthday (20240115, as ERP systems store dates)", format: "%Y%m%d" },
  { label: "yearmonth (202401, a calendar month as SAP stores it)", format: "%Y%m", period: "month" },
  { label: "year-month (2024-01)", format: "%Y-%m", period: "month" },
  { label: "ISO week (2024-W05)", format: "%G-W%V-%u", period: "week", suffix: "-1", check: "%G-W%V" },
  { label: "ISO week (2024W05)", format: "%GW%V%u", period: "week", suffix: "1", check: "%GW%V" },
  // after the months: 202401..202412 alone read as months, as step 1's sheet reader reads them
  { label: "yearweek (202413, a calendar week as SAP stores it)", format: "%G%V%u", period: "week", suffix: "1", check: "%G%V" },
];

const BUCKET_FORMAT: Record<Bucket, string> = { month: "%Y-%m", week: "%G-W%V" };

/**
 * Aggregate a file of order lines into demand history by item x location x bucket.
 * @param runner DuckDB.
 * @param file the order-line file.
 * @param bucket months or ISO weeks.
 * @param choices the planner's column choices ("date=Created On"), over the recognised ones.
 * @param measure the measure read as demand when a measure column names each line's ("Actual"), over the one recognised.
 * @returns The history, the reconciliation and, with requested and delivery dates, the service tallies summarised.
 * @throws PlanningError when the file cannot be read, its columns are not recognised, the measure is not one the file names, or no row is usable.
 * @example const history = await importOrderLines(duckdb, { format: "csv", path: "lines.csv" }, "month");
 */
export async function importOrderLines(runner: SqlRunner, file: OrderLineFile, bucket: Bucket, choices: readonly string[] = [], measure?: string): Promise<OrderHistory> {
  const source = relation(file);
  const header = (await runner.rows(`DESCRIBE SELECT * FROM ${source}`)).map((row) => String(row.column_name));
  const columns = recogniseOrderLineColumns(header, choices);
  const layouts: Partial<Record<OrderLineRole, DateLayout>> = {};
  for (const role of ["date", "requested", "delivered"] as const) {
    const column = columns[role];
    if (column !== undefined) layouts[role] = await dateLayout(runner, source, role === "date" ? dateText(header, columns) : text(header[column]));
  }
  if (bucket === "week" && layouts.date?.period === "month") {
    throw new PlanningError(`The ${ROLE_LABELS.date}s in "${header[columns.date as number]}" are months (${layouts.date.label}): a month's quantity cannot be spread over its weeks. Gather by month.`);
  }
  if (bucket === "month" && layouts.date?.period === "week") {
    throw new PlanningError(
      `The ${ROLE_LABELS.date}s in "${header[columns.date as number]}" are weeks (${layouts.date.label}): a week that spans two months cannot be given to one of them here. Gather by week (--bucket week), or put the weekly totals on a sheet of the workbook, where step 1 splits each week between its months by its days.`,
    );
  }
  const numbers = await numberLayout(runner, source, header[columns.quantity as number]);
  if (columns.unit !== undefined) await refuseMixedUnits(runner, source, header[columns.item as number], header[columns.unit]);
  if (measure !== undefined && columns.measure === undefined) {
    throw new PlanningError(`The measure "${measure}" needs a column naming each line's measure, and none was recognised among the file's columns (${header.join(", ")}). Choose it with --columns "measure=Key Figure".`);
  }
  const demand = columns.measure === undefined ? undefined : await demandMeasureOf(runner, source, header[columns.measure], measure);
  const parsed = parsedLines(source, header, columns, layouts, numbers, demand);
  const tagged = taggedLines(parsed);
  const hasService = columns.requested !== undefined && columns.delivered !== undefined;
  const all = await runner.rows(groupingQuery(tagged, bucket, hasService ? (columns.deliveredQuantity !== undefined ? "quantity" : "date") : null));
  const rejected = file.format === "csv" ? await rejectedLines(runner) : [];
  const groups = await withPartialBuckets(runner, tagged, all.filter((row) => row.set === HISTORY_SET), bucket);
  const used = groups.filter((group) => group.reason === "");
  if (used.length === 0) {
    throw new PlanningError(`No order line of the file could be used: ${describeLeftOut(groups, rejected)}. Check the columns taken (${columnText(header, columns)}).`);
  }
  const periods = await periodList(runner, used, bucket);
  const present = new Set(groups.map((group) => String(group.reason)).filter((reason) => reason !== ""));
  const examples = present.size > 0 ? await exampleLines(runner, parsed, present, file.format, rejected.map((line) => line.line)) : new Map<string, number[]>();
  return {
    bucket,
    periods,
    series: seriesOf(used, periods),
    hasLocation: columns.location !== undefined,
    columns: ORDER_LINE_ROLES.filter((role) => columns[role] !== undefined).map((role) => ({
      role,
      header: header[columns[role] as number],
      ...(layouts[role]
        ? { reading: layouts[role]?.label }
        : role === "quantity" && (numbers === "comma" || quantityScale(header[columns.quantity as number]) !== undefined)
          ? { reading: quantityReading(header[columns.quantity as number], numbers) }
          : role === "measure" && demand !== undefined
            ? { reading: `demand: its "${demand}" lines` }
            : {}),
    })),
    reconciliation: { ...reconciliationOf(groups, rejected, examples), numbering: file.format === "csv" ? "line" : "row" },
    service: hasService ? serviceReport(all, columns.deliveredQuantity !== undefined, latestOf(used, "latest_day")) : null,
  };
}

/** How the quantity column is read, when not as plain numbers: European numbers, in thousands or millions. */
function quantityReading(header: string, numbers: NumberLayout): string {
  const scale = quantityScale(header);
  return [
    ...(numbers === "comma" ? ["European numbers: 1.234,5 is 1234.5"] : []),
    ...(scale === undefined ? [] : [`${scale === 1000 ? "thousands" : "millions"}: 1.2 is ${(1.2 * scale).toLocaleString("en-US")} units`]),
  ].join("; ");
}

/**
 * History groups with the lines of a first or last bucket the file covers only in part
 * ({@link partialBuckets}) left out, by a reason of their own, when whole buckets remain. The days
 * that have lines are counted (one more scan) only when an edge looks partial at one line a day.
 */
async function withPartialBuckets(runner: SqlRunner, tagged: string, groups: readonly Record<string, SqlValue>[], bucket: Bucket): Promise<Record<string, SqlValue>[]> {
  const used = groups.filter((group) => group.reason === "");
  if (used.length === 0) return [...groups];
  const serial = (day: string): number => parseSpanLabel(day, "day").first;
  const first = serial(used.map((group) => String(group.first_day)).reduce((a, b) => (b < a ? b : a)));
  const last = serial(latestOf(used, "last_day"));
  const totals = new Map<string, number>();
  for (const group of used) totals.set(String(group.period), (totals.get(String(group.period)) ?? 0) + Number(group.quantity));
  if (partialBuckets(first, last, bucket, { spacing: 1, totals }).length === 0) return [...groups];
  const [row] = await runner.rows(`${tagged} SELECT count(DISTINCT day)::DOUBLE AS days FROM tagged WHERE reason = ''`);
  const spacing = (last - first) / Math.max(1, Number(row.days) - 1);
  const partial = new Map(partialBuckets(first, last, bucket, { spacing, totals }).map((entry) => [entry.label, entry.reason]));
  if (!used.some((group) => !partial.has(String(group.period)))) return [...groups];
  return groups.map((group) => (group.reason === "" && partial.has(String(group.period)) ? { ...group, reason: partial.get(String(group.period)) ?? "" } : group));
}

/**
 * Stop when items are ordered in more than one unit ("PC" and "CS"): their quantities cannot be added
 * up. Names the first items and their units.
 * @throws PlanningError listing up to five such items
 */
async function refuseMixedUnits(runner: SqlRunner, source: string, item: string, unit: string): Promise<void> {
  // spellings of pieces ("EA", "PC", "Stück") are one unit, as the sheet reader takes them (headerNames.sameUnit)
  const pieces = COUNT_UNITS.map(sqlText).join(", ");
  const rows = await runner.rows(`SELECT ${text(item)} AS item, string_agg(DISTINCT ${text(unit)}, ', ' ORDER BY ${text(unit)}) AS units
    FROM ${source} WHERE ${text(item)} IS NOT NULL GROUP BY 1
    HAVING count(DISTINCT CASE WHEN lower(trim(${text(unit)})) IN (${pieces}) THEN 'pieces' ELSE lower(trim(${text(unit)})) END) > 1 ORDER BY 1 LIMIT 5`);
  if (rows.length === 0) return;
  const listed = rows.map((row) => `${String(row.item)} (${String(row.units)})`).join(", ");
  throw new PlanningError(`Some items are ordered in more than one unit (column "${unit}"): ${listed}. Their quantities cannot be added up: convert each item's lines to one unit, then gather again.`);
}

/**
 * The measure a planning book's measure column names the demand history by: the planner's (`chosen`),
 * else the one {@link historyMeasure} finds among the column's distinct values.
 * @throws PlanningError listing the measures when the chosen one is not among them, or which is demand cannot be told
 */
async function demandMeasureOf(runner: SqlRunner, source: string, column: string, chosen: string | undefined): Promise<string> {
  const rows = await runner.rows(`SELECT DISTINCT ${text(column)} AS name FROM ${source} WHERE name IS NOT NULL ORDER BY 1 LIMIT 50`);
  const names = distinctMeasures(rows.map((row) => String(row.name)));
  const listed = names.slice(0, 6).map((name) => `"${name}"`).join(", ");
  if (chosen !== undefined) {
    const found = names.find((name) => sameText(name, chosen));
    if (found === undefined) throw new PlanningError(`The measure "${chosen}" is not one of those the column "${column}" names (${listed}).`);
    return found;
  }
  const kept = historyMeasure(names);
  if (kept === undefined) {
    throw new PlanningError(
      `The column "${column}" names each line's measure (${listed}): which of them is demand is not guessed. Name it (Measure read as demand beside step 1's Import file, or sop gather --measure "${names[0] ?? ""}"), or keep the lines of one measure in the file.`,
    );
  }
  return kept;
}

/** A text as an SQL string literal. */
function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function relation(file: OrderLineFile): string {
  const path = sqlText(file.path);
  return file.format === "csv" ? `read_csv(${path}, all_varchar = true, header = true, store_rejects = true)` : `read_parquet(${path})`;
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function text(column: string): string {
  return `NULLIF(trim(CAST(${quoted(column)} AS VARCHAR)), '')`;
}

function dateOf(value: string, layout: DateLayout): string {
  if (layout.format === null) return `TRY_CAST(${value} AS TIMESTAMP)::DATE`;
  if (layout.suffix === undefined) return `try_strptime(${value}, '${layout.format}')::DATE`;
  const monday = `try_strptime(upper(${value}) || '${layout.suffix}', '${layout.format}')`;
  return `CASE WHEN strftime(${monday}, '${layout.check ?? layout.format}') = upper(${value}) THEN ${monday}::DATE END`;
}

/**
 * The order date's text: its column's, or, beside a year column, the year and the month (or week)
 * number of a column headed "Month" ("Calendar month", "Monat") or "Week" ("KW") as "2024-03"
 * ("2024-W05"), which the date layouts read as a month (a week); the sheet reader reads such columns so.
 */
function dateText(header: readonly string[], columns: OrderLineColumns): string {
  const date = text(header[columns.date as number]);
  if (columns.year === undefined) return date;
  const dateHeader = header[columns.date as number];
  const separator = namesWeekNumber(dateHeader) ? "-W" : MONTH_NUMBER_HEADER.test(normalizeHeader(dateHeader)) ? "-" : undefined;
  if (separator === undefined) return date;
  const year = text(header[columns.year]);
  return `CASE WHEN regexp_full_match(${date}, '[0-9]{1,2}') AND regexp_full_match(${year}, '[0-9]{4}') THEN ${year} || '${separator}' || lpad(${date}, 2, '0') ELSE ${date} END`;
}

/** The layout that reads the most of a date's first 50,000 filled values (ties go to the earlier layout); `value` is the date's SQL text. */
async function dateLayout(runner: SqlRunner, source: string, value: string): Promise<DateLayout> {
  const counts = DATE_LAYOUTS.map((layout, k) => `count(${dateOf("v", layout)})::DOUBLE AS c${k}`).join(", ");
  const [row] = await runner.rows(`SELECT ${counts} FROM (SELECT ${value} AS v FROM ${source} WHERE v IS NOT NULL LIMIT 50000)`);
  let best = 0;
  DATE_LAYOUTS.forEach((_, k) => {
    if (Number(row[`c${k}`]) > Number(row[`c${best}`])) best = k;
  });
  return DATE_LAYOUTS[best];
}

/** How a file writes its quantities: decimal point (commas only between thousands), or decimal comma (points between thousands). */
type NumberLayout = "point" | "comma";

/**
 * How a quantity column writes decimals: with a comma when some of its values can only be decimal
 * commas ("12,5", "1.234,5") and none a decimal point (a European export); with a point otherwise.
 */
async function numberLayout(runner: SqlRunner, source: string, column: string): Promise<NumberLayout> {
  const [row] = await runner.rows(
    `SELECT count(*) FILTER (WHERE regexp_full_match(v, '${COMMA_DECIMAL_TEXT}'))::DOUBLE AS comma, ` +
      `count(*) FILTER (WHERE regexp_full_match(v, '${POINT_DECIMAL_TEXT}') AND NOT regexp_full_match(v, '${POINT_THOUSANDS_TEXT}'))::DOUBLE AS point ` +
      `FROM (SELECT ${text(column)} AS v FROM ${source} WHERE v IS NOT NULL LIMIT 50000)`,
  );
  return Number(row.comma) > 0 && Number(row.point) === 0 ? "comma" : "point";
}

/**
 * A quantity as a number by the file's layout; NULL (an unreadable quantity, left out and counted)
 * for text that does not follow it, such as "12,5" in a file of decimal points (never read as 125).
 * The minus may follow the number, as SAP writes it ("12-"), or be the typographic one ("−12"), as the
 * sheet reader reads it (cellValues.toNumber).
 */
function numberOf(raw: string, layout: NumberLayout): string {
  const value = `replace(${raw}, '\u2212', '-')`;
  return `CASE WHEN regexp_full_match(${value}, '[0-9][0-9.,]* ?-') THEN -(${unsignedNumberOf(`rtrim(rtrim(${value}, '-'))`, layout)}) ELSE ${unsignedNumberOf(value, layout)} END`;
}

/** {@link numberOf} without a minus after the number. */
function unsignedNumberOf(value: string, layout: NumberLayout): string {
  if (layout === "comma") {
    return `CASE WHEN regexp_full_match(${value}, '[-+]?([0-9]{1,3}(\\.[0-9]{3})+|[0-9]+)(,[0-9]+)?') THEN TRY_CAST(replace(replace(${value}, '.', ''), ',', '.') AS DOUBLE) END`;
  }
  return (
    `CASE WHEN regexp_full_match(${value}, '[-+]?[1-9][0-9]{0,2}([,''\u2019][0-9]{3})+(\\.[0-9]+)?') THEN TRY_CAST(regexp_replace(${value}, '[,''\u2019]', '', 'g') AS DOUBLE) ` +
    `WHEN NOT contains(${value}, ',') THEN TRY_CAST(${value} AS DOUBLE) END`
  );
}

/** Why a parsed line is left out of the history, tested in this order (the first that holds is reported). */
const LEFT_OUT: readonly { when: string; reason: string }[] = [
  { when: "other_measure", reason: "another measure than the one read as demand" },
  { when: "cancelled", reason: "cancelled or rejected (by its status)" },
  { when: "returned", reason: "a return or credit (by its document type)" },
  { when: "item IS NULL", reason: "no item" },
  { when: "location IS NULL", reason: "no location" },
  { when: "day IS NULL", reason: `unreadable ${ROLE_LABELS.date}` },
  { when: "quantity IS NULL OR NOT isfinite(quantity)", reason: "unreadable quantity" },
];

/** A WITH clause defining `parsed`: every line's fields read as text, numbers and dates. */
function parsedLines(
  source: string,
  header: readonly string[],
  columns: OrderLineColumns,
  layouts: Partial<Record<OrderLineRole, DateLayout>>,
  numbers: NumberLayout,
  measure: string | undefined,
): string {
  const column = (role: OrderLineRole): string => header[columns[role] as number];
  // a quantity headed in thousands ("Qty (000)") is read in units
  const number = (role: OrderLineRole): string => {
    const scale = quantityScale(column(role));
    return scale === undefined ? numberOf(text(column(role)), numbers) : `(${numberOf(text(column(role)), numbers)}) * ${scale}`;
  };
  const date = (role: OrderLineRole): string => dateOf(role === "date" ? dateText(header, columns) : text(column(role)), layouts[role] as DateLayout);
  const fields = [
    `${text(column("item"))} AS item`,
    columns.location === undefined ? "'' AS location" : `${text(column("location"))} AS location`,
    `${date("date")} AS day`,
    `${number("quantity")} AS quantity`,
    `${cancelledTest(columns.status === undefined ? undefined : column("status"))} AS cancelled`,
    `${columns.orderType === undefined ? "FALSE" : `coalesce(regexp_matches(trim(${text(column("orderType"))}), '${RETURN_TYPE.source}', 'i'), FALSE)`} AS returned`,
    `${measure === undefined ? "FALSE" : `coalesce(lower(${text(column("measure"))}) <> ${sqlText(measure.toLowerCase())}, TRUE)`} AS other_measure`,
  ];
  if (columns.requested !== undefined) fields.push(`${date("requested")} AS requested`, `${text(column("requested"))} AS requested_text`);
  if (columns.delivered !== undefined) fields.push(`${date("delivered")} AS delivered`, `${text(column("delivered"))} AS delivered_text`);
  if (columns.deliveredQuantity !== undefined) fields.push(`${number("deliveredQuantity")} AS delivered_quantity`);
  return `WITH parsed AS (SELECT ${fields.join(", ")} FROM ${source})`;
}

/** SQL true for a line its status column marks cancelled or rejected (lineCancelled's test); false without such a column. */
function cancelledTest(status: string | undefined): string {
  if (status === undefined) return "FALSE";
  const value = text(status);
  return namesRejection(status) ? `coalesce(${value} IS NOT NULL, FALSE)` : `coalesce(regexp_matches(${value}, '${CANCELLED_STATUS.source}', 'i'), FALSE)`;
}

/** The `parsed` WITH clause extended by `tagged`: every line's parsed fields and the reason it is left out ('' when used). */
function taggedLines(parsed: string): string {
  return `${parsed},
    tagged AS (SELECT * REPLACE (CASE WHEN reason = '' THEN item END AS item, CASE WHEN reason = '' THEN location END AS location) FROM (
      SELECT *, CASE ${LEFT_OUT.map((entry) => `WHEN ${entry.when} THEN '${entry.reason}'`).join(" ")} ELSE '' END AS reason
      FROM parsed))`;
}

/** GROUPING(bucket_start, lead, late) of the three grouping sets: history, lead times, service tallies. */
const HISTORY_SET = 3;
const LEAD_TIME_SET = 5;
const TALLY_SET = 6;

/**
 * One scan of the file grouped three ways: by reason x item x location x period (the history and the
 * reconciliation); with service columns also by item x location x lead time, and by item x location x
 * the delivery facts (days late kept to its sign, in full, and the requested date of lines not
 * delivered). Overdue is judged against the as-of date, known only after the scan, on the grouped
 * rows, which then fold the requested dates away: a few rows per item x location reach JavaScript
 * instead of one per open line. Lines are grouped by their bucket's first day (a date, Monday for ISO
 * weeks) and dates stay dates until then: only the grouped rows are formatted as text.
 * @param inFull "quantity" when the file has a delivered quantity, "date" when a delivery date alone counts, null without service columns.
 */
function groupingQuery(tagged: string, bucket: Bucket, inFull: "quantity" | "date" | null): string {
  const bucketStart = `CASE WHEN reason = '' THEN date_trunc('${bucket}', day) END AS bucket_start`;
  const period = `strftime(bucket_start, '${BUCKET_FORMAT[bucket]}') AS period`;
  const days = (first: string, last: string, latest: string): string =>
    `strftime(${first}, '%Y-%m-%d') AS first_day, strftime(${last}, '%Y-%m-%d') AS last_day, strftime(${latest}, '%Y-%m-%d') AS latest_day`;
  if (inFull === null) {
    return `${tagged} SELECT reason, item, location, ${period}, count(*)::DOUBLE AS rows, coalesce(sum(quantity), 0)::DOUBLE AS quantity,
        ${days("min(day)", "max(day)", "max(day)")}, ${HISTORY_SET} AS set
      FROM (SELECT *, ${bucketStart} FROM tagged) GROUP BY reason, item, location, bucket_start`;
  }
  const grouped = `SELECT reason, item, location, bucket_start, service_reason, lead, late, in_full, open_requested,
      count(*)::DOUBLE AS rows, coalesce(sum(quantity), 0)::DOUBLE AS quantity, min(day) AS first_day, max(day) AS last_day, max(latest) AS latest_day,
      grouping(bucket_start, lead, late)::DOUBLE AS set
    FROM (SELECT *, ${bucketStart},
        CASE WHEN reason <> '' THEN NULL WHEN requested IS NULL THEN 'no readable ${ROLE_LABELS.requested}'
          WHEN delivered IS NULL AND delivered_text IS NOT NULL THEN 'unreadable ${ROLE_LABELS.delivered}' ELSE '' END AS service_reason,
        sign(datediff('day', requested, delivered))::DOUBLE AS late,
        ${inFull === "quantity" ? "coalesce(delivered_quantity >= quantity, false)" : "delivered IS NOT NULL"} AS in_full,
        CASE WHEN delivered IS NULL THEN requested END AS open_requested,
        datediff('day', day, delivered)::DOUBLE AS lead,
        greatest(day, coalesce(requested, day), coalesce(delivered, day)) AS latest
      FROM tagged)
    GROUP BY GROUPING SETS ((reason, item, location, bucket_start), (item, location, service_reason, lead), (item, location, service_reason, late, in_full, open_requested))`;
  const asOf = `max(latest_day) FILTER (WHERE set = ${HISTORY_SET} AND reason = '') OVER ()`;
  return `${tagged}, grouped AS (${grouped})
    SELECT reason, item, location, ${period}, service_reason, lead, late, in_full, overdue, sum(rows) AS rows, sum(quantity) AS quantity,
      ${days("min(first_day)", "max(last_day)", "max(latest_day)")}, set
    FROM (SELECT *, CASE WHEN set = ${TALLY_SET} THEN late IS NULL AND open_requested IS NOT NULL AND open_requested < ${asOf} END AS overdue FROM grouped)
    GROUP BY set, reason, item, location, bucket_start, service_reason, lead, late, in_full, overdue`;
}

/** Lines DuckDB could not split into the header's columns (CSV only), each once however many errors DuckDB lists for it. */
async function rejectedLines(runner: SqlRunner): Promise<{ line: number; message: string }[]> {
  const rows = await runner.rows("SELECT line::DOUBLE AS line, string_agg(DISTINCT error_message, '; ') AS error_message FROM reject_errors GROUP BY line ORDER BY line");
  return rows.map((row) => ({ line: Number(row.line), message: String(row.error_message) }));
}

/** Every bucket from the first used order line's to the last's. */
async function periodList(runner: SqlRunner, used: readonly Record<string, SqlValue>[], bucket: Bucket): Promise<string[]> {
  const first = used.map((group) => String(group.first_day)).reduce((a, b) => (b < a ? b : a));
  const last = latestOf(used, "last_day");
  const rows = await runner.rows(
    `SELECT DISTINCT strftime(d::DATE, '${BUCKET_FORMAT[bucket]}') AS period FROM range(DATE '${first}', DATE '${last}' + INTERVAL 1 DAY, INTERVAL 1 DAY) t(d) ORDER BY period`,
  );
  return rows.map((row) => String(row.period));
}

/** The latest of a date column ("YYYY-MM-DD") over groups. */
function latestOf(groups: readonly Record<string, SqlValue>[], column: string): string {
  return groups.map((group) => String(group[column])).reduce((a, b) => (b > a ? b : a));
}

function seriesOf(used: readonly Record<string, SqlValue>[], periods: readonly string[]): OrderSeries[] {
  const index = new Map(periods.map((period, k) => [period, k]));
  const byKey = new Map<string, OrderSeries>();
  for (const group of used) {
    const item = String(group.item);
    const location = String(group.location);
    const key = JSON.stringify([item, location]);
    let series = byKey.get(key);
    if (!series) {
      series = { item, location, quantities: periods.map(() => null) };
      byKey.set(key, series);
    }
    series.quantities[index.get(String(group.period)) as number] = Number(group.quantity);
  }
  const all = [...byKey.values()].sort((a, b) => compareText(a.item, b.item) || compareText(a.location, b.location));
  for (const series of all) {
    const first = series.quantities.findIndex((quantity) => quantity !== null);
    for (let k = first; k < series.quantities.length; k++) series.quantities[k] ??= 0;
  }
  return all;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The first few line numbers of each reason a line was left out. Each line's reason, as a one-byte
 * code, goes into a temporary table in the file's order (DuckDB keeps insertion order, reading the
 * file in parallel), whose row ids are then the line positions: numbering the lines with a window
 * instead reads the file on one thread, at twice the cost of the history itself. Only the reasons
 * some line has are tested: a reason no line has is one whose test, wherever it holds, comes after
 * one that holds, so leaving it out gives every line the same code, and the scan parses only the
 * fields those tests need (a file whose only flaw is a few unreadable quantities is read for its
 * quantity column alone).
 * @param present the reasons the grouping found, at least one.
 */
async function exampleLines(
  runner: SqlRunner,
  parsed: string,
  present: ReadonlySet<string>,
  format: OrderLineFile["format"],
  rejected: readonly number[],
): Promise<Map<string, number[]>> {
  const tests = LEFT_OUT.map((entry, k) => ({ ...entry, code: k + 1 })).filter((entry) => present.has(entry.reason));
  if (tests.length === 0) return new Map();
  const code = `CASE ${tests.map((entry) => `WHEN ${entry.when} THEN ${entry.code}`).join(" ")} ELSE 0 END::UTINYINT`;
  await runner.rows(`CREATE OR REPLACE TEMP TABLE sop_line_reasons AS ${parsed} SELECT ${code} AS code FROM parsed`);
  let rows: Record<string, SqlValue>[];
  try {
    rows = await runner.rows(`SELECT code::DOUBLE AS code, (rowid + 1)::DOUBLE AS n FROM sop_line_reasons WHERE code > 0
      QUALIFY row_number() OVER (PARTITION BY code ORDER BY rowid) <= ${EXAMPLES} ORDER BY n`);
  } finally {
    await runner.rows("DROP TABLE IF EXISTS sop_line_reasons");
  }
  const examples = new Map<string, number[]>();
  for (const row of rows) {
    const reason = LEFT_OUT[Number(row.code) - 1].reason;
    examples.set(reason, [...(examples.get(reason) ?? []), format === "csv" ? csvLine(Number(row.n), rejected) : Number(row.n)]);
  }
  return examples;
}

/** File line of the n-th row DuckDB read: after the header and the rejected lines before it. */
function csvLine(row: number, rejected: readonly number[]): number {
  let line = row + 1;
  for (const skipped of rejected) if (skipped <= line) line++;
  return line;
}

function reconciliationOf(
  groups: readonly Record<string, SqlValue>[],
  rejected: readonly { line: number; message: string }[],
  examples: Map<string, number[]>,
): Omit<Reconciliation, "numbering"> {
  const byReason = new Map<string, { rows: number; quantity: number }>();
  for (const group of groups) {
    const reason = String(group.reason);
    const entry = byReason.get(reason) ?? { rows: 0, quantity: 0 };
    entry.rows += Number(group.rows);
    entry.quantity += Number(group.quantity);
    byReason.set(reason, entry);
  }
  const usedEntry = byReason.get("") ?? { rows: 0, quantity: 0 };
  const leftOut: LeftOut[] = [...byReason.entries()]
    .filter(([reason]) => reason !== "")
    .map(([reason, entry]) => ({ reason, rows: entry.rows, quantity: entry.quantity, lines: examples.get(reason) ?? [] }));
  if (rejected.length > 0) {
    leftOut.push({ reason: "not split into the header's columns", rows: rejected.length, quantity: 0, lines: rejected.slice(0, EXAMPLES).map((line) => line.line) });
  }
  const rowsOut = leftOut.reduce((sum, entry) => sum + entry.rows, 0);
  const quantityOut = leftOut.reduce((sum, entry) => sum + entry.quantity, 0);
  return { rowsIn: usedEntry.rows + rowsOut, rowsUsed: usedEntry.rows, quantityIn: usedEntry.quantity + quantityOut, quantityUsed: usedEntry.quantity, leftOut };
}

function describeLeftOut(groups: readonly Record<string, SqlValue>[], rejected: readonly { line: number; message: string }[]): string {
  const reasons = reconciliationOf(groups, rejected, new Map()).leftOut;
  return reasons.length === 0 ? "the file has no rows" : reasons.map((entry) => `${counted(entry.rows, "row")} with ${entry.reason}`).join(", ");
}

function columnText(header: readonly string[], columns: OrderLineColumns): string {
  return ORDER_LINE_ROLES.filter((role) => columns[role] !== undefined)
    .map((role) => `${ROLE_LABELS[role]} = "${header[columns[role] as number]}"`)
    .join(", ");
}

/**
 * The delivery service by item x location from the grouped lines (rules in core/service/otif): a line
 * not delivered is overdue when requested before the as-of date.
 */
function serviceReport(all: readonly Record<string, SqlValue>[], hasDeliveredQuantity: boolean, asOf: string): ServiceReport {
  const groups = new Map<string, { item: string; location: string; tallies: DeliveryTally[]; leadTimes: LeadTimeCount[] }>();
  const leftOut = new Map<string, number>();
  for (const row of all) {
    if (row.set !== TALLY_SET && row.set !== LEAD_TIME_SET) continue;
    const reason = row.service_reason;
    const lines = Number(row.rows);
    if (reason === null) continue;
    if (reason !== "") {
      if (row.set === TALLY_SET) leftOut.set(String(reason), (leftOut.get(String(reason)) ?? 0) + lines);
      continue;
    }
    const key = JSON.stringify([row.item, row.location]);
    const entry = groups.get(key) ?? { item: String(row.item), location: String(row.location), tallies: [], leadTimes: [] };
    if (row.set === TALLY_SET) {
      entry.tallies.push({ lines, daysLate: row.late === null ? null : Number(row.late), inFull: row.in_full === true, overdue: row.overdue === true });
    } else if (row.lead !== null) entry.leadTimes.push({ days: Number(row.lead), lines });
    groups.set(key, entry);
  }
  const sorted = [...groups.values()].sort((a, b) => compareText(a.item, b.item) || compareText(a.location, b.location));
  return {
    asOf,
    inFullRule: hasDeliveredQuantity ? "delivered quantity at least the ordered quantity" : "a delivered line counts as complete (the file has no delivered quantity)",
    byItemLocation: sorted.map((group) => ({ item: group.item, location: group.location, summary: serviceSummary(group.tallies, group.leadTimes) })),
    total: serviceSummary(
      sorted.flatMap((group) => group.tallies),
      sorted.flatMap((group) => group.leadTimes),
    ),
    leftOut: [...leftOut.entries()].map(([reason, rows]) => ({ reason, rows })),
  };
}
