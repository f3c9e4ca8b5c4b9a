/**
 * The S&OP task pane: the six steps of the cycle as a list the planner moves through, and the panel of
 * the chosen step. It works on whatever Workbook it is given (Excel through Office.js, or the in-memory
 * workbook of the browser preview) and never calls Office.js itself.
 */
import * as React from "react";
import { makeStyles, tokens, Title3, Caption1 } from "@fluentui/react-components";
import type { Workbook } from "../workbook/workbook";
import { CompareVersions } from "./components/CompareVersions";
import { ConfirmOverwriteDialog, useOverwriteConfirmation } from "./components/ConfirmOverwriteDialog";
import { ConsensusPanel } from "./components/ConsensusPanel";
import { ExecutivePackButton } from "./components/ExecutivePackButton";
import { ImportOrderLines } from "./components/ImportOrderLines";
import { MappingEditor } from "./components/MappingEditor";
import { StepList } from "./components/StepList";
import { StartNextCycle } from "./components/StartNextCycle";
import { StepPanel, type StepStatus } from "./components/StepPanel";
import { VerifyApprovals } from "./components/VerifyApprovals";
import type { StepActions, StepId } from "./stepActions";
import { STEPS } from "./steps";

export interface AppProps {
  workbook: Workbook;
  actions: StepActions;
  /** Called after every run ends (done or failed), so a host can refresh its view of the workbook. */
  onRunEnded?: () => void;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: "280px",
  },
  header: { display: "flex", flexDirection: "column" },
});

export function App({ workbook, actions, onRunEnded }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [selected, setSelected] = React.useState<StepId>("gather");
  const [statuses, setStatuses] = React.useState<Partial<Record<StepId, StepStatus>>>({});
  const overwrite = useOverwriteConfirmation();

  const onStatus = React.useCallback(
    (id: StepId, status: StepStatus) => {
      setStatuses((current) => ({ ...current, [id]: status }));
      if (status === "done" || status === "failed" || status === "blocked") onRunEnded?.();
    },
    [onRunEnded],
  );

  return (
    <main className={styles.root} aria-label="S&OP planner">
      <header className={styles.header}>
        <Title3 as="h1">S&amp;OP planner</Title3>
        <Caption1>The monthly planning cycle in six steps.</Caption1>
      </header>
      <StepList steps={STEPS} selected={selected} statuses={statuses} onSelect={setSelected} />
      {STEPS.map((step) => (
        <StepPanel
          key={step.id}
          step={step}
          hidden={step.id !== selected}
          workbook={workbook}
          action={actions[step.id]}
          confirmOverwrite={overwrite.confirm}
          onStatus={onStatus}
        />
      ))}
      {selected === "gather" && <MappingEditor workbook={workbook} onAccepted={onRunEnded} />}
      {selected === "gather" && <ImportOrderLines workbook={workbook} onImported={onRunEnded} />}
      {selected === "present" && <VerifyApprovals workbook={workbook} />}
      {selected === "present" && <CompareVersions workbook={workbook} confirmOverwrite={overwrite.confirm} onWritten={onRunEnded} />}
      {selected === "present" && <ExecutivePackButton workbook={workbook} />}
      {selected === "execute" && <StartNextCycle workbook={workbook} actions={actions} confirmOverwrite={overwrite.confirm} onEnded={onRunEnded} />}
      {(selected === "demand" || selected === "reconcile") && <ConsensusPanel key={selected} workbook={workbook} />}
      <ConfirmOverwriteDialog pending={overwrite.pending} />
    </main>
  );
}
