import { highsBeside } from "../../../src/core/optimize/highsSolve";

describe("highsBeside", () => {
  test("finds highs.wasm beside the page or worker that runs HiGHS, wherever it is served", () => {
    const { locateFile } = highsBeside("https://sop.example.com/addin/taskpane.html?_host_Info=Excel");
    expect(locateFile?.("highs.wasm")).toBe("https://sop.example.com/addin/highs.wasm");
    expect(highsBeside("http://127.0.0.1:3001/494.js").locateFile?.("highs.wasm")).toBe("http://127.0.0.1:3001/highs.wasm");
  });
});
