// Prints Spectral's JSON report for one document in short: each error on a line (where, rule, message), warnings
// counted by rule, and the totals. Exits 1 when there is an error. Used by bin/lint-openapi.
import { readFileSync } from 'node:fs';

const [report, document] = process.argv.slice(2);
const results = JSON.parse(readFileSync(report, 'utf8'));
const errors = results.filter((r) => r.severity === 0);
const warnings = results.filter((r) => r.severity === 1);
for (const e of errors) {
    console.log(`  error   ${e.code} at ${e.path.join('.')} (line ${e.range.start.line + 1}): ${e.message}`);
}
const byRule = new Map();
for (const w of warnings) byRule.set(w.code, (byRule.get(w.code) ?? 0) + 1);
for (const [rule, n] of byRule) console.log(`  warning ${rule}: ${n}`);
console.log(`[lint-openapi] ${document}: ${errors.length} errors, ${warnings.length} warnings (all of it in ${report})`);
process.exit(errors.length > 0 ? 1 : 0);
