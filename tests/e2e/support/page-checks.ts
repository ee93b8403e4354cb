import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * What every page the e2e suite visits must pass (docs/decisions/0013):
 * no Content-Security-Policy violation, reflow at 320 CSS px (WCAG 1.4.10)
 * and no WCAG 2.1 A/AA violation found by axe. Specs call `checkPage` on each
 * page they reach, so a new spec gets every check by calling one function.
 */
export async function checkPage(page: Page, { axe = true }: { axe?: boolean } = {}): Promise<void> {
  // A check right after a click may meet a navigation still in flight (no document yet): wait for the page first.
  await page.waitForLoadState("load");
  await expectNoCspViolations(page);
  await expectReflowAt320(page);
  if (axe) await expectNoAxeViolations(page);
}

/**
 * Chromium files every CSP violation of the document as a DevTools issue and
 * replays the stored ones when the Audits domain is enabled, so a check made
 * after the page loaded still sees what was blocked while it loaded — in
 * contexts without JavaScript too, where an init script would never run.
 */
async function expectNoCspViolations(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const violations: string[] = [];
  session.on("Audits.issueAdded", ({ issue }) => {
    const details = issue.details.contentSecurityPolicyIssueDetails;
    if (issue.code !== "ContentSecurityPolicyIssue" || !details) return;
    const where = details.sourceCodeLocation
      ? ` in ${details.sourceCodeLocation.url}:${details.sourceCodeLocation.lineNumber + 1}:${details.sourceCodeLocation.columnNumber + 1}`
      : "";
    violations.push(
      `${details.violatedDirective} (${details.contentSecurityPolicyViolationType})${details.blockedURL ? ` ${details.blockedURL}` : ""}${where}`,
    );
  });
  // The stored issues arrive as events before the answer to `enable`.
  await session.send("Audits.enable");
  await session.detach();
  expect(violations, `Violazioni della Content-Security-Policy su ${page.url()}`).toEqual([]);
}

const REFLOW_WIDTH = 320;

/** Narrows the viewport to 320 CSS px, checks that nothing scrolls sideways, and restores it. */
async function expectReflowAt320(page: Page): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  await page.setViewportSize({ width: REFLOW_WIDTH, height: viewport.height });
  try {
    const problems = await page.evaluate((limit) => {
      const width = document.documentElement.scrollWidth;
      if (width <= limit) return [];
      const describe = (element: Element) => {
        const classes = [...element.classList]
          .slice(0, 3)
          .map((name) => `.${name}`)
          .join("");
        const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
        return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${classes} «${text}»`;
      };
      const tooWide = (element: Element) => element.getBoundingClientRect().right > limit + 0.5;
      // The outermost element of each branch that sticks out is the one to fix, or one
      // positioned out of its scrolling container (its containing block is further up).
      const escapes = (element: Element) => ["absolute", "fixed"].includes(getComputedStyle(element).position);
      const culprits = [...document.body.querySelectorAll("*")].filter(
        (element) => tooWide(element) && (escapes(element) || !(element.parentElement && tooWide(element.parentElement))),
      );
      return [`larga ${width} px`, ...culprits.slice(0, 10).map(describe)];
    }, REFLOW_WIDTH);
    expect(problems, `La pagina ${page.url()} scorre in orizzontale a ${REFLOW_WIDTH} px`).toEqual([]);
  } finally {
    await page.setViewportSize(viewport);
  }
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(violations, `Violazioni di accessibilità su ${page.url()}`).toEqual([]);
}
