/**
 * Native Excel charts written into a saved .xlsx package: ExcelJS cannot write charts, so after it has
 * saved the workbook this module adds, per chart, a DrawingML chart part (xl/charts/chartN.xml) with
 * its data references and a cache of their values, one drawing per sheet (xl/drawings/drawingN.xml)
 * anchoring the charts to cells, the relationships linking sheet -> drawing -> chart, and their content
 * types. Excel and LibreOffice open and print them as charts of the sheet's cells.
 * Reference: ECMA-376 Part 1, 5th ed., §21.2 (DrawingML charts) and §20.5 (spreadsheet drawing).
 */
import JSZip from "jszip";
import { columnLetters, parseCell, parseRange, quoteSheetName, type CellRange } from "./address";
import { columnPixels } from "./fittedLayout";
import type { ChartSpec, Matrix } from "./workbook";

/** Columns and rows a chart covers from its anchor when its spec gives no bottom-right cell. */
const DEFAULT_SPAN = { columns: 8, rows: 16 };

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  drawing: "http://schemas.openxmlformats.org/drawingml/2006/main",
  sheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL_TYPE = { drawing: `${NS.rel}/drawing`, chart: `${NS.rel}/chart` };
const CONTENT_TYPE = {
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
};

/** What the charts need of the sheets: values (cached in the chart part beside its references) and column widths (for its size). */
export interface ChartSheets {
  values(sheet: string, range: CellRange): Matrix;
  /** A column's width in characters, undefined for the default width. */
  columnWidth(sheet: string, column: number): number | undefined;
}

/** Excel's default column width in characters, and row height in pixels. */
const DEFAULT_COLUMN_WIDTH = 8.43;
const ROW_PIXELS = 20;
/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PIXEL = 9525;

/**
 * Add native charts to a saved .xlsx: every chart of a sheet in one drawing of that sheet.
 * @param xlsx the package as saved (without charts)
 * @param charts the charts, each on a sheet of the package, its data block with the categories in the
 *   first column and a series per further column, headers in the first row
 * @param sheets the values of a data block (for the chart's value cache) and column widths (for its size)
 * @returns the package with the charts
 * @throws Error when a chart's sheet is not in the package
 * @example const withCharts = await addChartParts(bytes, book.charts(), { values, columnWidth });
 */
export async function addChartParts(xlsx: Uint8Array, charts: readonly ChartSpec[], sheets: ChartSheets): Promise<Uint8Array> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPaths = await sheetPartPaths(zip);
  const types: string[] = [];
  let chartNumber = 0;
  let drawingNumber = 0;
  for (const sheet of [...new Set(charts.map((chart) => chart.sheet))]) {
    const sheetPath = sheetPaths.get(sheet.toLowerCase());
    if (sheetPath === undefined) throw new Error(`The sheet "${sheet}" of a chart is not in the saved workbook.`);
    drawingNumber++;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    charts
      .filter((chart) => chart.sheet === sheet)
      .forEach((chart, k) => {
        chartNumber++;
        const data = parseRange(chart.dataAddress);
        zip.file(`xl/charts/chart${chartNumber}.xml`, chartXml(chart, data, sheets.values(sheet, data)));
        types.push(`<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${CONTENT_TYPE.chart}"/>`);
        drawingRels.push(`<Relationship Id="rId${k + 1}" Type="${REL_TYPE.chart}" Target="../charts/chart${chartNumber}.xml"/>`);
        anchors.push(anchorXml(chart, k + 1, chartNumber, (column) => columnPixels(sheets.columnWidth(sheet, column) ?? DEFAULT_COLUMN_WIDTH)));
      });
    zip.file(`xl/drawings/drawing${drawingNumber}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.drawing}">${anchors.join("")}</xdr:wsDr>`);
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationships(drawingRels));
    types.push(`<Override PartName="/xl/drawings/drawing${drawingNumber}.xml" ContentType="${CONTENT_TYPE.drawing}"/>`);
    await linkDrawing(zip, sheetPath, `../drawings/drawing${drawingNumber}.xml`);
  }
  const contentTypes = await zip.file("[Content_Types].xml")?.async("string");
  if (contentTypes === undefined) throw new Error("The saved workbook has no [Content_Types].xml.");
  zip.file("[Content_Types].xml", contentTypes.replace("</Types>", `${types.join("")}</Types>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Package paths of the worksheets, by lower-case sheet name (from xl/workbook.xml and its relationships). */
async function sheetPartPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => [attribute(tag, "Id"), attribute(tag, "Target")]));
  const paths = new Map<string, string>();
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attribute(tag, "r:id")) ?? "";
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    paths.set(unescapeXml(attribute(tag, "name")).toLowerCase(), path);
  }
  return paths;
}

/** Point a worksheet at its drawing: a relationship in its .rels part and a <drawing> element in its place in the sheet. */
async function linkDrawing(zip: JSZip, sheetPath: string, drawingTarget: string): Promise<void> {
  const slash = sheetPath.lastIndexOf("/");
  const relsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
  const rels = (await zip.file(relsPath)?.async("string")) ?? relationships([]);
  const used = new Set([...rels.matchAll(/Id="([^"]+)"/g)].map((match) => match[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  zip.file(relsPath, rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${REL_TYPE.drawing}" Target="${drawingTarget}"/></Relationships>`));
  const sheet = (await zip.file(sheetPath)?.async("string")) ?? "";
  // CT_Worksheet's sequence: <drawing> comes before these elements, and after everything else it may follow.
  const after = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(sheet);
  if (after === null) throw new Error(`The sheet part ${sheetPath} is not a worksheet.`);
  const withNamespace = sheet.includes(`xmlns:r="${NS.rel}"`) ? sheet : sheet.replace("<worksheet ", `<worksheet xmlns:r="${NS.rel}" `);
  const at = after.index + (withNamespace.length - sheet.length);
  zip.file(sheetPath, `${withNamespace.slice(0, at)}<drawing r:id="${id}"/>${withNamespace.slice(at)}`);
}

