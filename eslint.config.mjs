/**
 * Lint rules, including the layers of the add-in (STYLE.md habit 11):
 * - src/core is the pure planning engine: it imports nothing from the other layers, no Node builtins,
 *   no Office, React, DOM or file libraries;
 * - src/workbook does not reach up into cycle, functions, task pane, preview or command line;
 * - the task pane never touches Office.js: only src/taskpane/officeHost.ts may use the Office/Excel
 *   globals or the Office.js workbook; the preview never uses them at all.
 * Office.js call patterns are checked with Microsoft's eslint-plugin-office-addins rules.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importPlugin from "eslint-plugin-import";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const LAYERS = ["core", "workbook", "cycle", "functions", "taskpane", "preview", "commands", "cli"];

/** A no-restricted-paths zone: code under `target` may not import from src/<layer> for each layer in `from`. */
const zone = (target, from, message) => from.map((layer) => ({ target: `./src/${target}`, from: `./src/${layer}`, message }));

const LAYER_ZONES = [
  ...zone("core", LAYERS.filter((layer) => layer !== "core"), "src/core is the pure engine: pass data in, do not import other layers."),
  ...zone("workbook", ["cycle", "functions", "taskpane", "preview", "commands", "cli"], "src/workbook sits below the cycle and the user interfaces."),
  ...zone("cycle", ["functions", "taskpane", "preview", "commands", "cli"], "src/cycle works on a Workbook; it knows no user interface."),
  ...zone("functions", ["cycle", "taskpane", "preview", "commands", "cli"], "Custom functions are thin adapters over src/core."),
  ...zone("taskpane", ["cli", "preview"], "The task pane does not depend on the preview or the command line."),
];

/** The Office.js workbook is created in src/taskpane/officeHost.ts only; the preview runs without Office. */
const OFFICE_WORKBOOK_ZONES = ["taskpane", "preview"].map((layer) => ({
  target: `./src/${layer}`,
  from: "./src/workbook/officeWorkbook.ts",
  message: "Only src/taskpane/officeHost.ts creates the Office.js workbook; the preview uses MemoryWorkbook.",
}));

const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension", "CustomFunctions"].map((name) => ({
  name,
  message: "The task pane reaches Excel only through the Workbook interface; Office.js belongs in src/taskpane/officeHost.ts and src/workbook.",
}));

export default tseslint.config(
  { ignores: ["dist/**", "dist-cli/**", "node_modules/**", "coverage/**", "out/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { import: importPlugin },
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node },
    },
    settings: {
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".mjs"] } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-eval": "error",
      "import/no-restricted-paths": ["error", { zones: LAYER_ZONES }],
    },
  },
  {
    // Office.js code: load before read, sync after load, no sync in loops (Microsoft's rules; they are
    // heuristics on variable use, so they are applied only where Office.js is called).
    files: ["src/workbook/office*.ts", "src/taskpane/officeHost.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
        "office-addins/call-sync-after-load": "error",
        "office-addins/call-sync-before-read": "error",
        "office-addins/load-object-before-read": "error",
        "office-addins/no-context-sync-in-loop": "warn",
        "office-addins/no-empty-load": "warn",
        "office-addins/no-navigational-load": "warn",
        "office-addins/no-office-initialize": "warn",
        "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "import/no-nodejs-modules": "error",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-*", "@fluentui/*", "exceljs", "@microsoft/office-js"],
              message: "src/core runs anywhere (browser, Node, worker): no UI, file or Office imports.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "process", "require", ...OFFICE_GLOBALS],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/preview/**/*.{ts,tsx}"],
    ignores: ["src/taskpane/officeHost.ts"],
    rules: {
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
      "import/no-restricted-paths": ["error", { zones: [...LAYER_ZONES, ...OFFICE_WORKBOOK_ZONES] }],
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@microsoft/office-js", message: "Office.js is loaded by taskpane.html and used in src/taskpane/officeHost.ts only." }],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.jest } },
  },
);
