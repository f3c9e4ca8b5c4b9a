import { scanSection, type TextToken } from "../../src/workbook/formatSection";

type Code = { kind: "code"; char: string };

/** Every character that starts no literal read as a code. */
const codes = (section: string) => scanSection<Code>(section, (at, tokens) => (tokens.push({ kind: "code", char: section[at] }), at));

describe("scanSection", () => {
  test("quoted text, escapes and the space of _x are literal text; *x (the fill) shows nothing", () => {
    const text = (t: string): TextToken => ({ kind: "text", text: t });
    expect(codes('0"kg"\\h_)*-#')).toEqual([{ kind: "code", char: "0" }, text("kg"), text("h"), text(" "), { kind: "code", char: "#" }]);
    expect(codes('"open')).toEqual([text("open")]);
  });

  test("gives up when the reader cannot show a code", () => {
    expect(scanSection<Code>('"a"b', () => undefined)).toBeUndefined();
    expect(scanSection<Code>('"only text"', () => undefined)).toEqual([{ kind: "text", text: "only text" }]);
  });
});
