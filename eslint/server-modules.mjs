// The dependency graph between the modules of src/server (its first-level
// folders; a file directly in src/server is a module of its own), read from
// the import specifiers of every source file. Files of one module may import
// each other freely; modules must form a graph without cycles, so that each
// has a place: lower modules never reach back to the ones that use them.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
// Tests beside the code may reach any module, as tests/ does: they are not what the module depends on.
const TEST = /\.test\.[a-z]+$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bvi\.mock\(\s*)["'`]([^"'`]+)["'`]/g;

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) ? [full] : [];
  });
}

/** The import specifiers written in a source text. */
export function importSpecifiers(text) {
  return [...text.matchAll(SPECIFIER)].map((match) => match[1]);
}

/** The src/server module a path (relative to the project root, with "/" separators) belongs to, or null outside src/server. */
export function moduleOfPath(projectPath) {
  const match = /^src\/server\/([^/]+?)(?:\/|\.[a-z]+$)/.exec(projectPath);
  return match ? match[1] : null;
}

/** The src/server module a specifier written in `fromPath` names, or null when it names none. */
export function moduleOfSpecifier(specifier, fromPath) {
  if (specifier.startsWith("@/server/")) return moduleOfPath(`src/server/${specifier.slice("@/server/".length)}/`);
  if (specifier.startsWith(".")) return moduleOfPath(path.posix.join(path.posix.dirname(fromPath), specifier) + "/");
  return null;
}

/** Module → modules it imports, from { path, text } pairs of source files (paths relative to the project root). */
export function moduleGraph(files) {
  const graph = new Map();
  for (const { path: filePath, text } of files) {
    const from = moduleOfPath(filePath);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const specifier of importSpecifiers(text)) {
      const to = moduleOfSpecifier(specifier, filePath);
      if (to && to !== from && !graph.get(from).has(to)) graph.get(from).set(to, filePath);
    }
  }
  return graph;
}

/** A path of modules from `start` to `goal` (both included), or null when there is none. */
export function modulePath(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === goal) {
      const route = [];
      for (let step = goal; step !== null; step = previous.get(step)) route.unshift(step);
      return route;
    }
    for (const next of graph.get(current)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}

/** Every import between modules that closes a cycle, as [from, to, back path]. */
export function moduleCycles(graph) {
  const cycles = [];
  for (const [from, targets] of graph) {
    for (const to of targets.keys()) {
      const back = modulePath(graph, to, from);
      if (back) cycles.push([from, to, back]);
    }
  }
  return cycles;
}

/** The graph of the project's src/server, read from disk. */
export function projectModuleGraph(root) {
  const files = sourceFiles(path.join(root, "src/server")).map((file) => ({
    path: path.relative(root, file).split(path.sep).join("/"),
    text: readFileSync(file, "utf8"),
  }));
  return moduleGraph(files);
}
