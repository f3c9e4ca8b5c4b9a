/**
 * A corpus of demand-history layouts as planners receive them, each with the reading step 1 must
 * give: quantity by item, location and planning period. Drawn from a seeded generator, so every run
 * writes the same cells. Used by tests/cycle/layouts.test.ts (which writes them under the system's
 * temp directory); run it to look at them in Excel:
 *
 *   npm run build:cli && node dist-cli/scripts/make-layouts.js [folder]   (default: out/layouts)
 *
 * The last layouts (`unseen: true`) were written after the reader worked, to test that it is general:
 * periods written "2024/01" with the keys on the right, quarter-grouped months under merged quarter
 * headers with quarter totals, an ERP export turned on its side, a long table by month, and days down
 * with item and location in two header rows. Then a hostile planner's layouts, each read exactly or
 * refused naming the cell (`refused`): fiscal and 4-4-5 periods, month names in other languages, a
 * year row over months, serial-number headers, leading-zero and date-like item codes, a cross-tab by
 * site, European decimals, units, returns, hidden and total columns, repeated months, item master
 * columns and notes rows, and US text dates in order lines.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { mulberry32 } from "../src/core/random";
import type { LeftOutReason } from "../src/cycle/reconciliation";

/** Rows left out of a reading, by reason (see src/cycle/reconciliation.ts). */
export type LeftOutCounts = Partial<Record<LeftOutReason, number>>;

/** One layout of the corpus and the reading expected of it. */
export interface Layout {
  name: string;
  description: string;
  book: ExcelJS.Workbook;
  /** Quantity by "item|location|period" in months ("YYYY-MM"); location "" when the layout has none. Zeros may be left out. */
  months: Record<string, number>;
  /** The same in ISO weeks ("YYYY-Www"), for weekly and daily layouts. */
  weeks?: Record<string, number>;
  /** Rows the reading must leave out, by reason. */
  leftOut: LeftOutCounts;
  /** Written after the reader worked, to check it is general. */
  unseen?: boolean;
  /**
   * The cell step 1 must name when it refuses the layout (ambiguous, or periods it cannot place on the
   * calendar): in the proposal's notes when no history is proposed, else in a problem of the reading.
   * Such a layout has no expected reading (months is empty).
   */
  refused?: string;
  /** Defined names written into the file as Excel writes them (ExcelJS drops these kinds), by name. */
  rawNames?: Record<string, string>;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ITEMS = ["CH-101", "CH-102", "TB-201", "TB-202", "ST-301"];
const LOCATIONS = ["Paris", "Lyon"];

interface Month {
  year: number;
  month: number;
}

function months(first: Month, count: number): Month[] {
  return Array.from({ length: count }, (_, k) => {
    const index = first.year * 12 + first.month - 1 + k;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  });
}

function label(month: Month): string {
  return `${month.year}-${String(month.month).padStart(2, "0")}`;
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** ISO week label of a date (ISO 8601: the week holding the Thursday). */
function isoWeekOf(date: Date): string {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function monthOfDate(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function add(target: Record<string, number>, item: string, location: string, period: string, quantity: number): void {
  const key = `${item}|${location}|${period}`;
  target[key] = (target[key] ?? 0) + quantity;
}

/** One series' quantities over a span, drawn from `next` and recorded in `expected` by month. */
function drawn(expected: Record<string, number>, item: string, location: string, span: readonly Month[], next: () => number): number[] {
  const values = span.map(() => next());
  values.forEach((value, t) => add(expected, item, location, label(span[t]), value));
  return values;
}

/**
 * The monthly reading step 1 gives of period headers (days or weeks) covering `first` to `last`: a
 * first or last month they miss more than 3 days of holds only part of its demand and is left out, its
 * cells counted under "partialPeriod" (no row: each row is still used for its other months).
 */
function monthsRead(monthly: Record<string, number>, first: Date, last: Date): { months: Record<string, number>; leftOut: LeftOutCounts } {
  const daysInMonth = (date: Date): number => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  const partial = new Set<string>();
  if (monthOfDate(first) !== monthOfDate(last)) {
    if (first.getUTCDate() - 1 > 3) partial.add(monthOfDate(first));
    if (daysInMonth(last) - last.getUTCDate() > 3) partial.add(monthOfDate(last));
  }
  const months = Object.fromEntries(Object.entries(monthly).filter(([key]) => !partial.has(key.split("|")[2])));
  return { months, leftOut: partial.size > 0 ? { partialPeriod: 0 } : {} };
}

/** Integer quantities 0..199 from a seeded generator. */
function quantities(seed: number): () => number {
  const random = mulberry32(seed);
  return () => Math.floor(random() * 200);
}

/** Months across, item keys, a plain sheet; a hidden row and a blank row among the items. */
function monthsAcross(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const span = months({ year: 2024, month: 1 }, 18);
  const next = quantities(1);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item", "Description", ...span.map((m) => `${MONTH_NAMES[m.month - 1]}-${String(m.year).slice(2)}`)]);
  ITEMS.forEach((item, k) => {
    if (k === 2) sheet.addRow([]);
    const values = drawn(expected, item, "", span, next);
    const row = sheet.addRow([item, `Product ${item}`, ...values]);
    if (k === 3) row.hidden = true;
  });
  return { name: "months-across", description: "Months across ('Jan-24'), a description column, a blank and a hidden row", book, months: expected, leftOut: { blank: 1 } };
}

/** Months down (real dates), items across. */
function monthsDown(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Demand");
  const span = months({ year: 2023, month: 7 }, 15);
  const next = quantities(2);
  const expected: Record<string, number> = {};
  sheet.addRow(["Month", ...ITEMS]);
  for (const month of span) {
    const values = ITEMS.map(() => next());
    values.forEach((value, k) => add(expected, ITEMS[k], "", label(month), value));
    sheet.addRow([utc(month.year, month.month, 1), ...values]);
  }
  return { name: "months-down", description: "Months down as dates, one column per item", book, months: expected, leftOut: {} };
}

/**
 * An ERP export: title rows (merged title cell), a run-date cell, months as "Jan 2024", numbers as text
 * ("1,234", "-" for zero, trailing spaces), blank rows, a grand-total row and a footer.
 */
function erpExport(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  const span = months({ year: 2024, month: 1 }, 12);
  const random = mulberry32(3);
  const expected: Record<string, number> = {};
  sheet.getCell("A1").value = "Sales quantity report - Company 1000";
  sheet.mergeCells("A1:F1");
  sheet.getCell("A2").value = "Run date:";
  sheet.getCell("B2").value = utc(2026, 1, 5);
  sheet.getCell("A3").value = "Unit: PCS";
  const header = ["Material", "Material description", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)];
  sheet.getRow(5).values = header;
  let row = 6;
  const totals = span.map(() => 0);
  ITEMS.forEach((item, k) => {
    const values = span.map(() => Math.floor(random() * 3000));
    values.forEach((value, t) => {
      add(expected, item, "", label(span[t]), value);
      totals[t] += value;
    });
    const written = values.map((value, t) => (value === 0 || (k === 1 && t === 4) ? "-" : t % 3 === 0 ? `${value.toLocaleString("en-US")} ` : value));
    if (k === 1) expected[`${item}||${label(span[4])}`] = 0;
    if (k === 1) totals[4] -= values[4];
    sheet.getRow(row).values = [item, `Material ${item}`, ...written];
    row += k === 2 ? 2 : 1;
  });
  sheet.getRow(row + 1).values = ["Grand Total", "", ...totals];
  sheet.getRow(row + 3).values = ["*** End of report ***"];
  sheet.getRow(row + 4).values = ["Generated by SAP ERP, user PLANNER01"];
  return { name: "erp-export", description: "ERP export: title block, run date, 'Jan 2024', text numbers, blank rows, grand total, footer", book, months: expected, leftOut: { blank: 3, total: 1, heading: 2 } };
}

/** A pivot table pasted as values: family heading rows, items, "Chairs Total" subtotals, a grand total. */
function pivotFamilies(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Pivot");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(4);
  const expected: Record<string, number> = {};
  sheet.getCell("A1").value = "Sum of Quantity";
  sheet.getRow(3).values = ["Row Labels", ...span.map((m) => label(m)), "Grand Total"];
  const families: [string, string[]][] = [
    ["Chairs", ["CH-101", "CH-102"]],
    ["Tables", ["TB-201", "TB-202", "TB-203"]],
  ];
  const grand = span.map(() => 0);
  for (const [family, items] of families) {
    sheet.addRow([family]);
    const sub = span.map(() => 0);
    for (const item of items) {
      const values = span.map(() => next());
      values.forEach((value, t) => {
        add(expected, item, "", label(span[t]), value);
        sub[t] += value;
        grand[t] += value;
      });
      sheet.addRow([`  ${item}`, ...values, values.reduce((a, b) => a + b, 0)]);
    }
    sheet.addRow([`${family} Total`, ...sub, sub.reduce((a, b) => a + b, 0)]);
  }
  sheet.addRow(["Grand Total", ...grand, grand.reduce((a, b) => a + b, 0)]);
  return { name: "pivot-families", description: "Pivot style: family headings, 'Chairs Total' subtotals, a total column and a grand total", book, months: expected, leftOut: { heading: 2, total: 3 } };
}

/** Item and location in two key columns. */
function itemByLocation(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales by site");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(5);
  const expected: Record<string, number> = {};
  sheet.addRow(["SKU", "Warehouse", ...span.map((m) => `${m.year}-${String(m.month).padStart(2, "0")}`)]);
  for (const item of ITEMS) {
    for (const location of LOCATIONS) {
      const values = drawn(expected, item, location, span, next);
      sheet.addRow([item, location, ...values]);
    }
  }
  return { name: "item-location-columns", description: "Item and warehouse in two key columns", book, months: expected, leftOut: {} };
}

/** Item and location in one key column, "CH-101 | Paris". */
function itemLocationKey(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Demand");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(6);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item | Location", ...span.map((m) => utc(m.year, m.month, 1))]);
  for (const item of ITEMS.slice(0, 3)) {
    for (const location of LOCATIONS) {
      const values = drawn(expected, item, location, span, next);
      sheet.addRow([`${item} | ${location}`, ...values]);
    }
  }
  return { name: "item-location-key", description: "One key column 'Item | Location', month dates across", book, months: expected, leftOut: {} };
}

/**
 * Rows of a weekly grid (item, then one random quantity per week) added to `sheet`, with the reading
 * they must give: by ISO week, and by month with each week's quantity spread over its seven days from
 * the week's first day.
 */
function weeklyRows(sheet: ExcelJS.Worksheet, items: readonly string[], starts: readonly Date[], seed: number): { monthly: Record<string, number>; weekly: Record<string, number> } {
  const next = quantities(seed);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  for (const item of items) {
    const values = starts.map(() => next());
    values.forEach((value, t) => {
      add(weekly, item, "", isoWeekOf(starts[t]), value);
      for (let d = 0; d < 7; d++) add(monthly, item, "", monthOfDate(addDays(starts[t], d)), value / 7);
    });
    sheet.addRow([item, ...values]);
  }
  return { monthly, weekly };
}

/** Weekly history with week-start dates across (Mondays), 30 weeks from 1 Jan 2024. */
function weeklyDates(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Weekly");
  const starts = Array.from({ length: 30 }, (_, k) => addDays(utc(2024, 1, 1), 7 * k));
  sheet.addRow(["Item", ...starts]);
  const { monthly, weekly } = weeklyRows(sheet, ITEMS, starts, 7);
  // 1 January to Sunday 28 July: July lacks 3 days, within the grace, so every month is whole
  return { name: "weekly-dates", description: "Weeks across as week-start dates", book, ...monthsRead(monthly, starts[0], addDays(starts[starts.length - 1], 6)), weeks: weekly };
}

/** Weekly history with ISO week headers "2024-W05" and item x location. */
function weeklyIso(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Weeks");
  const weeks = Array.from({ length: 20 }, (_, k) => k + 1);
  const next = quantities(8);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Product", "Site", ...weeks.map((w) => `2025-W${String(w).padStart(2, "0")}`)]);
  const monday = utc(2024, 12, 30);
  for (const item of ITEMS.slice(0, 3)) {
    for (const location of LOCATIONS) {
      const values = weeks.map(() => next());
      values.forEach((value, t) => {
        const start = addDays(monday, 7 * t);
        add(weekly, item, location, isoWeekOf(start), value);
        for (let d = 0; d < 7; d++) add(monthly, item, location, monthOfDate(addDays(start, d)), value / 7);
      });
      sheet.addRow([item, location, ...values]);
    }
  }
  // 30 December 2024 to 18 May 2025: December 2024 (two days) and May 2025 are partial months
  return { name: "weekly-iso", description: "ISO week headers '2025-W01', item and site columns", book, ...monthsRead(monthly, monday, addDays(monday, 7 * weeks.length - 1)), weeks: weekly };
}

/** Daily history, days down the rows (dates), items across. */
function dailyDown(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Daily");
  const days = Array.from({ length: 75 }, (_, k) => addDays(utc(2024, 1, 15), k));
  const random = mulberry32(9);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Date", ...ITEMS.slice(0, 3)]);
  for (const day of days) {
    const values = [0, 1, 2].map(() => Math.floor(random() * 20));
    values.forEach((value, k) => {
      add(monthly, ITEMS[k], "", monthOfDate(day), value);
      add(weekly, ITEMS[k], "", isoWeekOf(day), value);
    });
    sheet.addRow([day, ...values]);
  }
  // 15 January to 29 March 2024: January is a partial month
  return { name: "daily-down", description: "Days down the rows as dates, one column per item", book, ...monthsRead(monthly, days[0], days[days.length - 1]), weeks: weekly };
}

/** Order lines: date, order number, customer, item, ship-from, quantity, requested and delivered dates. */
function orderLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Orders");
  const random = mulberry32(10);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  // the lines run from 1 January to 26 October 2024, a day with lines every 1.4 days or so: October,
  // 26 of its 31 days, is a partial month and its lines are left out in months (its week ends on 27 October)
  let partialPeriod = 0;
  sheet.addRow(["Order date", "Order no", "Customer", "Item", "Ship-from", "Qty", "Requested date", "Delivered date"]);
  for (let line = 0; line < 400; line++) {
    const date = addDays(utc(2024, 1, 1), Math.floor(random() * 300));
    const item = ITEMS[Math.floor(random() * ITEMS.length)];
    const location = LOCATIONS[Math.floor(random() * LOCATIONS.length)];
    const quantity = 1 + Math.floor(random() * 50);
    if (date >= utc(2024, 10, 1)) partialPeriod++;
    else add(monthly, item, location, monthOfDate(date), quantity);
    add(weekly, item, location, isoWeekOf(date), quantity);
    sheet.addRow([date, `SO-${10000 + line}`, `Customer ${1 + Math.floor(random() * 12)}`, item, location, quantity, addDays(date, 7), addDays(date, 5 + Math.floor(random() * 6))]);
  }
  return { name: "order-lines", description: "One row per order line with customer, ship-from and requested/delivered dates", book, months: monthly, weeks: weekly, leftOut: { partialPeriod } };
}

