import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { childOf, fileConcern, getConcern, runnerPerTest, token } from "./helpers";

/** One Idempotency-Key stands for one request: the same key with another body is refused, never answered with someone else's concern. */
const startRunner = runnerPerTest();

let sofia: Awaited<ReturnType<typeof childOf>>;
beforeAll(async () => {
  sofia = await childOf("parent", "Maria Alvarez");
  await token("parent");
});

const filedText = async (id: string) => (await getConcern(id)).timeline.find((e) => e.type === "filed")?.text;

describe("a reused Idempotency-Key", () => {
  it("with the same body answers the first concern; with another body, 422 idempotency_key_reused and nothing filed", async () => {
    await startRunner({ timeScale: 1 });
    const key = randomUUID();
    const first = await fileConcern({ ...sofia, description: "Extended time was not given on Monday." }, { key });
    expect(first.status).toBe(201);
    const again = await fileConcern({ ...sofia, description: "Extended time was not given on Monday." }, { key });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const open = (await queryAll(keys.openConcerns())).length;
    const other = await fileConcern({ ...sofia, description: "The seating plan was ignored." }, { key });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ error: "idempotency_key_reused" });
    expect(other.body.id).toBeUndefined();
    expect((await queryAll(keys.openConcerns())).length).toBe(open);
    expect(await filedText(first.body.id)).toBe("Extended time was not given on Monday.");
  });

  it("20 different bodies at once under one key: one is filed with its own text, the other 19 get 422", async () => {
    await startRunner({ timeScale: 1 });
    const key = randomUUID();
    const open = (await queryAll(keys.openConcerns())).length;
    const texts = Array.from({ length: 20 }, (_, i) => `Parallel filing number ${i}: extended time was not given.`);
    const answers = await Promise.all(texts.map((description) => fileConcern({ ...sofia, description }, { key })));
    const statuses = answers.map((a) => a.status);
    const winners = answers.map((a, i) => ({ ...a, sent: texts[i]! })).filter((a) => a.status === 201 || a.status === 200);
    expect(winners, statuses.join()).toHaveLength(1);
    expect(statuses.filter((s) => s === 422)).toHaveLength(19);
    for (const loser of answers.filter((a) => a.status === 422)) expect(loser.body).toMatchObject({ error: "idempotency_key_reused" });
    // The one answer that names a concern names the text that client sent.
    expect(await filedText(winners[0]!.body.id)).toBe(winners[0]!.sent);
    expect((await queryAll(keys.openConcerns())).length).toBe(open + 1);
  });
});
