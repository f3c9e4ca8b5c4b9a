/**
 * One step's panel: what the step is for, its options, the Run button, progress with Cancel while it
 * works, and then its result (summary, messages, tables) or the problem in planner words.
 */
import * as React from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import type { OverwriteConfirmation, Workbook } from "../../workbook/workbook";
import type { GateProblem } from "../../cycle/errorGate";
import { ACCEPT_ERRORS_OPTION, type StepAction, type StepId, type StepOptions } from "../stepActions";
import type { StepDefinition, StepField } from "../steps";
import { useStepRun, type StepRunState } from "../useStepRun";
import { ErrorGateView } from "./ErrorGateView";
import { ResultChartView } from "./ResultChartView";
import { ResultTableView } from "./ResultTableView";
import { RunProgress } from "./RunProgress";
import { ScenarioChoice } from "./ScenarioChoice";
import { stepPanelId, stepTabId } from "./StepList";
import { StepMessages } from "./StepMessages";

/** A step's state in the list; "blocked" is a run that finished with errors blocking the later steps. */
export type StepStatus = "idle" | "running" | "done" | "failed" | "blocked";

export interface StepPanelProps {
  step: StepDefinition;
  hidden: boolean;
  workbook: Workbook;
  action: StepAction | undefined;
  confirmOverwrite: OverwriteConfirmation;
  onStatus: (id: StepId, status: StepStatus) => void;
}

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hidden: { display: "none" },
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export function StepPanel({ step, hidden, workbook, action, confirmOverwrite, onStatus }: StepPanelProps): React.JSX.Element {
  const styles = useStyles();
  const run = useStepRun(action, workbook, confirmOverwrite);
  const [values, setValues] = React.useState<Record<string, string>>(() =>
    Object.fromEntries(step.fields.map((field) => [field.key, String(field.defaultValue)])),
  );
  const blocking = blockingOf(run.state);
  const status: StepStatus = blocking.length > 0 ? "blocked" : run.state.status;
  React.useEffect(() => onStatus(step.id, status), [onStatus, step.id, status]);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    run.start(toOptions(step.fields, values));
  };
  const onAccept = (reason: string) => run.start({ ...toOptions(step.fields, values), [ACCEPT_ERRORS_OPTION]: reason });
  const running = run.state.status === "running";
  const headingId = `${stepPanelId(step.id)}-heading`;

  return (
    <section
      id={stepPanelId(step.id)}
      role="tabpanel"
      aria-labelledby={stepTabId(step.id)}
      hidden={hidden}
      className={mergeClasses(styles.panel, hidden && styles.hidden)}
    >
      <Subtitle2 as="h2" id={headingId}>
        Step {step.number}: {step.title}
      </Subtitle2>
      <Body1>{step.purpose}</Body1>
      <form className={styles.fields} onSubmit={onSubmit} aria-labelledby={headingId}>
        {step.fields.map((field) => {
          const change = (value: string) => setValues((current) => ({ ...current, [field.key]: value }));
          return (
            <Field key={field.key} label={field.label} hint={field.hint}>
              {field.kind === "scenario" ? (
                <ScenarioChoice workbook={workbook} value={values[field.key]} disabled={running} visible={!hidden} onChange={change} />
              ) : field.kind === "choice" ? (
                <Select value={values[field.key]} disabled={running} onChange={(_, data) => change(data.value)}>
                  {(field.choices ?? []).map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </Select>
              ) : (
                <Input
                  type={field.kind === "number" ? "number" : "text"}
                  min={field.min}
                  max={field.max}
                  value={values[field.key]}
                  disabled={running}
                  onChange={(_, data) => change(data.value)}
                />
              )}
            </Field>
          );
        })}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={!action || running}>
            {step.runLabel}
          </Button>
        </div>
        {!action && <Body1>This step is not available in this version yet.</Body1>}
      </form>
      {run.state.status === "running" && <RunProgress progress={run.state.progress} onCancel={run.cancel} />}
      {blocking.length > 0 && <ErrorGateView problems={blocking} onAccept={onAccept} disabled={running} />}
      {run.state.status === "failed" && blocking.length === 0 && (
        <MessageBar intent={run.state.cancelled ? "warning" : "error"} layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{run.state.cancelled ? "Cancelled" : "The step could not finish"}</MessageBarTitle>
            {run.state.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {run.state.status === "done" && (
        <>
          <MessageBar intent={blocking.length > 0 ? "warning" : "success"} layout="multiline" role="status">
            <MessageBarBody>{run.state.result.summary}</MessageBarBody>
          </MessageBar>
          <StepMessages messages={run.state.result.messages ?? []} />
          {(run.state.result.charts ?? []).map((chart, index) => (
            <ResultChartView key={index} chart={chart} />
          ))}
          {(run.state.result.tables ?? []).map((table, index) => (
            <ResultTableView key={index} table={table} />
          ))}
        </>
      )}
    </section>
  );
}

/** The errors that block the later steps, from a run's state: step 1's open errors, or those a later step was refused for. */
function blockingOf(state: StepRunState): readonly GateProblem[] {
  if (state.status === "done") return state.result.blocking ?? [];
  if (state.status === "failed") return state.blocking ?? [];
  return [];
}

/** Field values as options: numbers for number fields (blank keeps the default), text and choices trimmed. */
function toOptions(fields: readonly StepField[], values: Record<string, string>): StepOptions {
  return Object.fromEntries(
    fields.map((field) => {
      const text = (values[field.key] ?? "").trim();
      if (field.kind !== "number") return [field.key, text];
      return [field.key, text === "" ? field.defaultValue : Number(text)];
    }),
  );
}