/** One sheet per year, the same layout on each. */
function sheetPerYear(): Layout {
  const book = new ExcelJS.Workbook();
  const next = quantities(11);
  const expected: Record<string, number> = {};
  for (const year of [2023, 2024, 2025]) {
    const sheet = book.addWorksheet(`Sales ${year}`);
    const span = months({ year, month: 1 }, 12);
    const header = ["Item", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`), "Total"];
    const rows = ITEMS.map((item) => {
      const values = drawn(expected, item, "", span, next);
      return [item, ...values, values.reduce((a, b) => a + b, 0)];
    });
    if (year === 2025) {
      sheet.addTable({ name: `Sales${year}`, ref: "A1", columns: header.map((name) => ({ name, filterButton: false })), rows });
    } else {
      sheet.addRow(header);
      rows.forEach((row) => sheet.addRow(row));
    }
  }
  return { name: "sheet-per-year", description: "'Sales 2023' to 'Sales 2025', one sheet per year (the last as an Excel table), with a total column", book, months: expected, leftOut: {} };
}

/** One sheet per region, the same months on each: the region is the location. */
function sheetPerRegion(): Layout {
  const book = new ExcelJS.Workbook();
  const next = quantities(12);
  const expected: Record<string, number> = {};
  const span = months({ year: 2024, month: 1 }, 12);
  for (const region of ["North", "South", "West"]) {
    const sheet = book.addWorksheet(`Sales ${region}`);
    sheet.addRow(["Item", ...span.map((m) => label(m))]);
    for (const item of ITEMS.slice(0, 3)) {
      const values = drawn(expected, item, region, span, next);
      sheet.addRow([item, ...values]);
    }
  }
  return { name: "sheet-per-region", description: "'Sales North', 'Sales South', 'Sales West': the sheet names the location", book, months: expected, leftOut: {} };
}

/** A history behind a plain workbook name, beside names of every other kind Excel allows. */
function namedRanges(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Data");
  const other = book.addWorksheet("Notes");
  other.getCell("A1").value = "Free notes";
  const span = months({ year: 2024, month: 1 }, 6);
  const next = quantities(13);
  const expected: Record<string, number> = {};
  sheet.getCell("A1").value = "Quantities (named range DemandBlock)";
  sheet.getRow(3).values = ["", "Item", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)];
  ITEMS.forEach((item, k) => {
    const values = drawn(expected, item, "", span, next);
    sheet.getRow(4 + k).values = ["", item, ...values];
  });
  book.definedNames.add("Data!$B$3:$H$8", "DemandBlock");
  const rawNames = {
    WholeColumn: "Data!$A:$A",
    WholeRow: "Data!$3:$3",
    TwoAreas: "Data!$B$3:$C$4,Data!$E$3:$F$4",
    Moving: "OFFSET(Data!$B$3,0,0,COUNTA(Data!$B:$B),7)",
    Rate: "0.25",
    Deleted: "#REF!",
  };
  return {
    name: "named-ranges",
    description: "History behind a workbook name, beside whole-column, whole-row, multi-area, OFFSET, constant and #REF! names",
    book,
    months: expected,
    leftOut: {},
    rawNames,
  };
}

/** Unseen: periods "2024/01" with the keys on the right of the numbers. */
function keysOnRight(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Report");
  const span = months({ year: 2024, month: 1 }, 9);
  const next = quantities(14);
  const expected: Record<string, number> = {};
  sheet.addRow([...span.map((m) => `${m.year}/${String(m.month).padStart(2, "0")}`), "Article no", "Name"]);
  for (const item of ITEMS) {
    const values = drawn(expected, item, "", span, next);
    sheet.addRow([...values, item, `Article ${item}`]);
  }
  return { name: "keys-on-right", description: "Periods '2024/01' first, the article number on the right", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: months grouped under merged quarter headers, month names without a year, a quarter total after each quarter. */
function quarterGrouped(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Quarters");
  const next = quantities(15);
  const expected: Record<string, number> = {};
  const header1: (string | null)[] = ["Item"];
  const header2: (string | null)[] = [null];
  for (let quarter = 1; quarter <= 4; quarter++) {
    header1.push(`Q${quarter} 2024`, null, null, null);
    for (let k = 0; k < 3; k++) header2.push(MONTH_NAMES[(quarter - 1) * 3 + k]);
    header2.push(`Q${quarter} Total`);
  }
  sheet.addRow(header1);
  sheet.addRow(header2);
  for (let quarter = 0; quarter < 4; quarter++) sheet.mergeCells(1, 2 + quarter * 4, 1, 5 + quarter * 4);
  for (const item of ITEMS) {
    const row: (string | number)[] = [item];
    for (let quarter = 0; quarter < 4; quarter++) {
      let sum = 0;
      for (let k = 0; k < 3; k++) {
        const value = next();
        add(expected, item, "", label({ year: 2024, month: quarter * 3 + k + 1 }), value);
        row.push(value);
        sum += value;
      }
      row.push(sum);
    }
    sheet.addRow(row);
  }
  return { name: "quarter-grouped", description: "Month names under merged 'Q1 2024' headers, with quarter total columns", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: an ERP export turned on its side: title rows, months down, items across, a total row at the bottom. */
function transposedExport(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export by month");
  const span = months({ year: 2024, month: 3 }, 10);
  const next = quantities(16);
  const expected: Record<string, number> = {};
  sheet.getCell("A1").value = "Shipments by month";
  sheet.getCell("A2").value = utc(2026, 1, 5);
  sheet.getRow(4).values = ["Period", ...ITEMS];
  const totals = ITEMS.map(() => 0);
  span.forEach((month, t) => {
    const values = ITEMS.map(() => next());
    values.forEach((value, k) => {
      add(expected, ITEMS[k], "", label(month), value);
      totals[k] += value;
    });
    sheet.getRow(5 + t).values = [`${MONTH_NAMES[month.month - 1]}-${String(month.year).slice(2)}`, ...values];
  });
  sheet.getRow(6 + span.length).values = ["Total", ...totals];
  return { name: "transposed-export", description: "ERP export on its side: title rows, months down, items across, a total row", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: a long table by month (period text, item, site, units), as a BI tool exports it, inside an Excel table. */
function longMonthly(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("BI export");
  const span = months({ year: 2024, month: 4 }, 8);
  const next = quantities(17);
  const expected: Record<string, number> = {};
  const rows: (string | number)[][] = [];
  for (const month of span) {
    for (const item of ITEMS.slice(0, 4)) {
      for (const location of LOCATIONS) {
        const value = next();
        add(expected, item, location, label(month), value);
        rows.push([label(month), item, location, value]);
      }
    }
  }
  sheet.addTable({
    name: "DemandFacts",
    ref: "A1",
    columns: ["Period", "SKU", "Site", "Units"].map((name) => ({ name, filterButton: true })),
    rows,
  });
  return { name: "long-monthly", description: "A long table by month ('2024-04' text), SKU, site and units, as an Excel table", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: days down as text dates, item and location in two header rows across (a transposed item x location grid). */
function daysDownByLocation(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Daily by site");
  const keys = ITEMS.slice(0, 2).flatMap((item) => LOCATIONS.map((location) => [item, location]));
  const random = mulberry32(18);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Item", ...keys.map(([item]) => item)]);
  sheet.addRow(["Location", ...keys.map(([, location]) => location)]);
  const first = utc(2024, 2, 20);
  for (let k = 0; k < 40; k++) {
    const day = addDays(first, k);
    const values = keys.map(() => Math.floor(random() * 9));
    values.forEach((value, c) => {
      add(monthly, keys[c][0], keys[c][1], monthOfDate(day), value);
      add(weekly, keys[c][0], keys[c][1], isoWeekOf(day), value);
    });
    sheet.addRow([day.toISOString().slice(0, 10), ...values]);
  }
  // 20 February to 30 March 2024: February is a partial month
  return { name: "days-down-by-location", description: "Days down as text '2024-02-20', item and location in two header rows", book, ...monthsRead(monthly, first, addDays(first, 39)), weeks: weekly, unseen: true };
}

/** Hostile: a grid of months across from given header cells, the item codes of ITEMS, quantities from a seed. */
function monthGrid(sheetName: string, headers: (string | number | Date)[], span: Month[], seed: number): { book: ExcelJS.Workbook; sheet: ExcelJS.Worksheet; expected: Record<string, number> } {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  const next = quantities(seed);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item", ...headers]);
  for (const item of ITEMS) {
    const values = drawn(expected, item, "", span, next);
    sheet.addRow([item, ...values]);
  }
  return { book, sheet, expected };
}

/** Hostile: fiscal periods "FY24 P01".."FY24 P12" that no calendar places: refused, naming the first header. */
function fiscalPeriods(): Layout {
  const span = months({ year: 2024, month: 1 }, 12);
  const { book } = monthGrid("Fiscal", span.map((m) => `FY24 P${String(m.month).padStart(2, "0")}`), span, 19);
  return { name: "fiscal-periods", description: "Fiscal periods 'FY24 P01'..'FY24 P12': refused, naming the header", book, months: {}, leftOut: {}, unseen: true, refused: "Fiscal!B1" };
}

/** Hostile: "Period 1".."Period 12" under a year row (a 4-4-5 fiscal year): refused, naming the first period header. */
function periodsUnderYear(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("FY2024");
  const next = quantities(20);
  sheet.addRow(["", 2024]);
  sheet.addRow(["Item", ...Array.from({ length: 12 }, (_, k) => `Period ${k + 1}`)]);
  for (const item of ITEMS) sheet.addRow([item, ...Array.from({ length: 12 }, () => next())]);
  return { name: "periods-under-year", description: "'Period 1'..'Period 12' under a year row: refused, naming the header", book, months: {}, leftOut: {}, unseen: true, refused: "FY2024!B2" };
}

/** Hostile: a 4-4-5 calendar with each period headed by its last day (a Saturday): refused, naming the first header. */
function fourFourFive(): Layout {
  const ends: Date[] = [];
  let end = utc(2024, 1, 27);
  for (let k = 0; k < 12; k++) {
    ends.push(end);
    end = addDays(end, 7 * (k % 3 === 1 ? 5 : 4));
  }
  const span = months({ year: 2024, month: 1 }, 12);
  const { book } = monthGrid("445", ends, span, 21);
  return { name: "four-four-five", description: "4-4-5 periods headed by their end dates: refused, naming the header", book, months: {}, leftOut: {}, unseen: true, refused: "'445'!B1" };
}

/** Hostile: German month names ("Mär 2024", "Mai 2024", "Okt 2024", "Dez 2024"). */
function germanMonths(): Layout {
  const names = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];
  const span = months({ year: 2024, month: 1 }, 15);
  const { book, sheet, expected } = monthGrid("Absatz", span.map((m) => `${names[m.month - 1]} ${m.year}`), span, 22);
  sheet.getCell("A1").value = "Artikelnummer";
  return { name: "german-months", description: "German month names 'Mär 2024', 'Mai 2024', 'Okt 2024', 'Dez 2024'", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: French month abbreviations with points and accents ("janv. 2024", "févr. 2024", "déc. 2025"). */
function frenchMonths(): Layout {
  const names = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
  const span = months({ year: 2024, month: 1 }, 24);
  const { book, sheet, expected } = monthGrid("Ventes", span.map((m) => `${names[m.month - 1]} ${m.year}`), span, 23);
  sheet.getCell("A1").value = "Article";
  return { name: "french-months", description: "French month names 'janv. 2024', 'févr. 2024', 'août 2024', 'déc. 2025'", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: Spanish months down ("ene-24", "abr-24", "ago-24", "dic-24"), items across. */
function spanishMonthsDown(): Layout {
  const names = ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Ventas");
  const span = months({ year: 2024, month: 1 }, 14);
  const next = quantities(24);
  const expected: Record<string, number> = {};
  sheet.addRow(["Mes", ...ITEMS]);
  for (const month of span) {
    const values = ITEMS.map(() => next());
    values.forEach((value, k) => add(expected, ITEMS[k], "", label(month), value));
    sheet.addRow([`${names[month.month - 1]}-${String(month.year).slice(2)}`, ...values]);
  }
  return { name: "spanish-months-down", description: "Spanish months down 'ene-24'..'feb-25', items across", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: a year row (numbers 2024, 2025, not merged) over bare month names. */
function yearRowOverMonths(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const span = months({ year: 2024, month: 1 }, 18);
  const next = quantities(25);
  const expected: Record<string, number> = {};
  sheet.addRow(["", ...span.map((m) => (m.month === 1 ? m.year : null))]);
  sheet.addRow(["Item", ...span.map((m) => MONTH_NAMES[m.month - 1])]);
  for (const item of ITEMS) {
    const values = drawn(expected, item, "", span, next);
    sheet.addRow([item, ...values]);
  }
  return { name: "year-row-over-months", description: "A year row (2024 over Jan, 2025 over the next Jan, not merged) over bare month names", book, months: expected, leftOut: {}, unseen: true };
}

/** The Excel date serial of a month's first day (days since 30 Dec 1899), computed here apart from the reader. */
function firstDaySerial(m: Month): number {
  return Math.round((Date.UTC(m.year, m.month - 1, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Hostile: period headers as Excel serial numbers in number cells (no date format): firsts of months. */
function serialHeaders(): Layout {
  const span = months({ year: 2024, month: 1 }, 12);
  const { book, expected } = monthGrid("Serials", span.map(firstDaySerial), span, 26);
  return { name: "serial-number-headers", description: "Month headers as Excel serial numbers (45292, 45323, ...) in General-format cells", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: the same serials stored as text ("45292"): refused, naming the first header, rather than read as item codes or nothing. */
function serialTextHeaders(): Layout {
  const span = months({ year: 2024, month: 1 }, 12);
  const { book } = monthGrid("CSV", span.map((m) => String(firstDaySerial(m))), span, 27);
  return { name: "serial-text-headers", description: "Month headers as serial numbers stored as text ('45292'): refused, naming the header", book, months: {}, leftOut: {}, unseen: true, refused: "CSV!B1" };
}

/** Hostile: an export that writes its measure into every month header ("Qty Jan 2024"), with a "Qty Total" column after them. */
function measureInHeaders(): Layout {
  const span = months({ year: 2024, month: 1 }, 12);
  const { book, sheet, expected } = monthGrid("Export", span.map((m) => `Qty ${MONTH_NAMES[m.month - 1]} ${m.year}`), span, 43);
  sheet.getCell(1, span.length + 2).value = "Qty Total";
  sheet.eachRow((row, r) => {
    if (r > 1) row.getCell(span.length + 2).value = span.reduce((sum, _, t) => sum + Number(row.getCell(t + 2).value), 0);
  });
  return { name: "measure-in-headers", description: "Every month header carries the measure ('Qty Jan 2024'), a 'Qty Total' column after them", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: actuals and budget of the same months side by side ("Actual Jan 2024".., "Budget Jan 2024"..): the actuals are read, the budget left out. */
function actualsBesideBudget(): Layout {
  const span = months({ year: 2024, month: 1 }, 6);
  const names = span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Plan");
  const next = quantities(44);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item", ...names.map((name) => `Actual ${name}`), ...names.map((name) => `Budget ${name}`)]);
  for (const item of ITEMS) sheet.addRow([item, ...drawn(expected, item, "", span, next), ...span.map(() => next())]);
  return { name: "actuals-beside-budget", description: "'Actual Jan 2024'.. beside 'Budget Jan 2024'.. of the same months: the actuals read, the budget columns left out", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: item codes with leading zeros stored as text ("00123"), one that looks like a number ("12345"). */
function leadingZeroCodes(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Items");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(28);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item code", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)]);
  for (const item of ["00123", "00456", "01234", "12345", "000789"]) {
    const values = drawn(expected, item, "", span, next);
    sheet.addRow([item, ...values]);
  }
  return { name: "leading-zero-codes", description: "Item codes as text with leading zeros ('00123', '000789')", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: item codes typed as numbers and shown with their zeros by the number format "00000", as planners keep them in Excel. */
function formattedZeroCodes(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Items");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(42);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item code", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)]);
  for (const code of [123, 456, 1234, 12345, 789]) {
    const values = drawn(expected, String(code).padStart(5, "0"), "", span, next);
    sheet.addRow([code, ...values]).getCell(1).numFmt = "00000";
  }
  return { name: "formatted-zero-codes", description: "Item codes as numbers shown '00123' by the format 00000", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: months down, a location row over an item row across (a cross-tab by site). */
function locationCrossTab(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("By site");
  const keys = LOCATIONS.flatMap((location) => ITEMS.slice(0, 3).map((item) => [item, location]));
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(29);
  const expected: Record<string, number> = {};
  sheet.addRow(["Warehouse", ...keys.map(([, location]) => location)]);
  sheet.addRow(["SKU", ...keys.map(([item]) => item)]);
  for (const month of span) {
    const values = keys.map(() => next());
    values.forEach((value, c) => add(expected, keys[c][0], keys[c][1], label(month), value));
    sheet.addRow([`${MONTH_NAMES[month.month - 1]} ${month.year}`, ...values]);
  }
  return { name: "location-cross-tab", description: "Months down, a warehouse row over a SKU row across", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Hostile: a European CSV export opened as text: "1.234" beside "1.234,5", which settles the block's
 * decimal comma (as sop gather settles a file's): 1234 and 1234.5, never read a thousand times too small.
 */
function europeanDecimals(): Layout {
  const span = months({ year: 2024, month: 1 }, 6);
  const { book, sheet, expected } = monthGrid("Export", span.map((m) => `${m.year}-${String(m.month).padStart(2, "0")}`), span, 30);
  sheet.getCell("C2").value = "1.234";
  sheet.getCell("D3").value = "1.234,5";
  expected[`${ITEMS[0]}||${label(span[1])}`] = 1234;
  expected[`${ITEMS[1]}||${label(span[2])}`] = 1234.5;
  return { name: "european-decimals", description: "Quantities as European text ('1.234' = 1234 beside '1.234,5'): read with the decimal comma", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: quantities with units ("12 pcs"): refused at the cell. */
function quantitiesWithUnits(): Layout {
  const span = months({ year: 2024, month: 1 }, 6);
  const { book, sheet } = monthGrid("Units", span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`), span, 31);
  sheet.getCell("E4").value = "12 pcs";
  return { name: "quantities-with-units", description: "A quantity typed with its unit ('12 pcs'): refused at the cell", book, months: {}, leftOut: {}, unseen: true, refused: "Units!E4" };
}

