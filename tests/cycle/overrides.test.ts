import { readOverrides } from "../../src/cycle/overrides";

const PERIODS = ["2026-03", "2026-04", "2026-05"];
const HEADER = ["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"];
const SERIES = ["A", "B"].map((item) => ({ item, location: "", family: "F", forecast: [10, 10, 10] }));

describe("readOverrides", () => {
  test("periods as the history headers show them, a percent typed as 20 or \"20%\", numbers typed as text", () => {
    const { overrides } = readOverrides(
      [
        HEADER,
        ["sales", "A", "Apr-26", null, null, "20%", "promo"],
        ["Marketing", "B", "2026-05", null, null, 15, "launch"],
        ["finance", "A", "March 2026", "1,234", null, null, "budget"],
        ["sales", "B", 46143, null, "-50", null, "recall"], // 46143 = 1 May 2026, a date cell
        [null, null, null, null, null, null, null],
      ],
      PERIODS,
      SERIES,
    );
    expect(overrides).toEqual([
      { role: "sales", item: "A", period: 1, value: undefined, delta: undefined, percent: 20, reason: "promo" },
      { role: "marketing", item: "B", period: 2, value: undefined, delta: undefined, percent: 15, reason: "launch" },
      { role: "finance", item: "A", period: 0, value: 1234, delta: undefined, percent: undefined, reason: "budget" },
      { role: "sales", item: "B", period: 2, value: undefined, delta: -50, percent: undefined, reason: "recall" },
    ]);
  });

  test("every bad row is reported at once, each by row, item and month", () => {
    let message = "";
    try {
      readOverrides(
        [
          HEADER,
          ["sales", "A", "Apr-26", null, null, "twenty", "promo"],
          ["sales", "Z", "2026-03", 10, null, null, "typo"],
          ["sales", "B", "Jan-27", 10, null, null, "too far"],
          ["sales", "B", "2026-05", 10, null, null, "fine"],
        ],
        PERIODS,
        SERIES,
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toEqual([
      "SOP Overrides has 3 problems; fix them and run step 2 again:",
      'Row 2 (A, 2026-04), Percent should be a number such as 20 or "20%", not "twenty".',
      'Row 3 (Z, 2026-03): "Z" is neither an item, a family nor a location in the plan.',
      'Row 4: period "Jan-27" is not a forecast month (2026-03 to 2026-05).',
    ]);
  });

  test("numbers typed as text are read as step 1 reads them: thousands commas, never a decimal comma taken for one", () => {
    const { overrides } = readOverrides(
      [HEADER, ["sales", "A", "2026-04", "1,250", null, null, "thousands"], ["sales", "B", "2026-04", null, "-12.5", "20%", "delta and percent"]],
      PERIODS,
      SERIES,
    );
    expect(overrides.map((row) => [row.value, row.delta, row.percent])).toEqual([
      [1250, undefined, undefined],
      [undefined, -12.5, 20],
    ]);
    expect(() => readOverrides([HEADER, ["sales", "A", "2026-04", "12,5", null, null, "european"]], PERIODS, SERIES)).toThrow(
      'Row 2 (A, 2026-04), Value should be a number, not "12,5". It is written with a decimal comma',
    );
  });

  test("a launch forecast for an item of the item master not yet in the plan says to run step 1 again", () => {
    expect(() => readOverrides([HEADER, ["marketing", "NEW-1", "2026-04", 90, null, null, "launch"]], PERIODS, SERIES, new Set(["A", "B", "NEW-1"]))).toThrow(
      'Row 2 (NEW-1, 2026-04): "NEW-1" is a new item of the item master, not in the plan yet: run step 1 again to add it with this launch forecast.',
    );
  });

  test("a family's value or delta is spread over its items in proportion to their forecasts, a percent applies to each", () => {
    const series = [
      { item: "A", location: "", family: "F", forecast: [10, 30, 0] },
      { item: "B", location: "", family: "F", forecast: [30, 10, 0] },
      { item: "C", location: "", family: "G", forecast: [5, 5, 5] },
    ];
    const { overrides } = readOverrides(
      [
        HEADER,
        ["sales", "F", "2026-03", 60, null, null, "promo"],
        ["finance", "F", "2026-04", null, "-8", null, "budget"],
        ["marketing", "F", "2026-05", 9, null, null, "launch"],
        ["sales", "G", "2026-05", null, null, "10%", "price"],
      ],
      PERIODS,
      series,
    );
    expect(overrides.map((o) => [o.role, o.item, o.period, o.value ?? o.delta ?? `${o.percent}%`])).toEqual([
      ["sales", "A", 0, 15],
      ["sales", "B", 0, 45],
      ["finance", "A", 1, -6],
      ["finance", "B", 1, -2],
      // Both forecasts are 0 that month: split equally.
      ["marketing", "A", 2, 4.5],
      ["marketing", "B", 2, 4.5],
      ["sales", "C", 2, "10%"],
    ]);
  });

  test("with locations a location's value is spread over its items, a family's over its items at every location", () => {
    const header = ["Role", "Item", "Location", "Period", "Value", "Delta", "Percent", "Reason"];
    const series = [
      { item: "A", location: "North", family: "F", forecast: [10, 10, 10] },
      { item: "A", location: "South", family: "F", forecast: [30, 10, 10] },
      { item: "B", location: "North", family: "G", forecast: [20, 10, 10] },
    ];
    const { overrides } = readOverrides(
      [header, ["sales", "North", null, "2026-03", 60, null, null, "store opening"], ["sales", "F", null, "2026-03", 80, null, null, "promo"]],
      PERIODS,
      series,
    );
    expect(overrides.map((o) => [o.item, o.value])).toEqual([
      ["A @ North", 20],
      ["B @ North", 40],
      ["A @ North", 20],
      ["A @ South", 60],
    ]);
    expect(() => readOverrides([header, ["sales", "F", "North", "2026-03", 5, null, null, "x"], ["sales", "West", null, "2026-03", 5, null, null, "y"]], PERIODS, series)).toThrow(
      /Row 2 \(F at North, 2026-03\): "F" is a family: leave Location blank[\s\S]*Row 3 \(West, 2026-03\): "West" is neither an item, a family nor a location in the plan\./,
    );
  });
});
