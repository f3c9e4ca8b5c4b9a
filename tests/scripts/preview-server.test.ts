import * as fs from "fs";
import type { Server } from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createPreviewServer } = require("../../scripts/preview-server.js") as { createPreviewServer: (root: string) => Server };

describe("the preview server", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "sop-preview-root-"));
  fs.writeFileSync(path.join(root, "preview.html"), "<!doctype html><title>p</title>");
  const server = createPreviewServer(root);
  let base = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("answers bad paths with 400, 403 or 404 and keeps serving", async () => {
    expect((await fetch(`${base}/%00`)).status).toBe(400);
    expect((await fetch(`${base}/preview.html%00.png`)).status).toBe(400);
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/preview.html`, { method: "POST" })).status).toBe(405);
    expect((await fetch(`${base}/preview.html`)).status).toBe(200);
  });

  it("serves every file with a Content-Security-Policy that allows only its own origin, wasm and Office's script", async () => {
    const response = await fetch(`${base}/preview.html`);
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/default-src 'self'/);
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(policy).toMatch(/object-src 'none'/);
    expect(policy.replace("https://appsforoffice.microsoft.com", "")).not.toMatch(/'unsafe-eval'|https?:|\*/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
