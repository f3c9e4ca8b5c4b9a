/**
 * Build of the add-in, after Microsoft's Excel custom functions shared-runtime template:
 * - taskpane.html: the one page of the shared runtime, holding the task pane and the custom functions
 *   (functions.json is generated from the JSDoc of src/functions/functions.ts; a JSDoc error fails the build);
 * - preview.html: the browser preview (grid + the same task pane on an in-memory workbook), no Office needed;
 * - help.html, the page the manifest's SupportUrl and LearnMoreUrl name;
 * - assets (icons, sample workbook), manifest.xml, HiGHS's highs.wasm and DuckDB's wasm and worker copied to dist/.
 * `npm run dev-server` serves dist over https on port 3000 with the Office dev certificates.
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
/** Where the add-in is hosted in production, e.g. ADDIN_PUBLIC_URL=https://sop.example.com/ npm run build */
const urlProd = process.env.ADDIN_PUBLIC_URL || urlDev;

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const httpsOptions = await devCerts.getHttpsServerOptions();
  return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      fallback: {
        // highs's Emscripten loader imports node builtins only on its Node path.
        fs: false,
        path: false,
        module: false,
        crypto: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          // The solver is loaded with locateFile("highs.wasm") from dist/ (no second copy), and its
          // Node-only dynamic import stays in the bundle instead of an empty chunk.
          test: /[\\/]node_modules[\\/]highs[\\/]build[\\/]highs\.m?js$/,
          parser: { url: false, dynamicImportMode: "eager" },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          { from: "node_modules/highs/build/highs.wasm", to: "highs.wasm" },
          // DuckDB for the pane's order-line import, served from the add-in's own folder (no CDN).
          { from: "node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm", to: "duckdb-eh.wasm" },
          { from: "node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js", to: "duckdb-browser-eh.worker.js" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            noErrorOnMissing: true,
            transform(content) {
              return dev ? content : content.toString().replaceAll(urlDev, urlProd);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.resolve(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await getHttpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};
