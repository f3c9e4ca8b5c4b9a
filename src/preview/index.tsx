/**
 * Entry of the browser preview (preview.html): load the SOP functions and the sample workbook, then
 * show the grid beside the task pane. No Office, no certificates: `npm run preview` serves it over http.
 */
import "./customFunctionsShim";
import "../functions/functions";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { plannerMessage } from "../taskpane/plannerMessage";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import { loadFunctionCatalog } from "./functionCatalog";
import type { SopFunction } from "./formula";
import { PreviewApp, type PreviewAppProps } from "./PreviewApp";

const SAMPLE = "assets/sample-sop.xlsx";

async function loadSample(): Promise<PreviewAppProps["initial"]> {
  try {
    const response = await fetch(SAMPLE);
    if (!response.ok) throw new Error(`the server answered HTTP ${response.status}`);
    return { book: await MemoryWorkbook.fromXlsx(await response.arrayBuffer()), name: "sample-sop.xlsx" };
  } catch (error) {
    const blank = MemoryWorkbook.empty();
    await blank.createSheet("Sheet1");
    return {
      book: blank,
      name: "new-plan.xlsx",
      problem: `The sample workbook (${SAMPLE}) could not be loaded: ${plannerMessage(error, false)} Open an .xlsx file, or type into this blank sheet.`,
    };
  }
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const problems: string[] = [];
  const [initial, functions] = await Promise.all([
    loadSample(),
    loadFunctionCatalog("functions.json").catch((error: unknown) => {
      problems.push(`The SOP functions are not available in the grid: ${plannerMessage(error, false)}`);
      return new Map<string, SopFunction>();
    }),
  ]);
  if (problems.length > 0) initial.problem = [initial.problem, ...problems].filter(Boolean).join(" ");
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PreviewApp initial={initial} functions={functions} />
    </FluentProvider>,
  );
}

void start();
