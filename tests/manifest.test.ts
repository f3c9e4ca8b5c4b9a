import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkManifest } = require("../scripts/check-manifest.js") as {
  checkManifest: (xml: string, root: string) => Promise<string[]>;
};

const root = path.join(__dirname, "..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

describe("manifest.xml (offline validation)", () => {
  test("is well-formed for xmllint", () => {
    expect(() => execFileSync("xmllint", ["--noout", path.join(root, "manifest.xml")])).not.toThrow();
  });

  test("passes every offline check: shared runtime, SOP namespace, resids, icons, dev host, permission", async () => {
    expect(await checkManifest(manifest, root)).toEqual([]);
  });

  test("the check catches the mistakes it is there for", async () => {
    const broken = manifest
      .replace('<Set Name="SharedRuntime" MinVersion="1.1" />', "")
      .replace('<Set Name="CustomFunctionsRuntime" MinVersion="1.2" />', '<Set Name="CustomFunctionsRuntime" MinVersion="1.1" />')
      .replace('lifetime="long"', 'lifetime="short"')
      .replace('DefaultValue="SOP"', 'DefaultValue="XYZ"')
      .replace('resid="SopButton.Tooltip"', 'resid="Missing.Tooltip"')
      .replace("https://localhost:3000/functions.json", "https://example.com/functions.json")
      .replace("icon-80.png", "icon-81.png");
    const problems = await checkManifest(broken, root);
    expect(problems).toEqual(
      expect.arrayContaining([
        "requirement set SharedRuntime is not declared",
        "CustomFunctionsRuntime must be at least 1.2 (CustomFunctions.Error), found 1.1",
        'the shared runtime must have lifetime="long"',
        "custom functions namespace should be SOP, found XYZ",
        "resid Missing.Tooltip is used but not defined",
        "URL https://example.com/functions.json is not on the dev host https://localhost:3000/",
        "icon Icon.80x80 points at missing assets/icon-81.png",
      ]),
    );
    expect(await checkManifest("<OfficeApp><Id>", root)).toEqual([expect.stringMatching(/not well-formed/)]);
  });
});
