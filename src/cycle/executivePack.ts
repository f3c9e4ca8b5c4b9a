/**
 * The executive pack: step 5 as a PowerPoint deck a board reads (pptxgenjs), built from what SOP
 * Summary holds: the headline figures, the four charts (demand and supply, inventory, capacity use,
 * scenarios), the scenarios compared, and the decisions the plan asks of the board.
 */
import PptxGenJS from "pptxgenjs";
import { formatNumber } from "../workbook/numberFormat";
import type { CellInput, Workbook } from "../workbook/workbook";
import { numberIn, WHOLE_FORMAT } from "./ownedSheets";
import { planForApproval, type ChartTable, type KeyFigure, type SummaryCharts } from "./presentStep";

/** Slide fonts and colours (Office's default theme colours, so the deck sits beside the workbook). */
const STYLE = { font: "Calibri", title: "1F3864", text: "262626", series: ["4472C4", "ED7D31", "A5A5A5"] };
/** Slide size (16:9, inches). */
const WIDE = { width: 13.333, height: 7.5 };

/** One decision the board is asked to take, with the figure behind it. */
export interface Decision {
  decision: string;
  why: string;
}

/**
 * What the plan asks of the board: approving the plan (or another scenario compared), the hours
 * beyond regular capacity the plan uses (overtime to authorise), and demand the plan does not serve.
 * @param cycle the plan's first month
 * @param kpis the summary's key figures
 * @param charts the summary's chart tables (capacity: Period, Regular hours, Hours used; scenarios: Scenario, ...)
 * @example decisionsNeeded("2026-01", kpis, charts)[0].decision // "Approve the plan for 2026-01"
 */
export function decisionsNeeded(cycle: string, kpis: readonly KeyFigure[], charts: SummaryCharts): Decision[] {
  const shown = (label: string): string => {
    const figure = kpis.find((k) => k.label === label);
    return figure ? formatNumber(figure.value, figure.format) : "";
  };
  const others = charts.scenarios.slice(1).map((row) => String(row[0])).filter((name) => name !== "Base");
  const decisions: Decision[] = [
    {
      decision: `Approve the plan for ${cycle}`,
      why: `fill rate ${shown("Fill rate %")}, margin after plan cost ${shown("Margin after plan cost")}${others.length > 0 ? `; scenarios compared: ${others.join(", ")}` : ""}`,
    },
  ];
  const over = charts.capacity.slice(1).filter((row) => numberIn(row[2] as number) > numberIn(row[1] as number) + 0.005);
  if (over.length > 0) {
    const hours = over.reduce((s, row) => s + numberIn(row[2] as number) - numberIn(row[1] as number), 0);
    decisions.push({
      decision: "Authorise overtime or subcontracting",
      why: `${formatNumber(hours, WHOLE_FORMAT)} hours beyond regular capacity in ${over.length} month(s): ${over.map((row) => String(row[0])).join(", ")}`,
    });
  }
  const lost = kpis.find((k) => k.label === "Lost sales (units)")?.value ?? 0;
  if (lost > 0) decisions.push({ decision: "Accept the demand the plan does not serve, or add capacity", why: `lost sales of ${shown("Lost sales (units)")} units` });
  return decisions;
}

/**
 * Build the executive pack of the plan in the workbook (step 5's figures, as SOP Summary shows them).
 * @param workbook a workbook that has run step 3 (and step 4 for the scenarios)
 * @returns the .pptx file's bytes
 * @throws PlanningError when step 3 has not run
 * @example fs.writeFileSync("pack.pptx", await executivePack(book));
 */
