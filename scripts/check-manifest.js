/**
 * Offline check of manifest.xml (Microsoft's `office-addin-manifest validate` needs a web service).
 * Checks what Office would reject or what would break the add-in: well-formed XML, every resid
 * defined once, every URL on the dev host, the shared runtime (requirement + long-lived runtime used by
 * the task pane and the functions), CustomFunctionsRuntime 1.2 (which CustomFunctions.Error needs), the
 * SOP namespace, the least permission that works, and an icon file in assets/ for every size the
 * manifest names.
 * Usage: node scripts/check-manifest.js [manifest.xml]  (exit 1 with the problems listed)
 */
const fs = require("fs");
const path = require("path");
const xml2js = require("xml2js");

const DEV_HOST = "https://localhost:3000/";

function collect(node, visit) {
  if (Array.isArray(node)) return node.forEach((child) => collect(child, visit));
  if (node && typeof node === "object") {
    visit(node);
    for (const [key, value] of Object.entries(node)) if (key !== "$") collect(value, visit);
  }
}

/** Returns a list of problems (empty when the manifest is fine). */
async function checkManifest(xmlText, repoRoot) {
  const problems = [];
  let doc;
  try {
    doc = await xml2js.parseStringPromise(xmlText, { explicitArray: true });
  } catch (error) {
    return [`manifest.xml is not well-formed XML: ${error.message}`];
  }
  const app = doc.OfficeApp;
  if (!app) return ["the root element must be OfficeApp"];
  const defined = new Map();
  const used = [];
  const urls = [];
  collect(app, (node) => {
    const attributes = node.$ || {};
    if (attributes.id && attributes.DefaultValue !== undefined) {
      if (defined.has(attributes.id)) problems.push(`resource id ${attributes.id} is defined twice`);
      defined.set(attributes.id, attributes.DefaultValue);
    }
    if (attributes.resid) used.push(attributes.resid);
    if (attributes.DefaultValue && /^https?:/.test(attributes.DefaultValue)) urls.push(attributes.DefaultValue);
  });
  for (const resid of used) if (!defined.has(resid)) problems.push(`resid ${resid} is used but not defined`);
  for (const url of urls) if (!url.startsWith(DEV_HOST)) problems.push(`URL ${url} is not on the dev host ${DEV_HOST}`);

  const sets = ((app.Requirements || [])[0]?.Sets || [])[0]?.Set || [];
  const setNames = sets.map((set) => set.$.Name);
  for (const required of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!setNames.includes(required)) problems.push(`requirement set ${required} is not declared`);
  }
  // The functions raise CustomFunctions.Error, which needs CustomFunctionsRuntime 1.2 (Microsoft Learn,
  // "CustomFunctions.Error class"); on 1.1 their messages would never reach the planner.
  const functionsRuntime = sets.find((set) => set.$.Name === "CustomFunctionsRuntime")?.$.MinVersion;
  if (functionsRuntime !== undefined && !(Number(functionsRuntime) >= 1.2)) {
    problems.push(`CustomFunctionsRuntime must be at least 1.2 (CustomFunctions.Error), found ${functionsRuntime}`);
  }
  const permission = (app.Permissions || [])[0];
  if (permission !== "ReadWriteDocument") problems.push(`permission should be ReadWriteDocument (least that works), found ${permission}`);

  const host = app.VersionOverrides?.[0]?.Hosts?.[0]?.Host?.[0];
  const runtime = host?.Runtimes?.[0]?.Runtime?.[0]?.$;
  if (!runtime) problems.push("no shared <Runtime> is declared");
  else {
    if (runtime.lifetime !== "long") problems.push("the shared runtime must have lifetime=\"long\"");
    const functionsPoint = host.AllFormFactors?.[0]?.ExtensionPoint?.find((point) => point.$["xsi:type"] === "CustomFunctions");
    if (!functionsPoint) problems.push("no CustomFunctions extension point");
    else {
      const page = functionsPoint.Page?.[0]?.SourceLocation?.[0]?.$.resid;
      if (page !== runtime.resid) problems.push("custom functions must run in the shared runtime page");
      const namespace = defined.get(functionsPoint.Namespace?.[0]?.$.resid);
      if (namespace !== "SOP") problems.push(`custom functions namespace should be SOP, found ${namespace}`);
    }
    const action = JSON.stringify(host.DesktopFormFactor || []);
    if (!action.includes('"ShowTaskpane"')) problems.push("no ribbon button opens the task pane");
  }
  for (const [id, value] of defined) {
    const match = /\/assets\/(icon-(\d+)\.png)$/.exec(value);
    if (match && !fs.existsSync(path.join(repoRoot, "assets", match[1]))) problems.push(`icon ${id} points at missing assets/${match[1]}`);
  }
  for (const url of [app.IconUrl?.[0]?.$.DefaultValue, app.HighResolutionIconUrl?.[0]?.$.DefaultValue]) {
    const match = url && /\/assets\/(.+)$/.exec(url);
    if (match && !fs.existsSync(path.join(repoRoot, "assets", match[1]))) problems.push(`icon ${url} is missing from assets/`);
  }
  return problems;
}

module.exports = { checkManifest };

if (require.main === module) {
  const file = process.argv[2] || path.join(__dirname, "..", "manifest.xml");
  checkManifest(fs.readFileSync(file, "utf8"), path.join(__dirname, "..")).then((problems) => {
    if (problems.length === 0) {
      console.log(`${path.basename(file)} is valid (offline check).`);
    } else {
      for (const problem of problems) console.error(`- ${problem}`);
      process.exitCode = 1;
    }
  });
}
