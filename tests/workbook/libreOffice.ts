import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** True when LibreOffice's `soffice` can be run (Debian: libreoffice-calc-nogui). */
export function hasLibreOffice(): boolean {
  return spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * Open an .xlsx in LibreOffice headless and save it again as .xlsx, as a planner saving it in
 * LibreOffice Calc would. A private profile under `dir` keeps parallel runs apart.
 * @returns the path of the file LibreOffice saved
 */
export function saveInLibreOffice(file: string, dir: string): string {
  const outDir = fs.mkdtempSync(path.join(dir, "lo-out-"));
  const profile = fs.mkdtempSync(path.join(dir, "lo-profile-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, file], { stdio: "ignore", timeout: 120_000 });
  const saved = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, ".xlsx"));
  if (!fs.existsSync(saved)) throw new Error(`LibreOffice did not save ${file}`);
  return saved;
}
