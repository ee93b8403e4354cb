// A local ESLint plugin: the modules of src/server form a graph without
// cycles (see server-modules.mjs). The graph is read from disk once per
// ESLint run; an import that makes the imported module reach back to the
// importing one is reported where it is written.
import path from "node:path";
import { moduleOfPath, moduleOfSpecifier, modulePath, projectModuleGraph } from "./server-modules.mjs";

const graphs = new Map();

function graphFor(root) {
  if (!graphs.has(root)) graphs.set(root, projectModuleGraph(root));
  return graphs.get(root);
}

const noServerModuleCycles = {
  meta: {
    type: "problem",
    docs: { description: "Forbids imports that close a cycle between the modules of src/server." },
    schema: [],
  },
  create(context) {
    const filePath = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const from = moduleOfPath(filePath);
    if (!from) return {};

    function check(node) {
      if (!node.source || typeof node.source.value !== "string") return;
      const to = moduleOfSpecifier(node.source.value, filePath);
      if (!to || to === from) return;
      const back = modulePath(graphFor(context.cwd), to, from);
      if (!back) return;
      context.report({
        node: node.source,
        message: `Ciclo tra moduli di src/server: ${[from, ...back].join(" → ")}. Il codice che serve a entrambi va nel modulo più in basso.`,
      });
    }

    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const moduleBoundaries = { rules: { "no-server-module-cycles": noServerModuleCycles } };