/** Hostile: returns as negative quantities: numbers, "-7" and "(12)" as text. */
function returnsNegative(): Layout {
  const span = months({ year: 2024, month: 1 }, 8);
  const { book, sheet, expected } = monthGrid("Net sales", span.map((m) => `${MONTH_NAMES[m.month - 1]}-${String(m.year).slice(2)}`), span, 32);
  const set = (cell: string, value: number | string, quantity: number, item: string, t: number): void => {
    sheet.getCell(cell).value = value;
    expected[`${item}||${label(span[t])}`] = quantity;
  };
  set("B2", -15, -15, ITEMS[0], 0);
  set("C3", "-7", -7, ITEMS[1], 1);
  set("D4", "(12)", -12, ITEMS[2], 2);
  return { name: "returns-negative", description: "Returns as negative quantities: -15, '-7', '(12)'", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: a hidden month column, hidden rows, and an "H1 Total" column in the middle of the months. */
function hiddenAndMidTotal(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(33);
  const expected: Record<string, number> = {};
  const headers = span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`);
  sheet.addRow(["Item", ...headers.slice(0, 6), "H1 Total", ...headers.slice(6)]);
  ITEMS.forEach((item, k) => {
    const values = drawn(expected, item, "", span, next);
    const row = sheet.addRow([item, ...values.slice(0, 6), values.slice(0, 6).reduce((a, b) => a + b, 0), ...values.slice(6)]);
    if (k >= 3) row.hidden = true;
  });
  sheet.getColumn(4).hidden = true;
  return { name: "hidden-and-mid-total", description: "A hidden month column, hidden rows and an 'H1 Total' column between June and July", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: a month header written twice ("Mar 2024" twice, a copy-paste slip): refused at the second. */
function duplicateMonths(): Layout {
  const span = months({ year: 2024, month: 1 }, 8);
  const headers = span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`);
  headers[3] = headers[2];
  const { book } = monthGrid("Dup", headers, span, 34);
  return { name: "duplicate-months", description: "'Mar 2024' written over two columns: refused, naming the second", book, months: {}, leftOut: {}, unseen: true, refused: "Dup!E1" };
}

/** Hostile: item master columns (description, unit, pack size) between the key and the months, notes rows below the block. */
function masterColumnsAndNotes(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Demand");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(35);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item no", "Description", "UoM", "Pack size", ...span.map((m) => `${m.year}-${String(m.month).padStart(2, "0")}`)]);
  ITEMS.forEach((item, k) => {
    const values = drawn(expected, item, "", span, next);
    sheet.addRow([item, `Product ${item}`, "PCS", 6 * (k + 1), ...values]);
  });
  sheet.addRow([]);
  sheet.addRow(["Notes: quantities in pieces, net of returns."]);
  sheet.addRow(["Source: ERP extract of 5 Jan 2026, December provisional."]);
  return { name: "master-columns-and-notes", description: "Description, unit and pack-size columns before the months; notes rows below the block", book, months: expected, leftOut: { blank: 1, heading: 2 }, unseen: true };
}

