/**
 * The layer rules `npm run lint` checks (dependency-cruiser). Paths are relative to the repository root.
 * Type-only imports count here: a layer may not even name the types of a layer above it.
 * The web's runtime imports have their own check: .dependency-cruiser.web.cjs.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-outer-layer",
      comment: "packages/core holds the rules and storage; functions, local, infra and web build on it, never the other way round.",
      severity: "error",
      from: { path: "^packages/core/" },
      to: { path: "^(packages/(functions|local)|infra|web)/" },
    },
    {
      name: "functions-imports-no-local",
      comment: "The Lambda code runs on AWS; the local stack (emulators, runners) wraps it and must not leak into it.",
      severity: "error",
      from: { path: "^packages/functions/" },
      to: { path: "^packages/local/" },
    },
    {
      name: "dynamodb-client-only-in-core-dynamo",
      comment:
        "Keys, expressions and the client live in packages/core/src/dynamo. The benchmarks time raw commands as the floor the app's requests are compared with; tests are not cruised.",
      severity: "error",
      from: { pathNot: ["^packages/core/src/dynamo/", "^packages/local/src/bench(/|\\.ts$)"] },
      to: { path: "node_modules/@aws-sdk/(client-dynamodb|lib-dynamodb)/" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    // Build output, never npm packages' own dist folders.
    exclude: { path: "^(dist|web/dist|\\.sst|cdk\\.out)/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
