/**
 * Serves the built add-in (dist/) over plain http on localhost for the browser preview: no Office,
 * no certificates. Usage: `npm run preview` (builds first), or `PORT=4000 node scripts/preview-server.js`.
 * Open http://localhost:3001/preview.html
 */
const http = require("http");
const fs = require("fs");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * What the served pages may load: scripts, workers, wasm and data from this server only (HiGHS's and
 * DuckDB's wasm compiled in page and worker), plus Office's own script for the task pane's page, styles
 * inline as Fluent UI writes them, images from here or data: URLs, nothing framed, no plugins, forms
 * posting nowhere.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' https://appsforoffice.microsoft.com",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

/**
 * Create the preview server over a directory (not yet listening).
 * @param root the directory served, normally dist/
 * @returns a Node http.Server answering GET/HEAD of files under root; / redirects to /preview.html
 */
function createPreviewServer(root) {
  const base = path.resolve(root);
  return http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/") {
      response.writeHead(302, { Location: "/preview.html" }).end();
      return;
    }
    let file;
    try {
      const decoded = decodeURIComponent(url.pathname);
      if (decoded.includes("\0")) throw new URIError("NUL in path");
      file = path.resolve(base, "." + decoded);
    } catch {
      response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request path\n");
      return;
    }
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    fs.stat(file, (error, stats) => {
      if (error || !stats.isFile()) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${url.pathname}\n`);
        return;
      }
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": stats.size,
        "Cache-Control": "no-store",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff",
      });
      if (request.method === "HEAD") response.end();
      else fs.createReadStream(file).pipe(response);
    });
  });
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "dist");
  if (!fs.existsSync(path.join(root, "preview.html"))) {
    console.error("dist/preview.html is missing: run `npm run build` first.");
    process.exit(1);
  }
  const port = Number(process.env.PORT || 3001);
  createPreviewServer(root).listen(port, "127.0.0.1", () => {
    console.log(`S&OP preview: http://localhost:${port}/preview.html  (Ctrl+C to stop)`);
  });
}

module.exports = { createPreviewServer, CONTENT_SECURITY_POLICY };
