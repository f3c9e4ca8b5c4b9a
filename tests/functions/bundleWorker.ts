/**
 * The built custom functions (dist/functions.js, run `npm run build` first) in a Node worker thread, as
 * Excel's runtime holds them: the bundle registers each function with CustomFunctions.associate on a
 * CustomFunctions global shaped as Excel's (Error with code and message, ErrorCode), its `location` is the
 * bundle's URL so =SOP.SUPPLYPLAN fetches highs.wasm from beside it, fetch reads file: URLs as a page
 * reads its server, and the page globals (window, self) make HiGHS's loader take its browser path. Each call has a watchdog: a call that does not answer in time ends the worker (a
 * hang fails the call, not the test run) and the next call starts a fresh one.
 */
import * as path from "path";
import { Worker } from "worker_threads";

/** An Excel error value crossing the thread boundary: its code (e.g. "#N/A") and message. */
export interface ErrorMark {
  error: string;
  message: string;
}

/** A value a function was given or gave back, with Excel error values as marks. */
export type Wire = number | string | boolean | null | undefined | ErrorMark | { object: string } | Wire[];

/** What one call did: answered (value), threw (an error value, or something else), or never answered. */
export type CallOutcome =
  | { kind: "value"; value: Wire }
  | { kind: "thrown"; customFunctionsError: boolean; name: string; code?: string; message: string }
  | { kind: "hang" };

const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require("worker_threads");
const fs = require("fs");
const vm = require("vm");
const { pathToFileURL, fileURLToPath } = require("url");

const ErrorCode = { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!", busy: "#BUSY!" };
class CustomFunctionsError extends Error {
  constructor(code, message) { super(message); this.code = code; this.name = "CustomFunctions.Error"; }
}
const registered = new Map();
globalThis.CustomFunctions = { associate: (id, fn) => registered.set(id, fn), Error: CustomFunctionsError, ErrorCode };
// A page, as Excel's runtime is: HiGHS's loader takes the web path (fetch + WebAssembly) unless it sees Node,
// which it tells by process.versions.node unless process.type is Electron's "renderer".
globalThis.self = globalThis;
globalThis.window = globalThis;
process.type = "renderer";
globalThis.location = pathToFileURL(workerData.bundle);
const nodeFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const url = String(input);
  if (!url.startsWith("file:")) return nodeFetch(input, init);
  const body = fs.readFileSync(fileURLToPath(url));
  return new Response(body, { status: 200, headers: { "content-type": url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream" } });
};
vm.runInThisContext(fs.readFileSync(workerData.bundle, "utf8"), { filename: workerData.bundle });

const fromWire = (value) => {
  if (Array.isArray(value)) return value.map(fromWire);
  if (value && typeof value === "object" && "error" in value) return new CustomFunctionsError(value.error, value.message);
  return value;
};
const toWire = (value) => {
  if (Array.isArray(value)) return value.map(toWire);
  if (value instanceof CustomFunctionsError) return { error: value.code, message: value.message };
  if (value !== null && typeof value === "object") return { object: Object.prototype.toString.call(value) };
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return { object: typeof value };
  return value;
};

parentPort.on("message", async ({ id, name, args }) => {
  if (name === "__list") return parentPort.postMessage({ id, outcome: { kind: "value", value: [...registered.keys()] } });
  try {
    const fn = registered.get(name);
    if (!fn) throw new Error("no function " + name + " is registered");
    const value = await fn(...args.map(fromWire));
    parentPort.postMessage({ id, outcome: { kind: "value", value: toWire(value) } });
  } catch (error) {
    const customFunctionsError = error instanceof CustomFunctionsError;
    parentPort.postMessage({ id, outcome: { kind: "thrown", customFunctionsError, name: error && error.name || typeof error, code: customFunctionsError ? error.code : undefined, message: error && error.message !== undefined ? String(error.message) : String(error) } });
  }
});
`;

/** The built bundle in a worker with a watchdog per call. */
export class BundleWorker {
  private worker: Worker | undefined;
  private next = 0;

  /**
   * @param bundle path of the built functions.js
   * @param watchdogMs how long one call may take before it counts as a hang and the worker is ended
   */
  constructor(
    private readonly bundle: string,
    private readonly watchdogMs: number,
  ) {}

  private start(): Worker {
    this.worker ??= new Worker(WORKER_SOURCE, { eval: true, workerData: { bundle: path.resolve(this.bundle) } });
    return this.worker;
  }

  /** Call the function registered under `name` with Excel's arguments; a hang ends this worker. */
  call(name: string, args: Wire[]): Promise<CallOutcome> {
    const worker = this.start();
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
      };
      const onMessage = (message: { id: number; outcome: CallOutcome }): void => {
        if (message.id !== id) return;
        finish();
        resolve(message.outcome);
      };
      const onError = (error: Error): void => {
        finish();
        this.worker = undefined;
        reject(error);
      };
      const timer = setTimeout(() => {
        finish();
        this.worker = undefined;
        void worker.terminate();
        resolve({ kind: "hang" });
      }, this.watchdogMs);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ id, name, args });
    });
  }

  /** The ids the bundle registered with CustomFunctions.associate. */
  async registered(): Promise<string[]> {
    const outcome = await this.call("__list", []);
    return outcome.kind === "value" ? (outcome.value as string[]) : [];
  }

  /** End the worker. */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
