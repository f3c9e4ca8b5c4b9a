/**
 * The work behind each step's Run button, shared by the add-in (index.tsx) and the browser preview.
 * Plug a step of src/cycle in here and both get it.
 */
import { describeWorkbook } from "./describeWorkbook";
import type { StepActions } from "./stepActions";

export const stepActions: StepActions = {
  gather: describeWorkbook,
};
