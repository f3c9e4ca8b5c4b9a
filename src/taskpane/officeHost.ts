/**
 * The only place of the task pane that touches Office.js: wait for Office, check that the host is
 * Excel, pick the theme that matches Office's, and make the workbook the pane works on.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { OfficeWorkbook } from "../workbook/officeWorkbook";
import type { Workbook } from "../workbook/workbook";

/** What the pane needs from its host, or why it cannot run there. */
export type OfficeHostResult = { ok: true; workbook: Workbook; theme: Theme } | { ok: false; message: string };

/**
 * Wait for Office.js and connect to the workbook.
 * @returns the Excel workbook and the Fluent theme matching Office's, or a message for the planner
 *   when the page is not running inside Excel
 * @example const host = await connectToExcel(); if (host.ok) render(host.workbook)
 */
export async function connectToExcel(): Promise<OfficeHostResult> {
  if (typeof Office === "undefined") {
    return { ok: false, message: "Office could not be loaded. Open this add-in from Excel (Home > S&OP planner)." };
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    return { ok: false, message: "The S&OP planner runs inside Excel. Open it from Excel's Home tab." };
  }
  return { ok: true, workbook: new OfficeWorkbook(), theme: isDark(Office.context.officeTheme?.bodyBackgroundColor) ? webDarkTheme : webLightTheme };
}

/** True when a "#rrggbb" background is dark (relative luminance below one half). */
function isDark(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