/** Hostile: a fiscal-year row ("FY2025", not merged) over bare month names from July: refused at the first month, never read a year late. */
function fiscalYearOverMonths(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("FY");
  const span = months({ year: 2024, month: 7 }, 12);
  const next = quantities(36);
  sheet.addRow(["", "FY2025"]);
  sheet.addRow(["Item", ...span.map((m) => MONTH_NAMES[m.month - 1])]);
  for (const item of ITEMS) sheet.addRow([item, ...span.map(() => next())]);
  return { name: "fiscal-year-over-months", description: "'FY2025' over bare months Jul..Jun: refused at the first month rather than read as Jul 2025", book, months: {}, leftOut: {}, unseen: true, refused: "FY!B2" };
}

/** Hostile: week numbers without a year ("W01".."W20"): refused at the first. */
function weeksWithoutYear(): Layout {
  const span = months({ year: 2024, month: 1 }, 20);
  const { book } = monthGrid("Weeks", span.map((_, k) => `W${String(k + 1).padStart(2, "0")}`), span, 37);
  return { name: "weeks-without-year", description: "Week numbers 'W01'..'W20' without a year: refused, naming the first", book, months: {}, leftOut: {}, unseen: true, refused: "Weeks!B1" };
}

/** Hostile: a sheet per item ("CH-101"), months down, warehouses across: no line holds the item, refused at the warehouse header rather than read the warehouses as items. */
function locationsWithoutItem(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("CH-101");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(38);
  sheet.addRow(["Warehouse", ...LOCATIONS, "Berlin"]);
  for (const month of span) sheet.addRow([`${MONTH_NAMES[month.month - 1]} ${month.year}`, next(), next(), next()]);
  return { name: "locations-without-item", description: "A sheet per item, months down, warehouses across: refused at the warehouse header", book, months: {}, leftOut: {}, unseen: true, refused: "'CH-101'!A1" };
}

/** Hostile: a hidden helper column without a header, holding numbers, between June and July: refused at its header cell, never left out silently. */
function hiddenUnheadedColumn(): Layout {
  const span = months({ year: 2024, month: 1 }, 12);
  const headers: (string | null)[] = span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`);
  const { book, sheet } = monthGrid("Sales", [], span, 39);
  sheet.spliceRows(1, 1, ["Item", ...headers.slice(0, 6), null, ...headers.slice(6)]);
  for (let r = 2; r <= ITEMS.length + 1; r++) sheet.getRow(r).splice(8, 0, 100 + r);
  sheet.getColumn(8).hidden = true;
  return { name: "hidden-unheaded-column", description: "A hidden column without a header, holding numbers, between Jun and Jul: refused at its header", book, months: {}, leftOut: {}, unseen: true, refused: "Sales!H1" };
}

/** Hostile: item codes stored as numbers that read as dates (material numbers 45001..45020), months across as text: the codes are items, not days down. */
function numericCodesLikeDates(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(40);
  const expected: Record<string, number> = {};
  sheet.addRow(["Material", ...span.map((m) => label(m))]);
  for (let k = 0; k < 20; k++) {
    const values = drawn(expected, String(45001 + k), "", span, next);
    sheet.addRow([45001 + k, ...values]);
  }
  return { name: "numeric-codes-like-dates", description: "Material numbers 45001..45020 stored as numbers (they read as dates) with months '2024-01' across", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: order lines from a US CSV, dates as text "MM/DD/YYYY": "01/02/2024" could be 1 February, so such lines are refused at their cell, never guessed. */
function usTextDates(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Orders");
  const random = mulberry32(41);
  const expected: Record<string, number> = {};
  sheet.addRow(["Order date", "Item", "Qty"]);
  // 1 January to 30 June 2024, whole months: '01/02/2024' reads two ways, '01/13/2024' settles the column month first
  for (let line = 0; line < 60; line++) {
    const date = line === 0 ? utc(2024, 1, 2) : addDays(utc(2024, 1, 1), Math.floor(random() * 182));
    const text = `${String(date.getUTCMonth() + 1).padStart(2, "0")}/${String(date.getUTCDate()).padStart(2, "0")}/${date.getUTCFullYear()}`;
    const [item, quantity] = [ITEMS[Math.floor(random() * ITEMS.length)], 1 + Math.floor(random() * 20)];
    add(expected, item, "", monthOfDate(date), quantity);
    sheet.addRow([text, item, quantity]);
  }
  return { name: "us-text-dates", description: "Order lines with US text dates '01/02/2024', the column's '01/13/2024' settling month first", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: an ERP extract with the year and the month in two columns ("Calendar Year", "Calendar Month" 1-12), material, plant and quantity, two lines of some months. */
function yearMonthColumns(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Extract");
  sheet.addRow(["Calendar Year", "Calendar Month", "Material", "Plant", "Qty"]);
  const next = quantities(41);
  const expected: Record<string, number> = {};
  for (const month of months({ year: 2023, month: 11 }, 10)) {
    for (const item of ITEMS.slice(0, 3)) {
      for (const location of LOCATIONS) {
        const lines = item === "CH-102" ? 2 : 1;
        for (let k = 0; k < lines; k++) {
          const value = next();
          add(expected, item, location, label(month), value);
          sheet.addRow([month.year, month.month, item, location, value]);
        }
      }
    }
  }
  return { name: "year-month-columns", description: "ERP extract: 'Calendar Year' and 'Calendar Month' (1-12) in two columns, material, plant, quantity", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: a measure column ("Actual" and "Budget" lines of each item at each site): the actuals read, the budget lines left out. */
function measureRows(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Versions");
  const span = months({ year: 2024, month: 1 }, 6);
  sheet.addRow(["SKU", "Site", "Version", ...span.map(label)]);
  const next = quantities(53);
  const expected: Record<string, number> = {};
  for (const item of ITEMS.slice(0, 3)) {
    for (const location of LOCATIONS) {
      sheet.addRow([item, location, "Actual", ...drawn(expected, item, location, span, next)]);
      sheet.addRow([item, location, "Budget", ...span.map(() => next())]);
    }
  }
  return { name: "measure-rows", description: "'Actual' and 'Budget' lines of each item and site under a 'Version' column: the actuals read, the budget lines left out", book, months: expected, leftOut: { otherMeasure: 6 }, unseen: true };
}

/** Unseen: two measures that could each be demand ("Sales Qty" and "Returns Qty" lines of each item): refused, naming the measure column. */
function twoHistoryMeasures(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Flows");
  const span = months({ year: 2024, month: 1 }, 6);
  sheet.addRow(["SKU", "Measure", ...span.map(label)]);
  const next = quantities(54);
  for (const item of ITEMS.slice(0, 3)) for (const measure of ["Sales Qty", "Returns Qty"]) sheet.addRow([item, measure, ...span.map(() => next())]);
  return { name: "two-history-measures", description: "'Sales Qty' and 'Returns Qty' lines of each item under 'Measure': refused, naming that column", book, months: {}, leftOut: {}, unseen: true, refused: "Flows!B1" };
}

/**
 * Unseen: an SAP IBP planning view exported to Excel: "Product ID", "Location ID", "Key Figure" and 36
 * months, the actuals blank in the last 6 (the future), the forecasts filled there: the actuals read to
 * their last month, the forecast key figures left out.
 */
function ibpPlanningView(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Planning View");
  const span = months({ year: 2023, month: 1 }, 36);
  const history = span.slice(0, 30);
  sheet.addRow(["Product ID", "Location ID", "Key Figure", ...span.map((m) => `${MONTH_NAMES[m.month - 1].toUpperCase()} ${m.year}`)]);
  const next = quantities(55);
  const expected: Record<string, number> = {};
  for (const item of ITEMS.slice(0, 3)) {
    for (const location of ["1000", "2000"]) {
      sheet.addRow([item, location, "Actuals Qty", ...drawn(expected, item, location, history, next)]);
      for (const figure of ["Statistical Forecast Qty", "Consensus Demand Qty"]) sheet.addRow([item, location, figure, ...history.map(() => null), ...span.slice(30).map(() => next())]);
    }
  }
  return { name: "ibp-planning-view", description: "SAP IBP planning view: Product ID, Location ID, 'Key Figure' (Actuals Qty, two forecasts), 36 months, the actuals blank in the last 6", book, months: expected, leftOut: { otherMeasure: 12 }, unseen: true };
}

/**
 * Unseen: an APO planning book: "Material", a "Key figure" column (whose header step 1 does not take
 * for a location) with "Sales history", "Corrected history" and "Statistical forecast" lines, months
 * written "01.2024": the sales history read, the corrected history (a derived figure) left out.
 */
function apoPlanningBook(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Planning book");
  const span = months({ year: 2024, month: 1 }, 12);
  sheet.addRow(["Material", "Key figure", ...span.map((m) => `${String(m.month).padStart(2, "0")}.${m.year}`)]);
  const next = quantities(56);
  const expected: Record<string, number> = {};
  for (const item of ITEMS.slice(0, 4)) {
    sheet.addRow([item, "Sales history", ...drawn(expected, item, "", span, next)]);
    for (const figure of ["Corrected history", "Statistical forecast"]) sheet.addRow([item, figure, ...span.map(() => next())]);
  }
  return { name: "apo-planning-book", description: "APO planning book: Material, 'Key figure' (Sales history, Corrected history, Statistical forecast), months '01.2024'", book, months: expected, leftOut: { otherMeasure: 8 }, unseen: true };
}

/**
 * Unseen: an Anaplan export: "Products", "Line Items" ("Actual Sales Units", "Forecast Units", "Budget
 * Units"), months "Jan 24", the forecast line first.
 */
function anaplanLineItems(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  const span = months({ year: 2024, month: 1 }, 12);
  sheet.addRow(["Products", "Line Items", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${String(m.year).slice(2)}`)]);
  const next = quantities(57);
  const expected: Record<string, number> = {};
  for (const item of ITEMS.slice(0, 3)) {
    sheet.addRow([item, "Forecast Units", ...span.map(() => next())]);
    sheet.addRow([item, "Actual Sales Units", ...drawn(expected, item, "", span, next)]);
    sheet.addRow([item, "Budget Units", ...span.map(() => next())]);
  }
  return { name: "anaplan-line-items", description: "Anaplan export: Products, 'Line Items' (Forecast, Actual Sales, Budget Units), months 'Jan 24'", book, months: expected, leftOut: { otherMeasure: 6 }, unseen: true };
}

/**
 * Unseen: an S&OP sheet whose row above the months heads them "Actual" (merged over Jan..Jun) and
 * "Forecast" (merged over Jul..Dec): before, the forecast months were read as history without a word.
 */
