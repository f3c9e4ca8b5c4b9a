/** Numerical optimisers shared by the planning engine. */
export { nelderMead } from "./nelderMead";
export type { NelderMeadOptions, NelderMeadResult } from "./nelderMead";
