/**
 * The only place of the task pane that touches Office.js: wait for Office, check that the host is
 * Excel, pick the theme that matches Office's, make the workbook the pane works on, and read the
 * signed-in user's name for approvals.
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

/** The name claims of an identity token, as far as they are read here. */
interface NameClaims {
  name?: unknown;
  preferred_username?: unknown;
}

/**
 * The approver's name from Office single sign-on, where the host offers it: Office.auth.getAccessToken
 * returns a token for the signed-in account when the manifest registers the add-in's web application
 * (WebApplicationInfo), and the name is read from its claims. Anywhere else (the preview, a host without
 * sign-on, a manifest without the registration) there is no name, and the typed one is recorded as
 * self-declared. No server checks the token here: "signed-in" records what the Office host said.
 * Never prompts the user.
 * https://learn.microsoft.com/en-us/office/dev/add-ins/develop/sso-in-office-add-ins
 * @example const name = await signedInName(); // "Dana Planner" in Excel with sign-on, else undefined
 */
export async function signedInName(): Promise<string | undefined> {
  if (typeof Office === "undefined" || typeof Office.auth?.getAccessToken !== "function") return undefined;
  try {
    const token = await Office.auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false });
    const payload = token.split(".")[1] ?? "";
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/"))) as NameClaims;
    const name = typeof claims.name === "string" && claims.name.trim() !== "" ? claims.name : claims.preferred_username;
    return typeof name === "string" && name.trim() !== "" ? name.trim() : undefined;
  } catch {
    return undefined;
  }
}
