import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Config } from "@fidelio/core/config";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { seedDemo } from "../support/demo-table";
import { call } from "../support/api";
import { codeAfter, emailsTo, type StoredEmail } from "../support/mail";
import { startWorkflowRunner } from "../support/workflow";
import { childOf, email, waiting } from "../concerns/helpers";

let runner: Awaited<ReturnType<typeof startWorkflowRunner>> | undefined;
afterAll(() => runner?.stop());

/** Signs in as the page would: `language` in both requests, or only the browser's Accept-Language. */
async function signInFrom(address: string, page: { language?: "en" | "es"; acceptLanguage?: string }) {
  const headers: Record<string, string> = page.acceptLanguage ? { "accept-language": page.acceptLanguage } : {};
  const body = page.language ? { language: page.language } : {};
  const code = await codeAfter(address, async () => expect((await call("/api/auth/start", { body: { email: address, ...body }, headers })).status).toBe(202));
  const verify = await call("/api/auth/verify", { body: { email: address, code, ...body }, headers });
  expect(verify.status).toBe(200);
  return ((await verify.json()) as { token: string }).token;
}

const me = async (token: string) => (await (await call("/api/me", { token })).json()) as { language: string | null };

async function waitFor(address: string, test: (mail: StoredEmail) => boolean): Promise<StoredEmail> {
  for (let i = 0; i < 300; i++) {
    const found = (await emailsTo(address)).find(test);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No matching email to ${address}`);
}

/** Every link in an email's text: each must be absolute, from the one configured public URL. */
const linksOf = (mail: StoredEmail) => [...(mail.body.text ?? "").matchAll(/:\s(\S*\/(?:concerns|fidelity|caseload)\S*)/g)].map((m) => m[1]!);

const tokens: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo();
  runner = await startWorkflowRunner({ timeScale: 1 });
});

describe("the language of the page someone signs in from", () => {
  it("is stored for a person who had none, from the request's `language`", async () => {
    tokens.parent = await signInFrom(email("parent"), { language: "es" });
    expect((await me(tokens.parent)).language).toBe("es");
  });

  it("falls back to Accept-Language, and never replaces a language already stored", async () => {
    tokens.teacher = await signInFrom(email("teacher"), { acceptLanguage: "es-MX,es;q=0.9,en;q=0.8" });
    expect((await me(tokens.teacher)).language).toBe("es");
    await signInFrom(email("teacher"), { language: "en", acceptLanguage: "en-US" });
    expect((await me(tokens.teacher)).language).toBe("es");
  });

  it("sends the sign-in code in the page's language first", async () => {
    await signInFrom(email("parent2"), { language: "es" });
    const [latest] = (await emailsTo(email("parent2"))).slice(-1);
    expect(latest!.subject).toMatch(/^Código para entrar a Fidelio: \d{6}$/);
    expect(latest!.body.text!.split("\n")[0]).toMatch(/^Su código para entrar a Fidelio es \d{6}\./);
  });
});

describe("concern emails", () => {
  let id: string;

  it("reach the parent who signed in from the Spanish page in Spanish, and the teacher in theirs, with absolute links", async () => {
    const sofia = await childOf("parent", "Maria Alvarez");
    const filed = await call("/api/concerns", {
      token: tokens.parent,
      body: { ...sofia, description: "No le dieron tiempo adicional." },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(filed.status).toBe(201);
    id = ((await filed.json()) as { id: string }).id;
    const receipt = await waitFor(email("parent"), (m) => m.body.text?.includes(id) ?? false);
    expect(receipt.subject).toMatch(/^C-\d{4,} · Inquietud sobre Sofia Martinez$/);
    expect(receipt.body.text).toContain("Inquietud presentada");
    expect(receipt.body.html).toContain('lang="es"');
    const teacher = await waitFor(email("teacher"), (m) => m.body.text?.includes(id) ?? false);
    expect(teacher.subject).toBe(receipt.subject);
    expect(teacher.body.text).toContain("Su respuesta vence el");
    for (const mail of [receipt, teacher]) {
      const links = linksOf(mail);
      expect(links).toEqual([`${Config.appUrl()}/concerns/${id}`]);
      expect(new URL(links[0]!).protocol).toMatch(/^https?:$/);
    }
  });

  it("never go to the person whose action they report", async () => {
    const open = await waiting(id);
    expect(
      (await call(`/api/concerns/${id}/actions`, { token: tokens.teacher, body: { action: "request_info", text: "¿Qué examen fue?", version: open.version } }))
        .status,
    ).toBe(200);
    const question = await waitFor(email("parent"), (m) => (m.body.text?.includes(id) && m.body.text.includes("¿Qué examen fue?")) ?? false);
    expect(question.body.text).toContain("La escuela le hizo una pregunta. Por favor, contéstela antes del");
    const asked = await waiting(id, (c) => c.status === "awaiting_info");
    expect(
      (
        await call(`/api/concerns/${id}/actions`, {
          token: tokens.parent,
          body: { action: "provide_info", text: "El de matemáticas.", version: asked.version },
        })
      ).status,
    ).toBe(200);
    // The emails of a step are recorded in the step's own transaction: the answer's went to the teacher only.
    const records = await queryAll<{ role: string; text: string; to: string }>(keys.concernEmails(id));
    const aboutAnswer = records.filter((r) => r.text.includes("El de matemáticas."));
    expect(aboutAnswer.map((r) => r.to)).toEqual([email("teacher")]);
    const told = await waitFor(email("teacher"), (m) => m.body.text?.includes("El de matemáticas.") ?? false);
    expect(told.body.text).toContain("La familia respondió");
    // The teacher's question went to the parent and not back to the teacher.
    expect(records.filter((r) => r.text.includes("¿Qué examen fue?")).map((r) => r.to)).toEqual([email("parent")]);
  });
});
