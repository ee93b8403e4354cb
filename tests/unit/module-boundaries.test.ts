import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** The project's own lint configuration, on a text written as if it were the given file. */
async function lintMessages(filePath: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

// Loading the whole lint configuration takes seconds on a busy machine: a generous limit, never an assertion on speed.
describe("module boundaries (eslint.config.mjs)", { timeout: 60_000 }, () => {
  it("refuses an import that closes a cycle between src/server modules, naming the cycle", async () => {
    // workflow imports access, so access may not import workflow.
    const messages = await lintMessages(
      "src/server/access/probe.ts",
      'import { quesitoStateLabels } from "@/server/workflow/states";\nexport const labels = quesitoStateLabels;\n',
    );
    expect(messages).toEqual([
      expect.stringMatching(/^local\/no-server-module-cycles: Ciclo tra moduli di src\/server: access → workflow → access\b/),
    ]);
  });

  it("lets a module import a lower one, its own files, and lets tests beside the code reach any module", async () => {
    expect(
      await lintMessages(
        "src/server/workflow/probe.ts",
        'import { requestAccessWhere } from "@/server/access/request-access";\nimport { quesitoStateLabels } from "./states";\nexport const both = [requestAccessWhere, quesitoStateLabels];\n',
      ),
    ).toEqual([]);
    expect(
      await lintMessages(
        "src/server/access/probe.test.ts",
        'import { quesitoStateLabels } from "@/server/workflow/states";\nexport const labels = quesitoStateLabels;\n',
      ),
    ).toEqual([]);
  });

  it("keeps src/ui and src/lib free of src/server, by alias or by relative path", async () => {
    const fromUi = await lintMessages(
      "src/ui/Probe.tsx",
      'import { getConfig } from "@/server/config";\nexport const config = getConfig;\n',
    );
    const fromLib = await lintMessages("src/lib/probe.ts", 'import { logger } from "../server/logger";\nexport const log = logger;\n');
    for (const messages of [fromUi, fromLib]) {
      expect(messages).toEqual([expect.stringContaining("no-restricted-imports: ")]);
      expect(messages[0]).toContain("src/ui e src/lib non importano da src/server");
    }
  });
});
