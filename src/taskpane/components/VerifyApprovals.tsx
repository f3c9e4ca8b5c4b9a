/**
 * Step 5's Verify button and receipt download: recompute every approved plan in the workbook (content
 * hashes, the audit log's hash chain, the audit sheet against the log) and list what changed by sheet
 * and cell; offer the last approval's receipt as a file to keep outside the workbook, which
 * `sop verify BOOK --receipt FILE` checks later.
 */
import * as React from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import { FailureMessage } from "./FailureMessage";
import { approvalReceipt, readAuditLog } from "../../cycle/approval";
import type { StepMessage } from "../../cycle/stepTypes";
import { verifyApprovals, type VerifyFinding, type VerifyReport } from "../../cycle/verifyApprovals";
import type { Workbook } from "../../workbook/workbook";
import { offerDownload } from "../download";
import { plannerMessage } from "../plannerMessage";
import { useAction } from "../useAction";
import { StepMessages } from "./StepMessages";

export interface VerifyApprovalsProps {
  workbook: Workbook;
}

const LEVEL: Record<VerifyFinding["kind"], StepMessage["level"]> = { changed: "error", warning: "warning", note: "info" };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function VerifyApprovals({ workbook }: VerifyApprovalsProps): React.JSX.Element {
  const styles = useStyles();
  const { state, run } = useAction<VerifyReport>();
  const [receiptMessage, setReceiptMessage] = React.useState<string>("");

  const onVerify = () =>
    run(() => {
      workbook.forget();
      return verifyApprovals(workbook);
    });
  const onReceipt = async () => {
    try {
      workbook.forget();
      const last = (await readAuditLog(workbook)).filter((entry) => entry.decision === "approved").at(-1);
      if (last === undefined) {
        setReceiptMessage("No plan has been approved in this workbook yet.");
        return;
      }
      const receipt = approvalReceipt(last);
      offerDownload(`${JSON.stringify(receipt, null, 2)}\n`, `${receipt.sheet} receipt.json`, "application/json");
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
      {state.status === "failed" && <FailureMessage title="The approved plans could not be checked" message={state.message} />}
      {state.status === "done" && (
        <>
          <MessageBar intent={state.result.changed ? "error" : "success"} layout="multiline" role="status">
            <MessageBarBody>
              {state.result.changed
                ? `Changed since approval: ${state.result.findings.filter((finding) => finding.kind === "changed").length} finding(s) below.`
                : `${state.result.versions} approved version(s) verified: unchanged.`}
            </MessageBarBody>
          </MessageBar>
          <StepMessages messages={state.result.findings.map((finding) => ({ level: LEVEL[finding.kind], text: `${finding.where}: ${finding.message}` }))} />
        </>
      )}
    </section>
  );
}
