/**
 * A worker thread that solves linear programmes with its own HiGHS: the pool in bench/network.ts
 * sends it the parts of a network plan so that two parts are solved at the same time on two cores.
 */

import { parentPort } from "worker_threads";
import type { LinearProgram } from "../src/core/optimize/highsLinearProgram";
import { loadHighs, solveLinearProgram, type SolveOptions } from "../src/core/optimize/highsSolve";

parentPort?.on("message", (message: { id: number; lp: LinearProgram; options: SolveOptions }) => {
  void loadHighs().then((highs) => {
    const solution = solveLinearProgram(highs, message.lp, message.options);
    parentPort?.postMessage({ id: message.id, solution });
  });
});
