/**
 * The state of one pane action a planner starts with a button (build a deck, verify the approvals,
 * write a comparison): idle, running, done with its result, or failed with a message in planner words.
 */
import * as React from "react";
import { plannerMessage } from "./plannerMessage";

export type ActionState<T> =
  | { status: "idle" }
  | { status: "running" }
  | { status: "done"; result: T }
  | { status: "failed"; message: string };

export interface Action<T> {
  state: ActionState<T>;
  /** Run the work, showing it as running, then as done with its result or failed with its message. */
  run: (work: () => Promise<T>) => Promise<void>;
}

/** Hold one button's action state; `run` never throws (a failure becomes the "failed" state). */
export function useAction<T>(): Action<T> {
  const [state, setState] = React.useState<ActionState<T>>({ status: "idle" });
  const run = React.useCallback(async (work: () => Promise<T>) => {
    setState({ status: "running" });
    try {
      setState({ status: "done", result: await work() });
    } catch (error) {
      setState({ status: "failed", message: plannerMessage(error, false) });
    }
  }, []);
  return { state, run };
}
