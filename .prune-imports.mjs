// Removes unused imports (TypeScript's organizeImports in RemoveUnused mode) from the given files.
import ts from "typescript";
import fs from "node:fs";
import path from "node:path";
const root = process.cwd();
const files = process.argv.slice(2).map((f) => path.resolve(f));
const cfg = ts.getParsedCommandLineOfConfigFile(path.join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const versions = new Map();
const host = {
  getScriptFileNames: () => cfg.fileNames,
  getScriptVersion: (f) => String(versions.get(f) ?? 0),
  getScriptSnapshot: (f) => (fs.existsSync(f) ? ts.ScriptSnapshot.fromString(fs.readFileSync(f, "utf8")) : undefined),
  getCurrentDirectory: () => root,
  getCompilationSettings: () => cfg.options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const ls = ts.createLanguageService(host, ts.createDocumentRegistry());
for (const file of files) {
  const changes = ls.organizeImports({ type: "file", fileName: file, mode: ts.OrganizeImportsMode.RemoveUnused }, { quotePreference: "double" }, undefined);
  let text = fs.readFileSync(file, "utf8");
  for (const change of changes) {
    const edits = [...change.textChanges].sort((a, b) => b.span.start - a.span.start);
    for (const e of edits) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.start + e.span.length);
  }
  fs.writeFileSync(file, text);
  versions.set(file, (versions.get(file) ?? 0) + 1);
}
