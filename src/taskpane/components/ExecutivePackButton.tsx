/**
 * Step 5's "Executive pack": the plan as a PowerPoint deck (headline figures, charts, scenarios
 * compared, decisions needed), built from the workbook and saved as a download, the same deck as
 * `sop pack`. The deck builder (pptxgenjs) loads only when the planner asks for a pack.
 */
import * as React from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import type { Workbook } from "../../workbook/workbook";
import { plannerMessage } from "../plannerMessage";

export interface ExecutivePackButtonProps {
  workbook: Workbook;
}

type PackState = { status: "idle" } | { status: "running" } | { status: "done"; file: string } | { status: "failed"; message: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Offer bytes to the planner as a file download. */
function download(bytes: Uint8Array, file: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.presentationml.presentation" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExecutivePackButton({ workbook }: ExecutivePackButtonProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<PackState>({ status: "idle" });

  const onClick = async () => {
    setState({ status: "running" });
    try {
      const { executivePack } = await import("../../cycle/executivePack");
      const file = "SOP executive pack.pptx";
      download(await executivePack(workbook), file);
      setState({ status: "done", file });
    } catch (error) {
      setState({ status: "failed", message: plannerMessage(error, false) });
    }
  };

  return (
    <section className={styles.root} aria-label="Executive pack">
      <Body1>The plan for the board as a PowerPoint deck: headline figures, charts, scenarios compared, decisions needed.</Body1>
      <div className={styles.actions}>
        <Button disabled={state.status === "running"} onClick={() => void onClick()}>
          Executive pack
        </Button>
        {state.status === "running" && <Spinner size="tiny" label="Building the deck" />}
      </div>
      {state.status === "done" && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>Saved as &quot;{state.file}&quot; in your downloads.</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
