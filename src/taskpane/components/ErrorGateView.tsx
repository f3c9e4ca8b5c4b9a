/**
 * Step 1's open errors as they block the cycle: every one with its cell, and an "Accept with reason"
 * field; accepting runs the step again with the reason, which the workbook logs.
 */
import * as React from "react";
import { Body1, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { shownProblem, type GateProblem } from "../../cycle/errorGate";

export interface ErrorGateViewProps {
  problems: readonly GateProblem[];
  /** Run the step again, accepting the errors for this reason. */
  onAccept: (reason: string) => void;
  disabled: boolean;
}

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: "240px", overflowY: "auto" },
  accept: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function ErrorGateView({ problems, onAccept, disabled }: ErrorGateViewProps): React.JSX.Element {
  const styles = useStyles();
  const [reason, setReason] = React.useState("");
  const accept = (event: React.FormEvent) => {
    event.preventDefault();
    if (reason.trim() !== "") onAccept(reason.trim());
  };
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {problems.length} {problems.length === 1 ? "error blocks" : "errors block"} steps 2 to 6
        </MessageBarTitle>
        <ul className={styles.list} aria-label="Errors of step 1">
          {problems.map((problem, index) => (
            <li key={index}>{shownProblem(problem)}</li>
          ))}
        </ul>
        <Body1>Fix them in your data and run step 1 again, or accept them with a reason (it is logged on SOP Validation).</Body1>
        <form className={styles.accept} onSubmit={accept} aria-label="Accept the errors">
          <Field label="Accept with reason">
            <Input value={reason} disabled={disabled} onChange={(_, data) => setReason(data.value)} />
          </Field>
          <Button type="submit" disabled={disabled || reason.trim() === ""}>
            Accept and run
          </Button>
        </form>
      </MessageBarBody>
    </MessageBar>
  );
}
