// The build's second step, after tsc: bundles each entry point of the package (the library, its
// testing suites, the command line) into one file plus chunks they share, so importing the
// library reads a handful of files instead of about 160 modules; module loading was most of the
// cold start (bench case B9). Code splitting keeps every module once across the entries, so
// number-lifecycle and number-lifecycle/testing share their classes (instanceof holds across
// them). Dependencies stay external. tsc's per-module .js files are removed afterwards; the
// .d.ts files stay and give the types, and the source maps lead back to src/.
import { build } from "esbuild";
import { readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dist = join(root, "dist");
const ENTRIES = ["index.js", "testing/index.js", "cli/main.js"];

const result = await build({
  entryPoints: ENTRIES.map((entry) => join(dist, entry)),
  outdir: dist,
  outbase: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  allowOverwrite: true,
  metafile: true,
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});

const outputs = new Set(Object.keys(result.metafile.outputs).map((path) => resolve(root, path)));

/** Removes the JavaScript files (and their maps) under `dir` that the bundle did not write. */
function prune(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) prune(path);
    else if (/\.js(\.map)?$/.test(entry.name) && !outputs.has(path)) rmSync(path);
  }
}
prune(dist);
