// Prints the plain closing line CI reads ("N passed, N failed"), after vitest's own summary.
import type { Reporter } from "vitest/reporters";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<{ children: { allTests(): Iterable<{ result(): { state: string } }> } }>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of testModules) {
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
    }
    console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  }
}
