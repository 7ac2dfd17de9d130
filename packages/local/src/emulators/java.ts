import { spawnSync } from "node:child_process";

export const javaInstallHint =
  "Install Java 17 or newer, for example: sudo apt-get install -y openjdk-17-jre-headless (Debian/Ubuntu) or brew install openjdk@17 (macOS).";

/** DynamoDB Local is a Java program; fail at once with the install command rather than hang later. */
export function requireJava(): void {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(`Java was not found, and DynamoDB Local needs it. ${javaInstallHint}`);
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < 17) throw new Error(`Java ${major} is too old for DynamoDB Local. ${javaInstallHint}`);
}
