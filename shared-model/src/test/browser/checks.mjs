// What both browser tests (intake's form, staff's client) check with: counted checks, named steps that print ok or
// FAIL, and axe-core against WCAG 2.1 A/AA. No npm imports here: each test passes in axe-core's source from its own
// node_modules.
//
//   import { browserChecks } from '../../../../shared-model/src/test/browser/checks.mjs';
//   const { check, step, axe, results, axeSummary } = browserChecks(AXE_SOURCE);

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export function browserChecks(axeSource) {
  const results = { passed: 0, failed: 0 };
  const axeSummary = [];

  function check(condition, message) {
    if (!condition) {
      throw new Error('check failed: ' + message);
    }
    results.passed++;
  }

  async function step(name, body) {
    const t0 = Date.now();
    try {
      await body();
      console.log(`[browser] ok   ${name} (${Date.now() - t0} ms)`);
    } catch (error) {
      results.failed++;
      console.log(`[browser] FAIL ${name}: ${error.stack || error}`);
      throw error;
    }
  }

  async function axe(page, label) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return {
        violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
        passes: r.passes.length,
        incomplete: r.incomplete.map((v) => v.id),
      };
    }, WCAG_21_AA);
    axeSummary.push(`${label}: ${result.violations.length} violations, ${result.passes} rules passed, incomplete: [${result.incomplete.join(', ')}]`);
    for (const v of result.violations) {
      console.log(`[browser] axe ${label}: ${v.impact} ${v.id} – ${v.help} at ${v.nodes.join(' | ')}`);
    }
    check(result.violations.length === 0, `axe-core finds no WCAG 2.1 A/AA violation on ${label}`);
  }

  return { check, step, axe, results, axeSummary };
}
