/**
 * Progress of a long step: a bar (indeterminate when the fraction is unknown), what is being done,
 * and Cancel. Announced politely to screen readers as it changes.
 */
import * as React from "react";
import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import type { StepProgress } from "../../cycle/stepTypes";

export interface RunProgressProps {
  progress: StepProgress;
  onCancel: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  bar: { flexGrow: 1 },
});

export function RunProgress({ progress, onCancel }: RunProgressProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field className={styles.bar} validationMessage={progress.message} validationState="none" aria-live="polite">
        <ProgressBar value={progress.fraction} max={1} thickness="large" aria-label="Step progress" />
      </Field>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}
