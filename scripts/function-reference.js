/**
 * Writes the planner-facing function reference from dist/functions.json (generated from the JSDoc
 * of src/functions/functions.ts by custom-functions-metadata) into README.md between the markers
 * <!-- functions:start --> and <!-- functions:end -->.
 * Usage: npm run build && node scripts/function-reference.js [--check]
 * With --check it writes nothing and exits 1 when README.md is out of date.
 */
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const START = "<!-- functions:start -->";
const END = "<!-- functions:end -->";

/** Markdown reference of every function in the metadata. */
function functionReference(metadata) {
  const lines = [];
  for (const fn of metadata.functions) {
    const signature = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    lines.push(`### =SOP.${fn.name}(${signature})`, "", fn.description, "");
    for (const p of fn.parameters) lines.push(`- \`${p.name}\`${p.optional ? " (optional)" : ""}: ${p.description}`);
    if (fn.result && fn.result.dimensionality === "matrix") lines.push("", "Spills a dynamic array.");
    lines.push("");
  }
  return lines.join("\n");
}

/** README text with the reference block replaced. */
function withReference(readme, reference) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n\n${reference}\n${readme.slice(end)}`;
}

module.exports = { functionReference, withReference };

if (require.main === module) {
  const metadata = JSON.parse(fs.readFileSync(path.join(root, "dist", "functions.json"), "utf8"));
  const readmePath = path.join(root, "README.md");
  const readme = fs.readFileSync(readmePath, "utf8");
  const updated = withReference(readme, functionReference(metadata));
  if (process.argv.includes("--check")) {
    if (updated !== readme) {
      console.error("README.md's function reference is out of date: run node scripts/function-reference.js");
      process.exitCode = 1;
    }
  } else {
    fs.writeFileSync(readmePath, updated);
    console.log(`README.md: ${metadata.functions.length} functions`);
  }
}
