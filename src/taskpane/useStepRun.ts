/**
 * State of one step's run for its panel: idle, running with progress, done with a result, or failed
 * with a planner-facing message; `start` runs the action, `cancel` aborts it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { BlockedByErrors, type GateProblem } from "../cycle/errorGate";
import { plannerMessage } from "./plannerMessage";
import type { StepProgress, StepReport } from "../cycle/stepTypes";
import type { StepAction, StepOptions } from "./stepActions";
import type { OverwriteConfirmation, Workbook } from "../workbook/workbook";

export type StepRunState =
  | { status: "idle" }
  | { status: "running"; progress: StepProgress }
  | { status: "done"; result: StepReport }
  | { status: "failed"; message: string; cancelled: boolean; blocking?: GateProblem[] };

export interface StepRun {
  state: StepRunState;
  start: (options: StepOptions) => void;
  cancel: () => void;
}

/**
 * Run a step action with progress and cancellation; a stale run's late reports are ignored. A run that
 * completes although Cancel was pressed shows its result: its work was done.
 * @param action the step's work, undefined when not available yet
 * @param workbook the workbook the step works on
 * @param confirmOverwrite asks the planner before writing into a sheet the add-in did not create
 */
export function useStepRun(
  action: StepAction | undefined,
  workbook: Workbook,
  confirmOverwrite: OverwriteConfirmation,
): StepRun {
  const [state, setState] = useState<StepRunState>({ status: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (options: StepOptions) => {
      if (!action) return;
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      const isCurrent = () => controller.current === own;
      setState({ status: "running", progress: { fraction: undefined, message: "Starting" } });
      action({
        workbook,
        options,
        signal: own.signal,
        confirmOverwrite,
        onProgress: (progress) => {
          if (isCurrent() && !own.signal.aborted) setState({ status: "running", progress });
        },
      }).then(
        (result) => {
          if (isCurrent()) setState({ status: "done", result });
        },
        (error: unknown) => {
          if (isCurrent()) {
            const blocking = error instanceof BlockedByErrors ? error.problems : undefined;
            setState({ status: "failed", message: plannerMessage(error, own.signal.aborted), cancelled: own.signal.aborted, blocking });
          }
        },
      );
    },
    [action, workbook, confirmOverwrite],
  );

  const cancel = useCallback(() => {
    const running = controller.current;
    if (!running || running.signal.aborted) return;
    running.abort();
    setState((current) =>
      current.status === "running"
        ? { status: "running", progress: { fraction: current.progress.fraction, message: "Cancelling: stopping after the current part" } }
        : current,
    );
  }, []);

  return { state, start, cancel };
}
