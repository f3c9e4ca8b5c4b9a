/** What a worker answers a request with: the request's id and its result, or an error message. */
export type WorkerAnswer<A extends object> = (A & { id: number }) | { id: number; error: string };

/**
 * Requests to a Web Worker, many in flight at once, each matched to its answer by id. A worker that
 * stops fails every request still waiting.
 * @param worker the worker; its onmessage and onerror are taken over
 * @param resultOf the result within an answer
 * @param failure the error a request fails with, from the worker's message
 * @param stopped what to say when the worker itself stops, e.g. "The optimiser stopped"
 * @returns a function sending one request (an id is added) and resolving with its result
 * @example const solve = workerRequests<{ lp }, { solution }, LpSolution>(worker, (a) => a.solution, (m) => new Error(m), "The optimiser stopped");
 */
export function workerRequests<Q extends object, A extends object, R>(
  worker: Worker,
  resultOf: (answer: A) => R,
  failure: (message: string) => Error,
  stopped: string,
): (request: Q) => Promise<R> {
  let next = 0;
  const waiting = new Map<number, { resolve: (result: R) => void; reject: (error: Error) => void }>();
  worker.onmessage = (event: MessageEvent<WorkerAnswer<A>>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    if (!pending) return;
    waiting.delete(answer.id);
    if ("error" in answer) pending.reject(failure(answer.error));
    else pending.resolve(resultOf(answer));
  };
  worker.onerror = (event) => {
    for (const pending of waiting.values()) pending.reject(failure(`${stopped}: ${event.message}`));
    waiting.clear();
  };
  return (request) =>
    new Promise<R>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
}
