import { calendarSeasonLength } from "../../src/cycle/periods";

describe("calendarSeasonLength: the season length period labels give", () => {
  it.each([
    [["2024-01", "2024-02", "2024-03", "2024-04"], 12],
    [["Jan 2024", "Feb 2024", "Mar 2024"], 12],
    [["2024-01-31", "2024-02-29", "2024-03-31"], 12],
    [["01/01/2024", "02/01/2024", "03/01/2024"], 12],
    [["2023-Q4", "2024-Q1", "2024-Q2"], 4],
    [["Q3 2023", "Q4 2023", "Q1 2024"], 4],
    [["2024-W51", "2024-W52", "2025-W01"], 52],
    [["2024-01-01", "2024-01-08", "2024-01-15"], 52],
    [["2024-01-01", "2024-01-02", "2024-01-03"], 7],
    [["1998", "1999", "2000"], 1],
  ])("%p: %p", (labels, season) => {
    expect(calendarSeasonLength(labels)).toBe(season);
  });

  it("says nothing for period numbers, mixed or too few labels: the season is then detected from the values", () => {
    expect(calendarSeasonLength(["1", "2", "3", "4"])).toBeUndefined();
    expect(calendarSeasonLength(["2024-01", "2024-Q1", "2024"])).toBeUndefined();
    expect(calendarSeasonLength(["2024-01", "2024-02"])).toBeUndefined();
    expect(calendarSeasonLength(["45292", "45323", "45352"])).toBeUndefined();
  });
});
