#!/usr/bin/env node
/* The `sop` command line. Compiled sources live in dist-cli/ (npm run build:cli). */
const path = require("path");
const fs = require("fs");

const entry = path.join(__dirname, "..", "dist-cli", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  console.error("sop is not built yet: run `npm run build:cli` in the add-in's folder first.");
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
