/**
 * What the web app loads at run time (`npm run lint`): only types, schemas and pure helpers from core.
 * Run over web/src without type-only imports (the typed API client names the API's types, which is fine),
 * so every path here is code the browser would execute.
 */
const { builtinModules } = require("node:module");
const { options } = require("./.dependency-cruiser.cjs");

const nodeBuiltin = `^(node:)?(${builtinModules.join("|")})$`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "web-reaches-no-aws-sdk",
      comment: "Nothing the browser loads may pull in an AWS SDK or core's storage module (packages/core/src/dynamo).",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: ["node_modules/@aws-sdk/", "^packages/core/src/dynamo/"], reachable: true },
    },
    {
      name: "web-reaches-no-node-builtins",
      comment: "The browser has no Node modules: whatever the web loads from core is a pure helper or a schema.",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: nodeBuiltin, reachable: true },
    },
    {
      name: "web-imports-only-types-from-functions",
      comment: "The web names the API's types (hc<Api>); it runs none of the server's code.",
      severity: "error",
      from: { path: "^web/src/" },
      to: { path: "^packages/functions/" },
    },
  ],
  options: { ...options, tsPreCompilationDeps: false },
};