export async function executivePack(workbook: Workbook): Promise<Uint8Array> {
  const { plan, kpis, charts } = await planForApproval(workbook);
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = `S&OP executive pack ${plan.cycle}`;
  const titled = (title: string): PptxGenJS.Slide => {
    const slide = pptx.addSlide();
    slide.addText(title, { x: 0.5, y: 0.3, w: WIDE.width - 1, h: 0.8, fontFace: STYLE.font, fontSize: 28, bold: true, color: STYLE.title });
    return slide;
  };

  const headline = titled(`S&OP plan ${plan.cycle}: headline figures`);
  headline.addTable(
    kpis.map((k, r) => [
      { text: k.label, options: { bold: r === 3 || r === 6 } },
      { text: formatNumber(k.value, k.format), options: { align: "right" as const, bold: r === 3 || r === 6 } },
    ]),
    { x: 0.5, y: 1.3, w: 7, colW: [4.2, 2.8], fontFace: STYLE.font, fontSize: 16, color: STYLE.text, border: { type: "solid", pt: 0.5, color: "BFBFBF" } },
  );

  const chartSlide = titled("Demand, supply, inventory and capacity");
  const half = (WIDE.width - 1.5) / 2;
  const place = [
    { x: 0.5, y: 1.2 },
    { x: 1 + half, y: 1.2 },
    { x: 0.5, y: 4.3 },
  ];
  const drawn: [ChartTable, "bar" | "line", string][] = [
    [charts.flows, "bar", "Demand and supply per month"],
    [charts.stock, "line", "Inventory at month end"],
    [charts.capacity, "bar", "Capacity use per month (hours)"],
  ];
  drawn.forEach(([table, kind, title], k) => chartSlide.addChart(kind, chartData(table), { ...place[k], w: half, h: 2.9, ...chartLook(title) }));

  if (charts.scenarios.length > 1) {
    const scenarios = titled("Scenarios compared");
    scenarios.addChart("bar", chartData(charts.scenarios), { x: 0.5, y: 1.2, w: 7, h: 5.6, ...chartLook("Revenue, total cost and margin") });
    scenarios.addTable(textRows(charts.scenarios), { x: 7.8, y: 1.4, w: 5, fontFace: STYLE.font, fontSize: 12, color: STYLE.text, border: { type: "solid", pt: 0.5, color: "BFBFBF" } });
  }

  const decisions = titled("Decisions needed");
  decisions.addText(
    decisionsNeeded(plan.cycle, kpis, charts).map((d) => ({ text: `${d.decision}: ${d.why}`, options: { bullet: true, breakLine: true } })),
    { x: 0.5, y: 1.3, w: WIDE.width - 1, h: 5.5, fontFace: STYLE.font, fontSize: 20, color: STYLE.text, valign: "top", paraSpaceAfter: 12 },
  );
  return (await pptx.write({ outputType: "uint8array" })) as Uint8Array;
}

/** A chart table as pptxgenjs chart data: one series per column after the first, the first column as labels. */
function chartData(table: ChartTable): { name: string; labels: string[]; values: number[] }[] {
  const labels = table.slice(1).map((row) => String(row[0] ?? ""));
  return table[0].slice(1).map((name, k) => ({ name: String(name), labels, values: table.slice(1).map((row) => numberIn(row[k + 1] as number)) }));
}

function chartLook(title: string): PptxGenJS.IChartOpts {
  return {
    showTitle: true,
    title,
    titleFontFace: STYLE.font,
    titleFontSize: 14,
    showLegend: true,
    legendPos: "b",
    chartColors: STYLE.series,
    valAxisLabelFormatCode: "#,##0",
    catAxisLabelFontSize: 9,
    valAxisLabelFontSize: 9,
    barGrouping: "clustered",
  };
}

/** A table's cells as slide text, numbers shown in whole units with thousands separators. */
function textRows(table: ChartTable): { text: string; options?: { bold?: boolean; align?: "right" } }[][] {
  return table.map((row, r) =>
    row.map((cell: CellInput, c) => ({
      text: typeof cell === "number" ? formatNumber(cell, WHOLE_FORMAT) : String(cell ?? ""),
      options: { bold: r === 0, ...(c > 0 ? { align: "right" as const } : {}) },
    })),
  );
}
