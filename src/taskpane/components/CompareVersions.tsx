/**
 * Step 5's comparison of two approved versions: pick them from the audit log's approvals and write
 * what changed, by item and month in units and money, to SOP Plan Diff (as `sop diff BOOK v1 v2`).
 */
import * as React from "react";
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Select, tokens } from "@fluentui/react-components";
import { readAuditLog } from "../../cycle/approval";
import { writeVersionDiff } from "../../cycle/versionDiff";
import type { OverwriteConfirmation, Workbook } from "../../workbook/workbook";
import { useAction } from "../useAction";

export interface CompareVersionsProps {
  workbook: Workbook;
  confirmOverwrite: OverwriteConfirmation;
  /** Called after the comparison is written, so a host can refresh its view of the workbook. */
  onWritten?: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "end", flexWrap: "wrap" },
});

export function CompareVersions({ workbook, confirmOverwrite, onWritten }: CompareVersionsProps): React.JSX.Element {
  const styles = useStyles();
  const [versions, setVersions] = React.useState<string[]>([]);
  const [from, setFrom] = React.useState("");
  const [to, setTo] = React.useState("");
  const { state, run } = useAction<string>();

  const load = async () => {
    workbook.forget();
    const sheets = (await readAuditLog(workbook)).filter((entry) => entry.decision === "approved").map((entry) => entry.sheet);
    setVersions(sheets);
    setFrom(sheets.at(-2) ?? "");
    setTo(sheets.at(-1) ?? "");
  };
  const onCompare = () =>
    run(async () => {
      const diff = await writeVersionDiff(workbook, from, to, confirmOverwrite);
      onWritten?.();
      return `${diff.to} less ${diff.from}: ${diff.rows.length - 1} changed rows, written to SOP Plan Diff.`;
    });

  return (
    <section className={styles.root} aria-label="Compare approved versions">
      <div className={styles.actions}>
        <Button onClick={() => void load()}>Compare approved versions</Button>
        {versions.length >= 2 && (
          <>
            <Field label="From">
              <Select value={from} onChange={(_, data) => setFrom(data.value)}>
                {versions.map((sheet) => (
                  <option key={sheet}>{sheet}</option>
                ))}
              </Select>
            </Field>
            <Field label="To">
              <Select value={to} onChange={(_, data) => setTo(data.value)}>
                {versions.map((sheet) => (
                  <option key={sheet}>{sheet}</option>
                ))}
              </Select>
            </Field>
            <Button appearance="primary" disabled={state.status === "running"} onClick={() => void onCompare()}>
              Write the comparison
            </Button>
          </>
        )}
      </div>
      {versions.length === 1 && <MessageBar intent="info"><MessageBarBody>Only one version is approved: approve another to compare.</MessageBarBody></MessageBar>}
      {(state.status === "done" || state.status === "failed") && (
        <MessageBar intent={state.status === "done" ? "success" : "error"} layout="multiline" role="status">
          <MessageBarBody>{state.status === "done" ? state.result : state.message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