/**
 * The drawing anchor of one chart: from its anchor cell to the end of its bottom-right cell, with the
 * size those cells take (LibreOffice sizes a chart by it).
 */
function anchorXml(chart: ChartSpec, relationship: number, id: number, columnPixelsAt: (column: number) => number): string {
  const from = parseCell(chart.anchor);
  const last = chart.bottomRight === undefined ? { row: from.row + DEFAULT_SPAN.rows - 1, col: from.col + DEFAULT_SPAN.columns - 1 } : parseCell(chart.bottomRight);
  const to = { row: last.row + 1, col: last.col + 1 };
  let width = 0;
  for (let c = from.col; c < to.col; c++) width += columnPixelsAt(c);
  const height = (to.row - from.row) * ROW_PIXELS;
  const marker = (tag: string, cell: { row: number; col: number }): string =>
    `<xdr:${tag}><xdr:col>${cell.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${cell.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker("from", from)}${marker("to", to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${width * EMU_PER_PIXEL}" cy="${height * EMU_PER_PIXEL}"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.chart}"><c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.rel}" r:id="rId${relationship}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The chart part: title, one series per data column after the first, categories from the first column, legend at the bottom. */
function chartXml(chart: ChartSpec, data: CellRange, values: Matrix): string {
  const sheet = quoteSheetName(chart.sheet);
  const column = (c: number, top: number): string => `${sheet}!$${columnLetters(c)}$${top + 1}:$${columnLetters(c)}$${data.bottom + 1}`;
  const body = values.slice(1);
  const categories = body.map((row) => (row[0] === null ? "" : String(row[0])));
  const strCache = (points: readonly string[]): string =>
    `<c:strCache><c:ptCount val="${points.length}"/>${points.map((p, i) => `<c:pt idx="${i}"><c:v>${escapeXml(p)}</c:v></c:pt>`).join("")}</c:strCache>`;
  const series = Array.from({ length: data.right - data.left }, (_, k) => {
    const c = data.left + k + 1;
    const name = String(values[0]?.[k + 1] ?? `Series ${k + 1}`);
    const points = body.map((row) => row[k + 1]);
    const numbers = points.map((v, i) => (typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : "")).join("");
    const marker = chart.kind === "line" ? `<c:marker><c:symbol val="none"/></c:marker>` : "";
    return (
      `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>` +
      `<c:tx><c:strRef><c:f>${escapeXml(`${sheet}!$${columnLetters(c)}$${data.top + 1}`)}</c:f>${strCache([name])}</c:strRef></c:tx>${marker}` +
      `<c:cat><c:strRef><c:f>${escapeXml(column(data.left, data.top + 1))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeXml(column(c, data.top + 1))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${points.length}"/>${numbers}</c:numCache></c:numRef></c:val>` +
      (chart.kind === "line" ? `<c:smooth val="0"/>` : "") +
      `</c:ser>`
    );
  }).join("");
  const axes = `<c:axId val="1001"/><c:axId val="1002"/>`;
  const plot =
    chart.kind === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`
      : chart.kind === "area"
        ? `<c:areaChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}${axes}</c:areaChart>`
        : `<c:barChart><c:barDir val="${chart.kind === "bar" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axes}</c:barChart>`;
  const [categoryPosition, valuePosition] = chart.kind === "bar" ? ["l", "b"] : ["b", "l"];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.drawing}" xmlns:r="${NS.rel}"><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${categoryPosition}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="low"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valuePosition}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function relationships(entries: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${entries.join("")}</Relationships>`;
}

function attribute(tag: string, name: string): string {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