function actualForecastBands(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("S&OP");
  const span = months({ year: 2025, month: 1 }, 12);
  sheet.addRow([null, "Actual", null, null, null, null, null, "Forecast"]);
  sheet.addRow(["Item", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)]);
  sheet.mergeCells(1, 2, 1, 7);
  sheet.mergeCells(1, 8, 1, 13);
  const next = quantities(61);
  const expected: Record<string, number> = {};
  for (const item of ITEMS) sheet.addRow([item, ...drawn(expected, item, "", span.slice(0, 6), next), ...span.slice(6).map(() => next())]);
  return { name: "actual-forecast-bands", description: "'Actual' merged over Jan..Jun and 'Forecast' over Jul..Dec above the months: the actual months read", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: each month over an "Act" or "Fcst" cell in the row below, the actuals first: the actual months read, the plan after them left out. */
function monthsOverActFcst(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("S&OP");
  const span = months({ year: 2025, month: 1 }, 12);
  sheet.addRow(["Item", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)]);
  sheet.addRow([null, ...span.map((_, k) => (k < 8 ? "Act" : "Fcst"))]);
  const next = quantities(62);
  const expected: Record<string, number> = {};
  for (const item of ITEMS) sheet.addRow([item, ...drawn(expected, item, "", span.slice(0, 8), next), ...span.slice(8).map(() => next())]);
  return { name: "months-over-act-fcst", description: "Each month over 'Act' (Jan..Aug) or 'Fcst' (Sep..Dec) in the row below", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Unseen: an SAP export opened as text in an English Excel: quantities "1.234,000", "12,000" (twelve),
 * "7,500", returns "5,000-": read with the decimal comma, since no quantity reads with a decimal point.
 */
function sapTextDecimalComma(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Absatz");
  const span = months({ year: 2024, month: 1 }, 12);
  sheet.addRow(["Material", "Werk", ...span.map((m) => `${String(m.month).padStart(2, "0")}.${m.year}`)]);
  const next = quantities(64);
  const expected: Record<string, number> = {};
  const german = (value: number): string => `${Math.trunc(value).toLocaleString("de-DE")},${String(Math.round((value % 1) * 1000)).padStart(3, "0")}`;
  for (const item of ITEMS.slice(0, 3)) {
    for (const location of ["1000", "2000"]) {
      const values = span.map((_, t) => (t % 4 === 0 ? 1000 + next() : next() + 0.5));
      values.forEach((value, t) => add(expected, item, location, label(span[t]), value));
      sheet.addRow([item, location, ...values.map(german)]);
    }
  }
  return { name: "sap-text-decimal-comma", description: "SAP export opened as text: '1.234,000', '12,500' with a decimal comma, material and plant", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: a report keyed by product name first and SKU code second: the codes are the item, never the names. */
function productBeforeSku(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const span = months({ year: 2024, month: 1 }, 12);
  sheet.addRow(["Product", "SKU", ...span.map(label)]);
  const next = quantities(63);
  const expected: Record<string, number> = {};
  ITEMS.forEach((item, k) => sheet.addRow([`Product ${"ABCDE"[k]} deluxe`, item, ...drawn(expected, item, "", span, next)]));
  return { name: "product-before-sku", description: "'Product' names in the first column, 'SKU' codes in the second", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Unseen: a planning book's key figures exported as lines: "Month", "Material", "Plant", "Key Figure"
 * ("Actuals Qty", "Consensus Demand Qty") and one "Value" column: the actuals lines read.
 */
function keyFigureLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  sheet.addRow(["Month", "Material", "Plant", "Key Figure", "Value"]);
  const next = quantities(59);
  const expected: Record<string, number> = {};
  for (const month of months({ year: 2024, month: 1 }, 12)) {
    for (const item of ITEMS.slice(0, 3)) {
      for (const location of LOCATIONS) {
        const actual = next();
        add(expected, item, location, label(month), actual);
        sheet.addRow([new Date(Date.UTC(month.year, month.month - 1, 1)), item, location, "Actuals Qty", actual]);
        sheet.addRow([new Date(Date.UTC(month.year, month.month - 1, 1)), item, location, "Consensus Demand Qty", next()]);
      }
    }
  }
  return { name: "key-figure-lines", description: "Key figures as lines: Month, Material, Plant, 'Key Figure' (Actuals Qty, Consensus Demand Qty), 'Value'", book, months: expected, leftOut: { otherMeasure: 72 }, unseen: true };
}

/**
 * Unseen: a planning book's key figures as columns beside month and material, no location: "Actuals
 * Qty" and "Statistical Forecast Qty" (never taken for two locations): the actuals column read.
 */
function keyFigureColumns(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  sheet.addRow(["Month", "Material", "Statistical Forecast Qty", "Actuals Qty"]);
  const next = quantities(60);
  const expected: Record<string, number> = {};
  for (const month of months({ year: 2024, month: 1 }, 12)) {
    for (const item of ITEMS.slice(0, 3)) {
      const actual = next();
      add(expected, item, "", label(month), actual);
      sheet.addRow([new Date(Date.UTC(month.year, month.month - 1, 1)), item, next(), actual]);
    }
  }
  return { name: "key-figure-columns", description: "Key figures as columns: Month, Material, 'Statistical Forecast Qty', 'Actuals Qty' (no location)", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: a forecast-accuracy sheet: each month (a date) merged over "Actual" and "Forecast": the actuals read, the forecast columns left out. */
function monthsOverActualForecast(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Accuracy");
  const span = months({ year: 2024, month: 1 }, 12);
  sheet.addRow(["Item", ...span.flatMap((m) => [new Date(Date.UTC(m.year, m.month - 1, 1)), null])]);
  sheet.addRow([null, ...span.flatMap(() => ["Actual", "Forecast"])]);
  span.forEach((_, k) => sheet.mergeCells(1, 2 + 2 * k, 1, 3 + 2 * k));
  const next = quantities(58);
  const expected: Record<string, number> = {};
  for (const item of ITEMS) {
    const actual = drawn(expected, item, "", span, next);
    sheet.addRow([item, ...actual.flatMap((value) => [value, next()])]);
  }
  return { name: "months-over-actual-forecast", description: "Each month (a date) merged over 'Actual' and 'Forecast' columns, item down", book, months: expected, leftOut: {}, unseen: true };
}

/** Unseen: item x site lines with a 'Type' column that describes the item (no item and site twice): read, the column left aside. */
function typeColumn(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sites");
  const span = months({ year: 2024, month: 1 }, 6);
  sheet.addRow(["SKU", "Site", "Type", ...span.map(label)]);
  const next = quantities(59);
  const expected: Record<string, number> = {};
  ITEMS.slice(0, 3).forEach((item, i) => {
    for (const location of LOCATIONS) {
      const values = drawn(expected, item, location, span, next);
      sheet.addRow([item, location, i === 0 ? "Spare" : "Finished", ...values]);
    }
  });
  return { name: "type-column", description: "Item and site lines with a 'Type' column describing the item ('Spare', 'Finished'): read, the column left aside", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Hostile: an Excel pivot table with Plant and Month as column fields, items as rows (compact form):
 * "Sum of Qty" and "Column Labels" over a plant row, each plant's months under it, then its "North
 * Total" column headed in the plant row only; a Grand Total column and row.
 */
function locationBands(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Pivot");
  const span = months({ year: 2024, month: 1 }, 6);
  const next = quantities(61);
  const expected: Record<string, number> = {};
  const plants = ["North", "South", "West"];
  sheet.addRow(["Plant", "(All)"]);
  sheet.addRow([]);
  sheet.addRow(["Sum of Qty", "Column Labels"]);
  sheet.addRow([null, ...plants.flatMap((plant) => [plant, ...span.slice(1).map(() => null), `${plant} Total`]), "Grand Total"]);
  sheet.addRow(["Row Labels", ...plants.flatMap(() => [...span.map((m) => `${MONTH_NAMES[m.month - 1]}-${String(m.year).slice(2)}`), null]), null]);
  const columnTotals = new Array<number>(plants.length * (span.length + 1) + 1).fill(0);
  for (const item of ITEMS) {
    const cells = plants.flatMap((plant) => {
      const values = drawn(expected, item, plant, span, next);
      return [...values, values.reduce((a, b) => a + b, 0)];
    });
    const row = [...cells, cells.filter((_, c) => c % (span.length + 1) === span.length).reduce((a, b) => a + b, 0)];
    row.forEach((value, c) => (columnTotals[c] += value));
    sheet.addRow([item, ...row]);
  }
  sheet.addRow(["Grand Total", ...columnTotals]);
  return {
    name: "location-bands",
    description: "Pivot table with Plant and Month as column fields: a plant row over each plant's months, 'North Total' columns, Grand Total column and row",
    book,
    months: expected,
    leftOut: { total: 1 },
    unseen: true,
  };
}

/** Hostile: a warehouse label merged over its months ('Jan 2024'..), a description column, a warehouse that opened later. */
function mergedLocationBands(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Stock moves");
  const span = months({ year: 2024, month: 1 }, 8);
  const bands = [
    { warehouse: "Paris", span },
    { warehouse: "Lyon", span: span.slice(3) },
  ];
  const next = quantities(67);
  const expected: Record<string, number> = {};
  sheet.addRow(["Warehouse", null, ...bands.flatMap((band) => [band.warehouse, ...band.span.slice(1).map(() => null)])]);
  sheet.addRow(["SKU", "Description", ...bands.flatMap((band) => band.span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`))]);
  let column = 3;
  for (const band of bands) {
    sheet.mergeCells(1, column, 1, column + band.span.length - 1);
    column += band.span.length;
  }
  for (const item of ITEMS.slice(0, 4)) {
    const values = bands.flatMap((band) =>
      band.span.map((month) => {
        const value = next();
        add(expected, item, band.warehouse, label(month), value);
        return value;
      }),
    );
    sheet.addRow([item, `${item} description`, ...values]);
  }
  return { name: "merged-location-bands", description: "A warehouse label merged over its months, a description column, a warehouse opened in April", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: customer bands over repeated months: customers are summed, not planned apart, so it is refused at the first repeated month. */
function customerBands(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Customers");
  const span = months({ year: 2024, month: 1 }, 3).map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`);
  sheet.addRow(["Customer", "Acme", null, null, "Beta", null, null]);
  sheet.addRow(["Item", ...span, ...span]);
  sheet.addRow(["CH-101", 1, 2, 3, 4, 5, 6]);
  return { name: "customer-bands", description: "Customer bands over repeated months: refused at the first repeated month", book, months: {}, leftOut: {}, unseen: true, refused: "Customers!E2" };
}

/** Hostile: SAP BW months as numbers 202401.. across (0CALMONTH), material numbers as text: before, read as periods P1.. with the header row as an item. */
function sapMonthsAcross(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("BW");
  const span = months({ year: 2023, month: 7 }, 9);
  const next = quantities(71);
  const expected: Record<string, number> = {};
  sheet.addRow(["Material", ...span.map((m) => m.year * 100 + m.month)]);
  for (const material of ["000000000010001234", "000000000010001235", "000000000010004711"]) {
    const values = drawn(expected, material, "", span, next);
    sheet.addRow([material, ...values]);
  }
  return { name: "sap-months-across", description: "SAP BW calendar months as numbers 202307..202403 across, 18-digit material numbers", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: an SAP extract with 'Calendar Year/Month' as 202401 numbers, material, plant and quantity lines. */
function sapMonthLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Extract");
  sheet.addRow(["Calendar Year/Month", "Material", "Plant", "Quantity"]);
  const next = quantities(73);
  const expected: Record<string, number> = {};
  for (const month of months({ year: 2024, month: 10 }, 6)) {
    for (const item of ITEMS.slice(0, 2)) {
      for (const plant of ["1000", "2000"]) {
        const value = next();
        add(expected, item, plant, label(month), value);
        sheet.addRow([month.year * 100 + month.month, item, plant, value]);
      }
    }
  }
  return { name: "sap-month-lines", description: "SAP extract: 'Calendar Year/Month' 202410 as numbers, material, plant, quantity", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: order lines whose dates are written as ERP systems store them, "20240115" as text and 20240115 as a number. */
function erpDateLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("VBAK");
  sheet.addRow(["Created on", "Material", "Order Qty"]);
  const next = quantities(79);
  const expected: Record<string, number> = {};
  for (let k = 0; k < 60; k++) {
    const date = addDays(utc(2024, 1, 3), 5 * k);
    const compact = date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
    const item = ITEMS[k % 3];
    const value = next();
    add(expected, item, "", monthOfDate(date), value);
    sheet.addRow([k % 2 === 0 ? String(compact) : compact, item, value]);
  }
  return { name: "erp-date-lines", description: "Order lines dated '20240103' (text) and 20240108 (number) as ERP exports store dates", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: weekly sales headed by week-ending Sundays under "Week ending": each week is the seven days up to its date. */
function weekEnding(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Weekly");
  const ends = Array.from({ length: 14 }, (_, k) => addDays(utc(2024, 1, 7), 7 * k));
  const next = quantities(83);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Week ending", ...ends]);
  for (const item of ITEMS.slice(0, 3)) {
    const values = ends.map(() => next());
    values.forEach((value, t) => {
      add(weekly, item, "", isoWeekOf(ends[t]), value);
      for (let d = 0; d < 7; d++) add(monthly, item, "", monthOfDate(addDays(ends[t], -d)), value / 7);
    });
    sheet.addRow([item, ...values]);
  }
  // 1 January to 7 April 2024: April is a partial month
  return { name: "week-ending", description: "Weeks across headed by their last day (Sundays) under 'Week ending'", book, ...monthsRead(monthly, addDays(ends[0], -6), ends[ends.length - 1]), weeks: weekly, unseen: true };
}

/** Hostile: period numbers 1..12 under an "Item" header: refused at the first, never read as an item "Item" selling 1, 2, 3, ... */
function periodNumbersHeader(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Numbers");
  sheet.addRow(["Item", ...Array.from({ length: 12 }, (_, k) => k + 1)]);
  const next = quantities(89);
  for (const item of ITEMS.slice(0, 3)) sheet.addRow([item, ...Array.from({ length: 12 }, () => next())]);
  return { name: "period-numbers-header", description: "Period numbers 1..12 under an 'Item' header: refused at the first", book, months: {}, leftOut: {}, unseen: true, refused: "Numbers!B1" };
}

/** Hostile: yearly totals, 2021..2024 across: refused at the first year, never read as an item "SKU" selling 2021, 2022, ... */
function yearsAcross(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Years");
  sheet.addRow(["SKU", 2021, 2022, 2023, 2024]);
  const next = quantities(97);
  for (const item of ITEMS) sheet.addRow([item, next(), next(), next(), next()]);
  return { name: "years-across", description: "Yearly totals 2021..2024 across: refused at the first year", book, months: {}, leftOut: {}, unseen: true, refused: "Years!B1" };
}

/** Hostile: a sheet per month ('Jan 2025', 'Feb 2025', ...), each holding items down and one column per warehouse, a total column and row. */
function sheetPerMonth(): Layout {
  const book = new ExcelJS.Workbook();
  const span = months({ year: 2025, month: 1 }, 5);
  const next = quantities(101);
  const expected: Record<string, number> = {};
  book.addWorksheet("Read me").addRow(["Monthly sales by warehouse, one sheet per month"]);
  for (const month of span) {
    const sheet = book.addWorksheet(`${MONTH_NAMES[month.month - 1]} ${month.year}`);
    sheet.addRow([`Sales ${MONTH_NAMES[month.month - 1]} ${month.year}`]);
    sheet.addRow(["SKU", "Description", ...LOCATIONS, "Total"]);
    const columnTotals = LOCATIONS.map(() => 0);
    for (const item of ITEMS.slice(0, 4)) {
      const values = LOCATIONS.map(() => next());
      values.forEach((value, k) => {
        add(expected, item, LOCATIONS[k], label(month), value);
        columnTotals[k] += value;
      });
      sheet.addRow([item, `${item} description`, ...values, values.reduce((a, b) => a + b, 0)]);
    }
    sheet.addRow(["Total", null, ...columnTotals, columnTotals.reduce((a, b) => a + b, 0)]);
  }
  return { name: "sheet-per-month", description: "A sheet per month ('Jan 2025'..), items down, a column per warehouse, total column and row", book, months: expected, leftOut: { total: 5 }, unseen: true };
}

/** Hostile: months with a bare 'Q1'..'Q4' subtotal column after each quarter's months and an 'FY 2024' column: the subtotals are left out. */
function quarterSubtotals(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(103);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item", ...span.flatMap((m, k) => [`${MONTH_NAMES[m.month - 1]}-24`, ...(k % 3 === 2 ? [`Q${(k + 1) / 3}`] : [])]), "FY 2024"]);
  for (const item of ITEMS) {
    const values = drawn(expected, item, "", span, next);
    const cells = values.flatMap((value, k) => [value, ...(k % 3 === 2 ? [values[k] + values[k - 1] + values[k - 2]] : [])]);
    sheet.addRow([item, ...cells, values.reduce((a, b) => a + b, 0)]);
  }
  return { name: "quarter-subtotals", description: "Months with a bare 'Q1'..'Q4' subtotal column after each quarter and an 'FY 2024' column", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: an S&OP sheet of 'Jan-25 Actual'..'Jun-25 Actual' then 'Jul-25 Fcst'..'Dec-25 Fcst': the actuals are the history, the forecast is left out with a note. */
function actualsThenForecast(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("S&OP");
  const span = months({ year: 2025, month: 1 }, 12);
  const next = quantities(107);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item", ...span.map((m, k) => `${MONTH_NAMES[m.month - 1]}-25 ${k < 6 ? "Actual" : "Fcst"}`)]);
  for (const item of ITEMS) {
    const values = span.map(() => next());
    values.slice(0, 6).forEach((value, t) => add(expected, item, "", label(span[t]), value));
    sheet.addRow([item, ...values]);
  }
  return { name: "actuals-then-forecast", description: "'Jan-25 Actual'..'Jun-25 Actual' then 'Jul-25 Fcst'..: the actuals read, the forecast left out", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: a 'Q1' column after March that is not the sum of its months (a target typed there): refused at it. */
function quarterNotSubtotal(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Targets");
  sheet.addRow(["Item", "Jan 2024", "Feb 2024", "Mar 2024", "Q1", "Apr 2024", "May 2024", "Jun 2024"]);
  sheet.addRow(["CH-101", 10, 11, 12, 40, 13, 14, 15]);
  return { name: "quarter-not-subtotal", description: "A 'Q1' column that is not the sum of January to March: refused at it", book, months: {}, leftOut: {}, unseen: true, refused: "Targets!E1" };
}

/** Hostile: week numbers 'Wk 50'..'Wk 52', 'Wk 1'.. under a year row ('2023' over the first, '2024' over 'Wk 1'). */
function weeksUnderYear(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Weekly");
  const starts = Array.from({ length: 12 }, (_, k) => addDays(utc(2023, 12, 11), 7 * k));
  const weekNumber = (date: Date): number => Number(isoWeekOf(date).slice(6));
  sheet.addRow([null, ...starts.map((date, k) => (k === 0 || weekNumber(date) === 1 ? String(isoWeekOf(date).slice(0, 4)) : null))]);
  sheet.addRow(["Item", ...starts.map((date) => `Wk ${weekNumber(date)}`)]);
  const { monthly, weekly } = weeklyRows(sheet, ITEMS.slice(0, 3), starts, 109);
  // 11 December 2023 to 3 March 2024: December and March are partial months
  return { name: "weeks-under-year", description: "Week numbers 'Wk 50'..'Wk 52', 'Wk 1'.. under a year row", book, ...monthsRead(monthly, starts[0], addDays(starts[starts.length - 1], 6)), weeks: weekly, unseen: true };
}

/** Hostile: weekly headers as UK text dates '01/01/2024', '08/01/2024', ... (day first: '15/01/2024' settles it). */
function ukWeeklyTextDates(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Weekly");
  const starts = Array.from({ length: 10 }, (_, k) => addDays(utc(2024, 1, 1), 7 * k));
  const text = (date: Date): string => `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
  sheet.addRow(["SKU", ...starts.map(text)]);
  const { monthly, weekly } = weeklyRows(sheet, ITEMS.slice(0, 3), starts, 113);
  // 1 January to 10 March 2024: March is a partial month
  return { name: "uk-weekly-text-dates", description: "Weekly headers as UK text dates '01/01/2024', '08/01/2024', ...", book, ...monthsRead(monthly, starts[0], addDays(starts[starts.length - 1], 6)), weeks: weekly, unseen: true };
}

/** Hostile: the year written on each January only ('Jan 2024', 'Feb', ..., 'Dec', 'Jan 2025', 'Feb', 'Mar'). */
function yearOnJanuary(): Layout {
  const span = months({ year: 2024, month: 1 }, 15);
  const headers = span.map((m) => (m.month === 1 ? `${MONTH_NAMES[0]} ${m.year}` : MONTH_NAMES[m.month - 1]));
  const { book, expected } = monthGrid("Sales", headers, span, 127);
  return { name: "year-on-january", description: "The year written on each January only: 'Jan 2024', 'Feb', ..., 'Jan 2025', 'Feb', 'Mar'", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Hostile: a German SAP export of order lines ("Belegdatum", "Material", "Werk", "Menge", "ME"), dates as
 * text "05.01.2024" (day first, settled by the column's "13.01.2024"), several lines a day.
 */
function germanOrderLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  sheet.addRow(["Belegdatum", "Material", "Werk", "Menge", "ME"]);
  const next = quantities(137);
  const expected: Record<string, number> = {};
  // 1 January to 29 February 2024, two lines every day: whole months
  for (let k = 0; k < 120; k++) {
    const date = addDays(utc(2024, 1, 1), Math.floor(k / 2));
    const text = `${String(date.getUTCDate()).padStart(2, "0")}.${String(date.getUTCMonth() + 1).padStart(2, "0")}.${date.getUTCFullYear()}`;
    const [item, plant, value] = [ITEMS[k % 2], k % 4 < 2 ? "1000" : "2000", next()];
    add(expected, item, plant, monthOfDate(date), value);
    sheet.addRow([text, item, plant, value, "ST"]);
  }
  return { name: "german-order-lines", description: "SAP order lines with German headers (Belegdatum, Werk, Menge) and text dates '05.01.2024'", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: order lines with exactly one line a day (dates one day apart down the rows, as a grid of days has them): "Date", "Item", "Plant", "Qty". */
function oneLineADay(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Orders");
  sheet.addRow(["Date", "Item", "Plant", "Qty"]);
  const next = quantities(139);
  const expected: Record<string, number> = {};
  // 1 January to 31 March 2024, one line a day: whole months
  for (let k = 0; k < 91; k++) {
    const date = addDays(utc(2024, 1, 1), k);
    const [item, value] = [ITEMS[k % 3], next()];
    add(expected, item, "1000", monthOfDate(date), value);
    sheet.addRow([date, item, "1000", value]);
  }
  return { name: "one-line-a-day", description: "Order lines, one a day: dates one day apart down the rows, yet lines (Date, Item, Plant, Qty)", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: an ERP report with each month's quantity and value side by side ("Jan 2024 Qty", "Jan 2024 Value"): the quantity is the demand. */
function quantityAndValue(): Layout {
  const span = months({ year: 2024, month: 1 }, 12);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Report");
  const next = quantities(149);
  const expected: Record<string, number> = {};
  sheet.addRow(["Material", ...span.flatMap((m) => [`${MONTH_NAMES[m.month - 1]} ${m.year} Qty`, `${MONTH_NAMES[m.month - 1]} ${m.year} Value`])]);
  for (const item of ITEMS.slice(0, 3)) {
    const values = drawn(expected, item, "", span, next);
    sheet.addRow([item, ...values.flatMap((value) => [value, value * 12.5])]);
  }
  return { name: "quantity-and-value", description: "Each month's 'Qty' and 'Value' side by side: the quantity read, the value left out with a note", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Hostile: a pivot table with two value fields, as Excel writes it: each month (a date cell) merged over
 * "Sum of Qty" and "Sum of Value" in a second header row, item and plant down the rows, a "Grand Total"
 * group after the months. The quantity is the demand; the value and total columns are left out.
 */
function monthsOverMeasures(): Layout {
  const span = months({ year: 2024, month: 1 }, 14);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Pivot");
  const next = quantities(151);
  const expected: Record<string, number> = {};
  sheet.addRow(["Material", "Plant", ...span.flatMap((m) => [utc(m.year, m.month, 1), null]), "Grand Total", null]);
  sheet.addRow([null, null, ...[...span, null].flatMap(() => ["Sum of Qty", "Sum of Value"])]);
  for (let k = 0; k <= span.length; k++) sheet.mergeCells(1, 3 + 2 * k, 1, 4 + 2 * k);
  span.forEach((_, k) => (sheet.getCell(1, 3 + 2 * k).numFmt = "mmm yyyy"));
  for (const item of ITEMS.slice(0, 3)) {
    for (const plant of ["1000", "2000"]) {
      const values = drawn(expected, item, plant, span, next);
      const total = values.reduce((sum, value) => sum + value, 0);
      sheet.addRow([item, plant, ...values.flatMap((value) => [value, value * 12.5]), total, total * 12.5]);
    }
  }
  return { name: "months-over-measures", description: "A pivot table's months (dates) merged over 'Sum of Qty' and 'Sum of Value', item and plant down, a grand total group", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Hostile: a report printed by item, as ERP list reports export it: a title, then for each plant and
 * item a heading line ("Plant: 1000", "Material CH-101 - Office chair"), the block's own header row
 * ("Month", "Quantity"), its months (dates) and a total line. No column holds the item.
 */
function itemBlocks(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Report");
  const next = quantities(157);
  const expected: Record<string, number> = {};
  sheet.addRow(["Sales quantity by material, printed 05.04.2025"]);
  sheet.addRow([]);
  for (const plant of ["1000", "2000"]) {
    if (plant !== "1000") sheet.addRow([]);
    sheet.addRow([`Plant: ${plant}`]);
    for (const [k, item] of ITEMS.slice(0, 3).entries()) {
      // the third item was launched later: its block is shorter
      const span = months({ year: 2024, month: k === 2 ? 7 : 1 }, k === 2 ? 9 : 15);
      if (k > 0) sheet.addRow([]);
      sheet.addRow([`Material ${item} - Product ${item}`]);
      sheet.addRow(["Month", "Quantity"]);
      const values = drawn(expected, item, plant, span, next);
      span.forEach((m, t) => sheet.addRow([utc(m.year, m.month, 1), values[t]]));
      sheet.addRow(["Total", values.reduce((sum, value) => sum + value, 0)]);
    }
  }
  // below the first header row: 5 blank lines between blocks, 6 totals, and as headings the second plant's
  // line and each later block's material and header lines (1 + 2 x 5)
  const leftOut: LeftOutCounts = { blank: 5, total: 6, heading: 11 };
  return { name: "item-blocks", description: "A report printed by plant and item: heading lines name them, each block has its own Month/Quantity header and total", book, months: expected, leftOut, unseen: true };
}

/** Hostile: SAP CO-PA lines dated by "Fiscal Year" and "Posting period": refused, naming both headers (a fiscal year may start in any month). */
function fiscalYearPeriodLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("COPA");
  sheet.addRow(["Fiscal Year", "Posting period", "Material", "Sales Qty"]);
  const next = quantities(167);
  for (let period = 1; period <= 12; period++) for (const item of ITEMS.slice(0, 2)) sheet.addRow([2024, period, item, next()]);
  return { name: "fiscal-year-period-lines", description: "Lines by 'Fiscal Year' and 'Posting period': refused, naming the fiscal year header", book, months: {}, leftOut: {}, unseen: true, refused: "COPA!A1" };
}

/**
 * Unseen: months down the rows, an item per column under a row of families merged over their items
 * ("Chairs" over CH-101 and CH-102), the period column headed "Month" on the items' row, a total row
 * at the bottom: before, the families were read as the items.
 */
function familiesOverItemsDown(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const span = months({ year: 2024, month: 1 }, 12);
  const items = ITEMS.slice(0, 4);
  sheet.addRow([null, "Chairs", null, "Tables", null]);
  sheet.addRow(["Month", ...items]);
  sheet.mergeCells(1, 2, 1, 3);
  sheet.mergeCells(1, 4, 1, 5);
  const next = quantities(166);
  const expected: Record<string, number> = {};
  const totals = items.map(() => 0);
  for (const month of span) {
    const values = items.map(() => next());
    values.forEach((value, c) => {
      add(expected, items[c], "", label(month), value);
      totals[c] += value;
    });
    sheet.addRow([new Date(Date.UTC(month.year, month.month - 1, 1)), ...values]);
  }
  sheet.addRow(["Total", ...totals]);
  return { name: "families-over-items-down", description: "Months down, items across under a row of families merged over them, 'Month' on the items' row, a total row", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Unseen: a volume report kept in thousands, the title above the header saying so ("Sales volume
 * ('000 units)"), tenths of a thousand in the cells: before, 1.2 was read as 1.2 units.
 */
function thousandsTitle(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Volume");
  const span = months({ year: 2024, month: 1 }, 12);
  const next = quantities(168);
  const expected: Record<string, number> = {};
  sheet.addRow(["Sales volume ('000 units)"]);
  sheet.addRow(["Item", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)]);
  for (const item of ITEMS) {
    const values = span.map(() => next() / 10);
    span.forEach((m, t) => add(expected, item, "", label(m), values[t] * 1000));
    sheet.addRow([item, ...values]);
  }
  return { name: "thousands-title", description: "A grid under the title \"Sales volume ('000 units)\": read as units, times 1,000", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: a pivot table with a "(blank)" row (sales without an item) holding quantities: refused at its label, not read as an item. */
function pivotBlankRow(): Layout {
  const span = months({ year: 2024, month: 1 }, 6);
  const { book, sheet } = monthGrid("Pivot", span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`), span, 169);
  sheet.addRow(["(blank)", 3, null, 1, null, null, 2]);
  return { name: "pivot-blank-row", description: "A pivot table's '(blank)' row holding quantities: refused at its label", book, months: {}, leftOut: {}, unseen: true, refused: `Pivot!A${ITEMS.length + 2}` };
}

/**
 * Hostile: twelve weeks of SAP lines, "202401" .. "202412" under "Calendar Week": no number runs past
 * 12, so only the header tells them from months (before, they were read as twelve months without a word).
 */
function sapTwelveWeeks(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  const next = quantities(165);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Calendar Week", "Material", "Quantity"]);
  const monday = utc(2024, 1, 1);
  for (let w = 1; w <= 12; w++) {
    const start = addDays(monday, 7 * (w - 1));
    for (const item of ITEMS.slice(0, 2)) {
      const value = next();
      sheet.addRow([202400 + w, item, value]);
      add(weekly, item, "", isoWeekOf(start), value);
      for (let d = 0; d < 7; d++) add(monthly, item, "", monthOfDate(addDays(start, d)), value / 7);
    }
  }
  return { name: "sap-twelve-weeks", description: "Twelve weeks of lines, '202401'..'202412' under 'Calendar Week', Material, Quantity", book, months: monthly, leftOut: {}, weeks: weekly, unseen: true };
}

/**
 * Hostile: weekly lines as SAP exports them, the calendar week written "01.2024" .. "20.2024" (SAP's
 * display of a calendar week, the same as a month's up to week 12) under "Cal. week", with Material,
 * Plant and Quantity columns: read as ISO weeks because the numbers run past 12.
 */
function sapCalendarWeeks(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Export");
  const next = quantities(163);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Cal. week", "Material", "Plant", "Quantity"]);
  const monday = utc(2024, 1, 1);
  for (let w = 1; w <= 20; w++) {
    const start = addDays(monday, 7 * (w - 1));
    for (const item of ITEMS.slice(0, 2)) {
      const value = next();
      sheet.addRow([`${String(w).padStart(2, "0")}.2024`, item, "1000", value]);
      add(weekly, item, "1000", isoWeekOf(start), value);
      for (let d = 0; d < 7; d++) add(monthly, item, "1000", monthOfDate(addDays(start, d)), value / 7);
    }
  }
  // lines say nothing of the days after their last week, so May (to the 19th) is read as it is, as order lines are
  return { name: "sap-calendar-weeks", description: "Order lines by SAP calendar week ('13.2024' under 'Cal. week'), Material, Plant, Quantity", book, months: monthly, leftOut: {}, weeks: weekly, unseen: true };
}

/**
 * Hostile: one sheet printed by location, as a report grouped by plant: a heading line per plant
 * ("Plant: Paris"), the header row of months repeated under each, the plant's items and a total. No
 * column holds the location; the same items appear under each plant.
 */
function locationHeadings(): Layout {
  const span = months({ year: 2024, month: 1 }, 13);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const next = quantities(167);
  const expected: Record<string, number> = {};
  sheet.addRow(["Demand history by plant"]);
  sheet.addRow([]);
  for (const [k, location] of LOCATIONS.entries()) {
    if (k > 0) sheet.addRow([]);
    sheet.addRow([`Plant: ${location}`]);
    sheet.addRow(["Item", ...span.map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`)]);
    const totals = span.map(() => 0);
    for (const item of ITEMS.slice(0, 3)) {
      const values = drawn(expected, item, location, span, next);
      values.forEach((value, t) => (totals[t] += value));
      sheet.addRow([item, ...values]);
    }
    sheet.addRow([`Total ${location}`, ...totals]);
  }
  // below the first header row: the blank line, the second plant's heading and header row, two totals
  return { name: "location-headings", description: "A sheet printed by plant: 'Plant: Paris' headings, the month header repeated under each, totals", book, months: expected, leftOut: { blank: 1, heading: 2, total: 2 }, unseen: true };
}

/** Hostile: item x location flattened into one header row, the plant written before each month ("Paris Jan 2024" .. "Lyon Jan 2025"). */
function locationInHeaders(): Layout {
  const span = months({ year: 2024, month: 1 }, 13);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sales");
  const next = quantities(173);
  const expected: Record<string, number> = {};
  sheet.addRow(["Item", ...LOCATIONS.flatMap((location) => span.map((m) => `${location} ${MONTH_NAMES[m.month - 1]} ${m.year}`))]);
  for (const item of ITEMS.slice(0, 3)) sheet.addRow([item, ...LOCATIONS.flatMap((location) => drawn(expected, item, location, span, next))]);
  return { name: "location-in-headers", description: "Item x location in one header row: 'Paris Jan 2024' .. 'Lyon Jan 2025'", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: weekly totals with the year and the week number in two columns ("Year", "Week" 1-52), as many BI extracts write them. */
function yearWeekColumns(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Extract");
  const next = quantities(179);
  const monthly: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Year", "Week", "Material", "Plant", "Qty"]);
  // ISO weeks 2024-W45 to 2025-W10; 2024 has 52 weeks
  for (let k = 0; k < 18; k++) {
    const [year, week] = k < 8 ? [2024, 45 + k] : [2025, k - 7];
    const start = addDays(utc(2024, 11, 4), 7 * k);
    for (const item of ITEMS.slice(0, 2)) {
      const value = next();
      sheet.addRow([year, week, item, "1000", value]);
      add(weekly, item, "1000", isoWeekOf(start), value);
      for (let d = 0; d < 7; d++) add(monthly, item, "1000", monthOfDate(addDays(start, d)), value / 7);
    }
  }
  return { name: "year-week-columns", description: "Weekly totals: 'Year' and 'Week' (1-52) in two columns, material, plant, quantity", book, months: monthly, leftOut: {}, weeks: weekly, unseen: true };
}

/**
 * Hostile: a pivot table with dates grouped by years and months as row fields, in tabular form: a
 * caption row ("Sum of Qty", "Material") over the item codes, the year written once per group, a
 * grand total column and row.
 */
function pivotYearsMonthsDown(): Layout {
  const span = months({ year: 2024, month: 1 }, 15);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Pivot");
  const next = quantities(181);
  const expected: Record<string, number> = {};
  const items = ITEMS.slice(0, 3);
  const columns = items.map((item) => drawn(expected, item, "", span, next));
  sheet.addRow(["Sum of Qty", null, "Material"]);
  sheet.addRow(["Years", "Months", ...items, "Grand Total"]);
  span.forEach((m, t) => {
    const row = columns.map((values) => values[t]);
    sheet.addRow([m.month === 1 ? String(m.year) : null, MONTH_NAMES[m.month - 1], ...row, row.reduce((a, b) => a + b, 0)]);
  });
  sheet.addRow(["Grand Total", null, ...columns.map((values) => values.reduce((a, b) => a + b, 0))]);
  return { name: "pivot-years-months-down", description: "A pivot's years and months as row fields (tabular form), a caption row over the item codes, grand totals", book, months: expected, leftOut: { total: 1 }, unseen: true };
}

/** Hostile: the same pivot in compact form: the year and its month names in one column, each year's subtotal on its row. */
function pivotCompactDown(): Layout {
  const span = months({ year: 2024, month: 1 }, 15);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Pivot");
  const next = quantities(191);
  const expected: Record<string, number> = {};
  const items = ITEMS.slice(0, 3);
  const columns = items.map((item) => drawn(expected, item, "", span, next));
  sheet.addRow(["Sum of Qty", "Column Labels"]);
  sheet.addRow(["Row Labels", ...items, "Grand Total"]);
  for (const year of [2024, 2025]) {
    const ts = span.flatMap((m, t) => (m.year === year ? [t] : []));
    const subtotal = columns.map((values) => ts.reduce((sum, t) => sum + values[t], 0));
    sheet.addRow([String(year), ...subtotal, subtotal.reduce((a, b) => a + b, 0)]);
    for (const t of ts) {
      const row = columns.map((values) => values[t]);
      sheet.addRow([MONTH_NAMES[span[t].month - 1], ...row, row.reduce((a, b) => a + b, 0)]);
    }
  }
  sheet.addRow(["Grand Total", ...columns.map((values) => values.reduce((a, b) => a + b, 0))]);
  return { name: "pivot-compact-down", description: "A pivot's years and months in one row field (compact form: '2024', 'Jan', ...), year subtotals, grand totals", book, months: expected, leftOut: { total: 1 }, unseen: true };
}

/** Hostile: the compact pivot with a number typed over the 2025 subtotal: numbers under a year that are no sum of its months are refused, naming the cell. */
function pivotCompactWrongSubtotal(): Layout {
  const layout = pivotCompactDown();
  const sheet = layout.book.getWorksheet("Pivot")!;
  sheet.getCell("B16").value = Number(sheet.getCell("B16").value) + 50;
  return { ...layout, name: "pivot-compact-wrong-subtotal", description: "The compact pivot with its 2025 subtotal typed over: refused at the year", months: {}, leftOut: {}, refused: "Pivot!A16" };
}

/** Hostile: months down as an extract writes them, the year and the month number (1-12) in two columns, items across. */
function yearMonthNumbersDown(): Layout {
  const span = months({ year: 2024, month: 6 }, 12);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Extract");
  const next = quantities(193);
  const expected: Record<string, number> = {};
  const items = ITEMS.slice(0, 3);
  const columns = items.map((item) => drawn(expected, item, "", span, next));
  sheet.addRow(["Year", "Month", ...items]);
  span.forEach((m, t) => sheet.addRow([m.year, m.month, ...columns.map((values) => values[t])]));
  return { name: "year-month-numbers-down", description: "Months down: 'Year' and 'Month' (1-12) columns, an item per column", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: weekly lines whose date column is headed "Week commencing" (a header step 1 has no word for), beside Item and Qty: the column of dates is the date. */
function weekCommencingLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Weekly");
  const next = quantities(197);
  const expected: Record<string, number> = {};
  const weekly: Record<string, number> = {};
  sheet.addRow(["Week commencing", "Item", "Qty"]);
  for (let k = 0; k < 13; k++) {
    const monday = addDays(utc(2024, 1, 1), 7 * k);
    for (const item of ITEMS.slice(0, 2)) {
      const value = next();
      sheet.addRow([monday, item, value]);
      add(expected, item, "", monthOfDate(monday), value);
      add(weekly, item, "", isoWeekOf(monday), value);
    }
  }
  return { name: "week-commencing-lines", description: "Weekly lines: 'Week commencing' dates (an unknown header), Item, Qty", book, months: expected, leftOut: {}, weeks: weekly, unseen: true };
}

/** Hostile: lines whose quantity header step 1 does not know ("Stück"): refused at the "Item" header, never read as a column per item named "Item" or "Stück". */
function unknownQuantityLines(): Layout {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Lines");
  sheet.addRow(["Date", "Item", "Stück"]);
  for (let k = 0; k < 10; k++) sheet.addRow([addDays(utc(2024, 1, 1), 7 * k), ITEMS[k % 2], 5 + k]);
  return { name: "unknown-quantity-lines", description: "Lines with an unknown quantity header ('Stück'): refused at the Item header", book, months: {}, leftOut: {}, unseen: true, refused: "Lines!B1" };
}

/** Hostile: a long table by month and item with a quantity column per warehouse ("Month | Item | Paris | Lyon | Total"). */
function monthItemLocationColumns(): Layout {
  const span = months({ year: 2024, month: 3 }, 12);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Stock moves");
  const next = quantities(199);
  const expected: Record<string, number> = {};
  sheet.addRow(["Month", "Item", ...LOCATIONS, "Total"]);
  for (const m of span) {
    for (const item of ITEMS.slice(0, 3)) {
      const values = LOCATIONS.map((location) => {
        const value = next();
        add(expected, item, location, label(m), value);
        return value;
      });
      sheet.addRow([label(m), item, ...values, values.reduce((a, b) => a + b, 0)]);
    }
  }
  return { name: "month-item-location-columns", description: "A long table: Month, Item, a quantity column per warehouse, a Total column", book, months: expected, leftOut: {}, unseen: true };
}

/** Hostile: a report listing its newest month first ('Jan 2025', 'Dec 2024', ..., 'Jan 2024'), a year-to-date column after, as many ERP reports do. */
function newestFirst(): Layout {
  const span = months({ year: 2024, month: 1 }, 13);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Report");
  const next = quantities(131);
  const expected: Record<string, number> = {};
  sheet.addRow(["Material", ...[...span].reverse().map((m) => `${MONTH_NAMES[m.month - 1]} ${m.year}`), "YTD"]);
  for (const item of ITEMS.slice(0, 3)) {
    const values = drawn(expected, item, "", span, next);
    sheet.addRow([item, ...[...values].reverse(), values[values.length - 1]]);
  }
  return { name: "newest-first", description: "Months across newest first ('Jan 2025', 'Dec 2024', ...), a YTD column after", book, months: expected, leftOut: {}, unseen: true };
}

/**
 * Every layout of the corpus, built fresh (the same cells on every call).
 * @example buildLayouts().map((layout) => layout.name)
 */
export function buildLayouts(): Layout[] {
  return [
    monthsAcross(),
    monthsDown(),
    erpExport(),
    pivotFamilies(),
    itemByLocation(),
    itemLocationKey(),
    weeklyDates(),
    weeklyIso(),
    dailyDown(),
    orderLines(),
    sheetPerYear(),
    sheetPerRegion(),
    namedRanges(),
    keysOnRight(),
    quarterGrouped(),
    transposedExport(),
    longMonthly(),
    daysDownByLocation(),
    fiscalPeriods(),
    periodsUnderYear(),
    fourFourFive(),
    germanMonths(),
    frenchMonths(),
    spanishMonthsDown(),
    yearRowOverMonths(),
    serialHeaders(),
    serialTextHeaders(),
    measureInHeaders(),
    actualsBesideBudget(),
    leadingZeroCodes(),
    formattedZeroCodes(),
    locationCrossTab(),
    europeanDecimals(),
    quantitiesWithUnits(),
    returnsNegative(),
    hiddenAndMidTotal(),
    duplicateMonths(),
    masterColumnsAndNotes(),
    fiscalYearOverMonths(),
    weeksWithoutYear(),
    locationsWithoutItem(),
    hiddenUnheadedColumn(),
    numericCodesLikeDates(),
    usTextDates(),
    yearMonthColumns(),
    measureRows(),
    twoHistoryMeasures(),
    ibpPlanningView(),
    apoPlanningBook(),
    anaplanLineItems(),
    monthsOverActualForecast(),
    keyFigureLines(),
    productBeforeSku(),
    sapTextDecimalComma(),
    sapTwelveWeeks(),
    familiesOverItemsDown(),
    thousandsTitle(),
    pivotBlankRow(),
    fiscalYearPeriodLines(),
    actualForecastBands(),
    monthsOverActFcst(),
    keyFigureColumns(),
    typeColumn(),
    locationBands(),
    mergedLocationBands(),
    customerBands(),
    sapMonthsAcross(),
    sapMonthLines(),
    erpDateLines(),
    weekEnding(),
    periodNumbersHeader(),
    yearsAcross(),
    sheetPerMonth(),
    quarterSubtotals(),
    actualsThenForecast(),
    quarterNotSubtotal(),
    weeksUnderYear(),
    ukWeeklyTextDates(),
    yearOnJanuary(),
    newestFirst(),
    germanOrderLines(),
    oneLineADay(),
    quantityAndValue(),
    monthsOverMeasures(),
    itemBlocks(),
    sapCalendarWeeks(),
    locationHeadings(),
    locationInHeaders(),
    yearWeekColumns(),
    pivotYearsMonthsDown(),
    pivotCompactDown(),
    pivotCompactWrongSubtotal(),
    yearMonthNumbersDown(),
    weekCommencingLines(),
    unknownQuantityLines(),
    monthItemLocationColumns(),
  ];
}

/**
 * A layout as .xlsx bytes, with its raw defined names put into xl/workbook.xml as Excel writes them.
 * @example fs.writeFileSync("layout.xlsx", await layoutBytes(layout));
 */
export async function layoutBytes(layout: Layout): Promise<Uint8Array> {
  const bytes = new Uint8Array((await layout.book.xlsx.writeBuffer()) as ArrayBuffer);
  if (!layout.rawNames) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const escape = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const names = Object.entries(layout.rawNames)
    .map(([name, formula]) => `<definedName name="${name}">${escape(formula)}</definedName>`)
    .join("");
  zip.file("xl/workbook.xml", workbook.replace("</definedNames>", `${names}</definedNames>`));
  return zip.generateAsync({ type: "uint8array" });
}

/**
 * Write every layout as NAME.xlsx into a folder.
 * @returns The files written.
 */
export async function writeLayouts(folder: string): Promise<string[]> {
  fs.mkdirSync(folder, { recursive: true });
  const files: string[] = [];
  for (const layout of buildLayouts()) {
    const file = path.join(folder, `${layout.name}.xlsx`);
    fs.writeFileSync(file, await layoutBytes(layout));
    files.push(file);
  }
  return files;
}

async function main(): Promise<void> {
  const files = await writeLayouts(path.resolve(process.argv[2] ?? path.join("out", "layouts")));
  process.stdout.write(`Wrote ${files.length} layouts:\n${files.join("\n")}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
