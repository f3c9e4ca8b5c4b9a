/**
 * Step 5's Verify button and receipt download: recompute every approved plan in the workbook (content
 * hashes, the audit log's hash chain, the audit sheet against the log) and list what changed by sheet
 * and cell; offer the last approval's receipt as a file to keep outside the workbook, which
 * `sop verify BOOK --receipt FILE` checks later.
 */
import * as React from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from "@fluentui/react-components";
import { approvalReceipt, readAuditLog } from "../../cycle/approval";
import type { StepMessage } from "../../cycle/stepTypes";
import { verifyApprovals, type VerifyFinding, type VerifyReport } from "../../cycle/verifyApprovals";
import type { Workbook } from "../../workbook/workbook";
import { plannerMessage } from "../plannerMessage";
import { StepMessages } from "./StepMessages";

export interface VerifyApprovalsProps {
  workbook: Workbook;
}

type VerifyState = { status: "idle" } | { status: "running" } | { status: "done"; report: VerifyReport } | { status: "failed"; message: string };

const LEVEL: Record<VerifyFinding["kind"], StepMessage["level"]> = { changed: "error", warning: "warning", note: "info" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

/** Offer a text as a file download from the pane. */
function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function VerifyApprovals({ workbook }: VerifyApprovalsProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<VerifyState>({ status: "idle" });
  const [receiptMessage, setReceiptMessage] = React.useState<string>("");

  const onVerify = async () => {
    setState({ status: "running" });
    try {
      workbook.forget();
      setState({ status: "done", report: await verifyApprovals(workbook) });
    } catch (error) {
      setState({ status: "failed", message: plannerMessage(error, false) });
    }
  };
  const onReceipt = async () => {
    try {
      workbook.forget();
      const last = (await readAuditLog(workbook)).filter((entry) => entry.decision === "approved").at(-1);
      if (last === undefined) {
        setReceiptMessage("No plan has been approved in this workbook yet.");
        return;
      }
      const receipt = approvalReceipt(last);
      download(`${receipt.sheet} receipt.json`, `${JSON.stringify(receipt, null, 2)}\n`);
      setReceiptMessage(`Receipt of "${receipt.sheet}" downloaded: keep it outside the workbook (e-mail or file it).`);
    } catch (error) {
      setReceiptMessage(plannerMessage(error, false));
    }
  };
  const running = state.status === "running";

  return (
    <section className={styles.root} aria-label="Verify approved plans">
      <Body1>Check that every approved plan still holds what was approved, and keep a receipt of an approval outside the workbook.</Body1>
      <div className={styles.actions}>
        <Button disabled={running} onClick={() => void onVerify()}>
          Verify approved plans
        </Button>
        <Button disabled={running} onClick={() => void onReceipt()}>
          Download approval receipt
        </Button>
      </div>
      {running && <Spinner size="tiny" label="Recomputing the approved plans ..." />}
      {receiptMessage !== "" && <Body1 role="status">{receiptMessage}</Body1>}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>The approved plans could not be checked</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && (
        <>
          <MessageBar intent={state.report.changed ? "error" : "success"} layout="multiline" role="status">
            <MessageBarBody>
              {state.report.changed
                ? `Changed since approval: ${state.report.findings.filter((finding) => finding.kind === "changed").length} finding(s) below.`
                : `${state.report.versions} approved version(s) verified: unchanged.`}
            </MessageBarBody>
          </MessageBar>
          <StepMessages messages={state.report.findings.map((finding) => ({ level: LEVEL[finding.kind], text: `${finding.where}: ${finding.message}` }))} />
        </>
      )}
    </section>
  );
}
