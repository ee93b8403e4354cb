import { checkPage } from "./page-checks";

/**
 * The per-page check under its first name, kept so that specs written against
 * it get every check of `checkPage` (axe, CSP, reflow at 320 px) as well.
 */
export const expectNoAccessibilityViolations = checkPage;
