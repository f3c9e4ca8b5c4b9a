/**
 * Entry of the task pane in Excel (taskpane.html, which is also the shared runtime of the SOP custom
 * functions): connect to Excel, then show the six-step pane on the Excel workbook.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { stepActions } from "./actions";
import { connectToExcel } from "./officeHost";

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  const host = await connectToExcel();
  root.render(
    <FluentProvider theme={host.ok ? host.theme : webLightTheme}>
      {host.ok ? (
        <App workbook={host.workbook} actions={stepActions} />
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{host.message}</MessageBarBody>
        </MessageBar>
      )}
    </FluentProvider>,
  );
}

void start();
