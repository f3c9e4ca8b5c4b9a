import { columnLetters } from "../../src/workbook/address";
import { OfficeWorkbook } from "../../src/workbook/officeWorkbook";
import { runDemandStep } from "../../src/cycle/demandStep";
import { runGatherStep } from "../../src/cycle/gatherStep";
import { runSupplyStep, type SupplyResult } from "../../src/cycle/supplyStep";
import { runReconcileStep } from "../../src/cycle/reconcileStep";
import { runPresentStep } from "../../src/cycle/presentStep";
import { runMonitorStep } from "../../src/cycle/monitorStep";
import { buildSampleWorkbook, sampleData } from "../../scripts/make-sample";
import { FakeExcel } from "../workbook/fakeExcel";
import type { Workbook } from "../../src/workbook/workbook";

function fakeSampleExcel(perFamily: number): FakeExcel {
  const fake = new FakeExcel();
  const book = buildSampleWorkbook(sampleData(20240101, perFamily));
  book.eachSheet((sheet) => {
    const values: (string | number)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      values[r - 1] = (row.values as unknown[]).slice(1).map((v) => (typeof v === "number" || typeof v === "string" ? v : ""));
    });
    fake.addSheet(sheet.name, values);
    for (const table of sheet.getTables() as unknown as { name: string }[]) {
      fake.addTable(table.name, sheet.name, `A1:${columnLetters(values[0].length - 1)}${values.length}`);
    }
  });
  return fake;
}

test("probe", async () => {
  const fake = fakeSampleExcel(10);
  const inner = new OfficeWorkbook(fake.runner);
  const calls: string[] = [];
  const book = new Proxy(inner, {
    get(target, prop) {
      const value = (target as unknown as Record<string, unknown>)[prop as string];
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        const before = fake.syncs;
        const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        calls.push(`${String(prop)}(${typeof args[0] === "string" ? args[0] : Array.isArray(args[0]) ? (args[0] as {sheet:string}[]).map((b) => b.sheet).join("|") : ""}) ${fake.syncs - before}`);
        return result;
      };
    },
  }) as Workbook;
  let supply: SupplyResult | undefined;
  const steps: [string, () => Promise<unknown>][] = [
    ["gather", () => runGatherStep(book)],
    ["demand", () => runDemandStep(book, { horizon: 12 })],
    ["supply", async () => (supply = await runSupplyStep(book))],
    ["reconcile", () => runReconcileStep(book, {}, {}, supply)],
    ["present", () => runPresentStep(book, { decision: "approve", approver: "X" })],
    ["monitor", () => runMonitorStep(book)],
  ];
  const out: string[] = [];
  for (const [name, step] of steps) {
    calls.length = 0;
    const before = fake.syncs;
    await step();
    out.push(`${name}: ${fake.syncs - before}\n  ${calls.join("\n  ")}`);
  }
  require("fs").writeFileSync("/tmp/ow/probe.txt", out.join("\n"));
}, 300000);
