/**
 * Test fixture: a temporary directory whose node_modules holds the component packages of
 * test/packages, installed the way npm would (node_modules/<name>/package.json). They use the
 * scopes @fixture and @acme, which no workspace package has, so the real components of the
 * workspace (found first, from the configuration's directory) never shadow them.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PACKAGES = new URL("./packages/", import.meta.url);

export interface FixtureModules {
  /** Real path of the temporary directory (its node_modules holds the packages). */
  dir: string;
  remove(): void;
}

export function installFixtureModules(): FixtureModules {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "sawmill-config-")));
  for (const name of readdirSync(PACKAGES)) {
    const text = readFileSync(new URL(`${name}/package.json`, PACKAGES), "utf8");
    writePackage(dir, JSON.parse(text).name, text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes `text` as node_modules/<name>/package.json under `dir`. */
export function writePackage(dir: string, name: string, text: string): string {
  const packageDir = join(dir, "node_modules", name);
  mkdirSync(packageDir, { recursive: true });
  writeFileSync(join(packageDir, "package.json"), text);
  return packageDir;
}
