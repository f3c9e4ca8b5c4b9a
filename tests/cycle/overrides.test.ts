import { readOverrides } from "../../src/cycle/overrides";

const PERIODS = ["2026-03", "2026-04", "2026-05"];
const HEADER = ["Role", "Item", "Period", "Value", "Delta", "Percent", "Reason"];
const SERIES = ["A", "B"].map((item) => ({ item, location: "", forecast: [10, 10, 10] }));

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
      'Row 3 (Z, 2026-03): item "Z" is not in the plan.',
      'Row 4: period "Jan-27" is not a forecast month (2026-03 to 2026-05).',
    ]);
  });
});
