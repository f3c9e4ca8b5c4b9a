import { calendarSeasonLength, futurePeriods } from "../../src/cycle/periods";

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

  it("reads a year and a period number by where the number turns back to 1: quarters as R prints them, 4-4-5 periods, weeks", () => {
    const labels = (perYear: number, count: number, label: (year: number, index: number) => string): string[] =>
      Array.from({ length: count }, (_, k) => label(2020 + Math.floor(k / perYear), (k % perYear) + 1));
    expect(calendarSeasonLength(labels(4, 12, (year, index) => `${year}-${index}`))).toBe(4);
    expect(calendarSeasonLength(labels(4, 12, (year, index) => `${year}.${index}`))).toBe(4);
    expect(calendarSeasonLength(labels(13, 30, (year, index) => `P${String(index).padStart(2, "0")} ${year}`))).toBe(13);
    expect(calendarSeasonLength(labels(52, 60, (year, index) => `${year}/${index}`))).toBe(52);
    expect(calendarSeasonLength(labels(2, 6, (year, index) => `${year} H${index}`))).toBe(2);
    expect(calendarSeasonLength(labels(12, 30, (year, index) => `${year}-${index}`))).toBe(12);
  });

  it("says nothing for year-and-number labels that do not turn at one number, or never turn", () => {
    expect(calendarSeasonLength(["2020-1", "2020-2", "2020-3", "2020-4", "2021-1", "2021-2", "2021-3", "2021-4", "2021-5", "2022-1"])).toBeUndefined();
    expect(calendarSeasonLength(["2020-1", "2020-2", "2020-3", "2020-4", "2021-2"])).toBeUndefined();
  });

  it("says nothing for period numbers, mixed or too few labels: the season is then detected from the values", () => {
    expect(calendarSeasonLength(["1", "2", "3", "4"])).toBeUndefined();
    expect(calendarSeasonLength(["2024-01", "2024-Q1", "2024"])).toBeUndefined();
    expect(calendarSeasonLength(["2024-01", "2024-02"])).toBeUndefined();
    expect(calendarSeasonLength(["45292", "45323", "45352"])).toBeUndefined();
  });
});

describe("futurePeriods: the periods after the history's last", () => {
  it("runs months on into the next year", () => {
    expect(futurePeriods("2025-11", 3)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("runs ISO weeks on into the next year, by the calendar's own weeks: 2025 has 52, 2026 has 53", () => {
    expect(futurePeriods("2025-W51", 3)).toEqual(["2025-W52", "2026-W01", "2026-W02"]);
    expect(futurePeriods("2026-W52", 2)).toEqual(["2026-W53", "2027-W01"]);
  });

  it("numbers other labels on", () => {
    expect(futurePeriods("P36", 2)).toEqual(["P37", "P38"]);
  });
});
