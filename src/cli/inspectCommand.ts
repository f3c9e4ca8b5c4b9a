/**
 * `sop inspect book.xlsx [--json]`: what a workbook holds (sheets, tables, named ranges), what step 1's
 * data mapping recognises in it (the mapping saved in the workbook, or a fresh proposal) and what
 * validation finds. Nothing is written.
 */
import { PlanningError } from "../core/errors";
import { itemMasterNotes, loadMapping, proposeMapping, resourceNotes, type BlockSource, type DataMapping } from "../cycle/mapping";
import { historySources, isBanded, isLines, isSheetPerPeriod } from "../cycle/historyLayout";
import { counted } from "../cycle/counted";
import { reconciliationText } from "../cycle/reconciliation";
import { hasLocations, readPlanningData, type PlanningReading } from "../cycle/planningData";
import { validateData, type ValidationReport } from "../cycle/validate";
import { parseRange, rangeAddress } from "../workbook/address";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { readCommandLine } from "./commandLine";
import { readWorkbookFile } from "./files";

const USAGE = "sop inspect book.xlsx [--json] [--all]";
/** Issues listed in the text report unless --all is given. */
const LISTED_ISSUES = 20;

/**
 * Run `sop inspect`.
 * @param args the file, then options: --json (machine-readable report), --all (every validation issue).
 * @returns 0 after a report (validation problems are part of the report).
 * @throws PlanningError for a usage mistake, or a file that cannot be read or is not an .xlsx workbook.
 * @example await runInspectCommand(["assets/sample-sop.xlsx"]) // prints the report, returns 0
 */
export async function runInspectCommand(args: string[]): Promise<number> {
  const { positionals, switches } = readCommandLine(args, { json: "switch", all: "switch" }, USAGE);
  if (positionals.length !== 1) throw new PlanningError(`Give one workbook: ${USAGE}`);
  const files = positionals;
  const book = await MemoryWorkbook.fromXlsx(readWorkbookFile(files[0]));
  const saved = await loadMapping(book);
  const mapping = saved ?? (await proposeMapping(book));
  const data = mapping.history ? await readPlanningData(book, mapping) : undefined;
  const validation = await validateData(book, mapping, data?.problems, undefined, data);
  const report = {
    file: files[0],
    sheets: await book.listSheets(),
    tables: await book.listTables(),
    names: await book.listNames(),
    mappingSaved: saved !== undefined,
    mapping,
    validation,
  };
  if (switches.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Workbook: ${report.file}`,
    `Sheets (${report.sheets.length}): ${report.sheets.map((sheet) => sheet.name + (sheet.ownedByAddin ? " [add-in]" : "")).join(", ")}`,
    `Tables (${report.tables.length}):`,
    ...report.tables.map((table) => `  ${table.name}  ${rangeAddress(parseRange(table.address), table.sheet)}  ${table.rowCount} rows`),
    `Named ranges (${report.names.length}):`,
    ...report.names.map((name) => `  ${name.name}  ${name.address ?? `left aside: it ${name.note ?? "is not a range of cells"}`}`),
    `Data mapping (${saved ? "saved in the workbook" : "proposed; not saved yet"}):`,
    ...describeMapping(mapping, data),
    ...(mapping.notes ?? []).map((note) => `  note:      ${note}`),
    ...describeValidation(validation, switches.all),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}


function describeMapping(mapping: DataMapping, data: PlanningReading | undefined): string[] {
  const lines: string[] = [];
  const { history, items, resources, capacity } = mapping;
  if (history && data) {
    const layout = isLines(history) ? (history.keyHeadings ? "lines under a heading per item" : "order lines") : isSheetPerPeriod(history) ? `a sheet per ${history.periodKind ?? "month"}` : history.orientation === "periodsAcross" ? "periods across columns" : "periods down rows";
    const direction = `${layout}${isBanded(history) ? ", a band of periods per location" : ""}`;
    lines.push(
      `  history:   ${hasLocations(data.series) ? `${data.series.length} item x location series` : counted(data.series.length, "item")} x ${counted(data.periods.length, "period")} (${span(data.periods)}), ${direction}, from ${historySources(history).map(source).join(", ")}`,
      `             ${reconciliationText(data.reconciliation)}`,
    );
  } else {
    lines.push("  history:   not found (no block of items by month was recognised)");
  }
  if (items && data) {
    const fields = Object.keys(items.columns).join(", ");
    const families = new Set(data.items.map((item) => item.family).filter((family) => family !== "")).size;
    const hours = [...new Set(data.items.flatMap((item) => Object.keys(item.hoursPerUnit)))];
    lines.push(
      `  items:     ${counted(data.items.length, "item")} in ${counted(families, "family", "families")}; fields ${fields}${hours.length > 0 ? `; hours per unit: ${hours.join(", ")}` : ""}; from ${source(items.source)}`,
      ...itemMasterNotes(items, mapping.bucket).map((note) => `             ${note}`),
    );
  } else {
    lines.push("  items:     no item master recognised");
  }
  lines.push(
    resources && data
      ? [`  resources: ${data.resources.length} (${data.resources.map((resource) => resource.id).join(", ")}) from ${source(resources.source)}`, ...resourceNotes(resources, mapping.bucket).map((note) => `             ${note}`)].join("\n")
      : "  resources: none recognised",
  );
  lines.push(
    capacity && data?.capacity
      ? `  capacity:  ${data.capacity.hours.length} resources x ${capacity.periods.length} periods (${span(capacity.periods)}) from ${source(capacity.source)}`
      : "  capacity:  none recognised",
  );
  return lines;
}

function describeValidation(report: ValidationReport, all: boolean): string[] {
  const shown = all ? report.issues : report.issues.slice(0, LISTED_ISSUES);
  const lines = [`Validation: ${report.errors} errors, ${report.warnings} warnings, ${report.infos} notes`];
  lines.push(...shown.map((issue) => `  ${issue.severity.padEnd(7)} ${(issue.address ?? "-").padEnd(24)} ${issue.message}`));
  if (shown.length < report.issues.length) lines.push(`  ... ${report.issues.length - shown.length} more (use --all)`);
  return lines;
}

function source(block: BlockSource): string {
  if (block.kind === "sheet") return `sheet "${block.sheet}"`;
  if (block.kind === "range") return `range ${block.reference}`;
  return `${block.kind === "name" ? "named range" : "table"} "${block.reference}" on sheet "${block.sheet}"`;
}

function span(periods: readonly string[]): string {
  return periods.length === 0 ? "none" : `${periods[0]} .. ${periods[periods.length - 1]}`;
}
