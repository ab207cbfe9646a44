/** Layer rules of docs/architecture.md: each layer imports only the layers below it. */
const layer = (name, allowed) => ({
  name: `${name}-layer`,
  comment: `${name} may import only: ${allowed.join(", ") || "nothing of ours"}`,
  severity: "error",
  from: { path: `^src/${name}/` },
  to: { path: "^src/", pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`)] },
});

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", from: {}, to: { circular: true } },
    layer("domain", []),
    layer("machine", ["domain"]),
    layer("ports", ["domain"]),
    layer("engine", ["domain", "machine", "ports"]),
    layer("adapters", ["domain", "ports"]),
    layer("testing", ["domain", "ports"]),
    layer("http", ["domain", "engine", "ports"]),
    layer("compose", ["domain", "engine", "ports", "adapters", "machine"]),
    layer("conformance", ["domain", "engine", "ports", "adapters", "http", "machine", "compose"]),
    layer("simulation", ["domain", "engine", "ports", "adapters", "machine", "compose"]),
    {
      name: "simulation-uses-the-public-engine",
      comment:
        "the simulator drives the engine through its facade (engine.ts), never its internals",
      severity: "error",
      from: { path: "^src/simulation/" },
      to: { path: "^src/engine/", pathNot: "^src/engine/engine\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
