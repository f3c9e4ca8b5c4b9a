/**
 * Step 5's "Executive pack": the plan as a PowerPoint deck (headline figures, charts, scenarios
 * compared, decisions needed), built from the workbook and saved as a download, the same deck as
 * `sop pack`. The deck builder (pptxgenjs) loads only when the planner asks for a pack.
 */
import * as React from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { FailureMessage } from "./FailureMessage";
import type { Workbook } from "../../workbook/workbook";
import { offerDownload } from "../download";
import { useAction } from "../useAction";

export interface ExecutivePackButtonProps {
  workbook: Workbook;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function ExecutivePackButton({ workbook }: ExecutivePackButtonProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run } = useAction<string>();

  const onClick = () =>
    run(async () => {
      const { executivePack } = await import("../../cycle/executivePack");
      const file = "SOP executive pack.pptx";
      offerDownload(await executivePack(workbook), file, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
      return file;
    });

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
          <MessageBarBody>Saved as &quot;{state.result}&quot; in your downloads.</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "failed" && <FailureMessage message={state.message} />}
    </section>
  );
}
