import { evaluateSopFormula, isSopFormula, type RangeReader, type SopFunction } from "../../src/preview/formula";
import type { Matrix } from "../../src/workbook/workbook";

/** SOP.DIFF(a, b): b - a per cell, like GAP; SOP.ECHO(x, [label]) returns its arguments as received. */
const functions = new Map<string, SopFunction>([
  [
    "DIFF",
    {
      id: "DIFF",
      parameters: [
        { name: "demand", type: "any", dimensionality: "matrix", optional: false },
        { name: "supply", type: "any", dimensionality: "matrix", optional: false },
      ],
      invoke: (a, b) => {
        const demand = a as number[][];
        const supply = b as number[][];
        if (demand.length !== supply.length) {
          throw Object.assign(new Error(`demand has ${demand.length} periods but supply has ${supply.length}.`), { code: "#VALUE!" });
        }
        return demand.map((row, i) => row.map((value, j) => supply[i][j] - value));
      },
    },
  ],
  [
    "ECHO",
    {
      id: "ECHO",
      parameters: [
        { name: "x", type: "number", dimensionality: "scalar", optional: false },
        { name: "label", type: "string", dimensionality: "scalar", optional: true },
      ],
      invoke: async (x, label) => [[x as number, label as string | null]],
    },
  ],
]);

const sheets: Record<string, Matrix> = {
  Plan: [
    ["Month", "Demand", "Supply"],
    ["Jan", 100, 90],
    ["Feb", 120, 130],
    ["Mar", null, 80],
  ],
  "Sales History": [["x", 7, "12"]],
  Clean: [
    ["Item", "Jan", "Feb"],
    ["B-2", 20, 21],
    ["a-1", 10, 11],
    [1001, 30, 31],
  ],
};

const read: RangeReader = (sheet, range) =>
  Array.from({ length: range.bottom - range.top + 1 }, (_, i) =>
    Array.from({ length: range.right - range.left + 1 }, (_, j) => sheets[sheet ?? "Plan"][range.top + i]?.[range.left + j] ?? null),
  );

const evaluate = (text: string) => evaluateSopFormula(text, functions, read);

describe("isSopFormula", () => {
  test("recognises calls of SOP functions in any case, and nothing else", () => {
    expect(isSopFormula("=SOP.GAP(B2:B13,C2:C13)")).toBe(true);
    expect(isSopFormula(" =sop.gap( A1 )")).toBe(true);
    expect(isSopFormula("=SUM(A1:A3)")).toBe(false);
    expect(isSopFormula("SOP.GAP(A1)")).toBe(false);
  });
});

describe("evaluateSopFormula", () => {
  test("passes ranges as rows of cells and spills the result", async () => {
    await expect(evaluate("=SOP.DIFF(B2:B3,C2:C3)")).resolves.toEqual({ ok: true, values: [[-10], [10]] });
  });

  test("reads array constants: commas separate columns, semicolons rows", async () => {
    await expect(evaluate("=SOP.DIFF({10;20;30},{12;15;30})")).resolves.toEqual({ ok: true, values: [[2], [-5], [0]] });
    await expect(evaluate("=SOP.DIFF({1,2},{3,5})")).resolves.toEqual({ ok: true, values: [[2, 3]] });
  });

  test("reads quoted sheet names, absolute references, numbers with percent and text with doubled quotes", async () => {
    await expect(evaluate("=SOP.ECHO('Sales History'!$B$1, \"say \"\"hi\"\"\")")).resolves.toEqual({ ok: true, values: [[7, 'say "hi"']] });
    await expect(evaluate("=SOP.ECHO(50%)")).resolves.toEqual({ ok: true, values: [[0.5, null]] });
  });

  test("coerces numeric text for a number parameter as Excel does, and refuses other text", async () => {
    await expect(evaluate("=SOP.ECHO('Sales History'!C1)")).resolves.toEqual({ ok: true, values: [[12, null]] });
    const outcome = await evaluate("=SOP.ECHO(A2)");
    expect(outcome).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(outcome.ok ? "" : outcome.message).toContain('"Jan"');
  });

  test("a scalar parameter given several cells is #VALUE!", async () => {
    await expect(evaluate("=SOP.ECHO(B2:B3)")).resolves.toMatchObject({ ok: false, code: "#VALUE!" });
  });

  test("a missing required argument is #VALUE! naming it", async () => {
    await expect(evaluate("=SOP.DIFF(B2:B3)")).resolves.toMatchObject({ ok: false, code: "#VALUE!", message: "SOP.DIFF needs supply." });
  });

  test("the function's own error value and message reach the cell", async () => {
    await expect(evaluate("=SOP.DIFF({1;2},{1;2;3})")).resolves.toEqual({
      ok: false,
      code: "#VALUE!",
      message: "demand has 2 periods but supply has 3.",
    });
  });

  test("unknown functions, nested formulas and unreadable text are #NAME?", async () => {
    await expect(evaluate("=SOP.NOPE(1)")).resolves.toMatchObject({ ok: false, code: "#NAME?" });
    await expect(evaluate("=SOP.ECHO(SUM(B2:B3))")).resolves.toMatchObject({ ok: false, code: "#NAME?" });
    await expect(evaluate("=SOP.ECHO(1")).resolves.toMatchObject({ ok: false, code: "#NAME?" });
    await expect(evaluate("=SOP.ECHO(1) + 2")).resolves.toMatchObject({ ok: false, code: "#NAME?" });
  });

  test("INDEX(range, MATCH(id, range, 0), 0) passes the row of the item with that id (text in any case, or a number); row 0 a column", async () => {
    const row = (id: string) => `=SOP.DIFF({0,0},INDEX(Clean!$B$2:$C$4,MATCH(${id},Clean!$A$2:$A$4,0),0))`;
    await expect(evaluate(row('"A-1"'))).resolves.toEqual({ ok: true, values: [[10, 11]] });
    await expect(evaluate(row('"B-2"'))).resolves.toEqual({ ok: true, values: [[20, 21]] });
    await expect(evaluate(row("1001"))).resolves.toEqual({ ok: true, values: [[30, 31]] });
    await expect(evaluate("=SOP.DIFF({0;0;0},INDEX(Clean!$B$2:$C$4,0,2))")).resolves.toEqual({ ok: true, values: [[21], [11], [31]] });
  });

  test("an id MATCH cannot find is #N/A naming it; a row beyond the range is #REF!; other match types are #NAME?", async () => {
    await expect(evaluate('=SOP.DIFF({0,0},INDEX(Clean!$B$2:$C$4,MATCH("Z-9",Clean!$A$2:$A$4,0),0))')).resolves.toEqual({
      ok: false,
      code: "#N/A",
      message: 'MATCH finds no "Z-9" in its range.',
    });
    await expect(evaluate("=SOP.DIFF({0,0},INDEX(Clean!$B$2:$C$4,4,0))")).resolves.toMatchObject({ ok: false, code: "#REF!" });
    await expect(evaluate('=SOP.DIFF({0,0},INDEX(Clean!$B$2:$C$4,MATCH("a-1",Clean!$A$2:$A$4,1),0))')).resolves.toMatchObject({ ok: false, code: "#NAME?" });
  });

  test("too many arguments is #VALUE!", async () => {
    await expect(evaluate("=SOP.ECHO(1,\"a\",3)")).resolves.toMatchObject({ ok: false, code: "#VALUE!" });
  });
});
