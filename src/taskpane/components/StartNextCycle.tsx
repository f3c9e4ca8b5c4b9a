/**
 * Step 6's "Start next cycle": once the month's actuals are typed into the history, roll the workbook
 * to the next cycle (startNextCycleRun: steps 1 to 4 and step 5's preview) and say where the plan now
 * waits for approval. The earlier approved plans stay in the workbook and still verify.
 */
import * as React from "react";
import { Body1, Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import { FailureMessage } from "./FailureMessage";
import type { StepProgress } from "../../cycle/stepTypes";
import type { OverwriteConfirmation, Workbook } from "../../workbook/workbook";
import { startNextCycleRun, type NextCycleRun } from "../nextCycleRun";
import { plannerMessage } from "../plannerMessage";
import type { StepActions } from "../stepActions";
import { RunProgress } from "./RunProgress";

export interface StartNextCycleProps {
  workbook: Workbook;
  actions: StepActions;
  confirmOverwrite: OverwriteConfirmation;
  /** Called when the run ends (done or failed), so the host can refresh its view of the workbook. */
  onEnded?: () => void;
}

type RunState = { status: "idle" } | { status: "running"; progress: StepProgress } | { status: "done"; run: NextCycleRun } | { status: "failed"; message: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function StartNextCycle({ workbook, actions, confirmOverwrite, onEnded }: StartNextCycleProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<RunState>({ status: "idle" });
  const controller = React.useRef<AbortController | null>(null);
  React.useEffect(() => () => controller.current?.abort(), []);

  const onStart = async () => {
    const own = new AbortController();
    controller.current = own;
    setState({ status: "running", progress: { fraction: undefined, message: "Checking the actuals in your history" } });
    try {
      const run = await startNextCycleRun(
        { workbook, signal: own.signal, confirmOverwrite, onProgress: (progress) => !own.signal.aborted && setState({ status: "running", progress }) },
        actions,
      );
      if (controller.current === own) setState({ status: "done", run });
    } catch (error) {
      if (controller.current === own) setState({ status: "failed", message: plannerMessage(error, own.signal.aborted) });
    }
    onEnded?.();
  };

  return (
    <section className={styles.root} aria-label="Start next cycle">
      <Body1>Typed last month&apos;s actuals into your history? Start the next cycle: steps 1 to 4 run again and the new plan waits in step 5 for approval.</Body1>
      {state.status === "running" ? (
        <RunProgress progress={state.progress} onCancel={() => controller.current?.abort()} />
      ) : (
        <div>
          <Button appearance="primary" onClick={() => void onStart()}>
            Start next cycle
          </Button>
        </div>
      )}
      {state.status === "failed" && <FailureMessage title="The next cycle did not start" message={state.message} />}
      {state.status === "done" && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>Cycle {state.run.start.cycle} started</MessageBarTitle>
            After the approved plan of {state.run.start.approved}
            {state.run.start.retiredOverrides > 0 ? `; ${state.run.start.retiredOverrides} override row(s) of months now past were taken off SOP Overrides (kept in that cycle's snapshot)` : ""}. Review the
            plan and approve it in step 5.
            <ul className={styles.steps}>
              {state.run.steps.map((step) => (
                <li key={step.id}>
                  {step.title}: {step.report.summary}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
