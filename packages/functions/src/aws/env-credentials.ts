import { fromEnv } from "@aws-sdk/credential-provider-env";

/**
 * Stands in for `@aws-sdk/credential-provider-node` in the Lambda bundles (see api/bundle-options.ts).
 * Lambda hands the function role's credentials to the process as environment variables, so the
 * default chain's SSO, STS, INI and IMDS providers, which would only add to the
 * bundle, never run there (sizes: docs/benchmarks.md).
 */
export const defaultProvider = () => fromEnv();
