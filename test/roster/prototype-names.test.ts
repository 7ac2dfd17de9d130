import { beforeAll, describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { keys, queryAll } from "@fidelio/core/dynamo";
import { call, signIn } from "../support/api";
import { jobUntilEnd, newDistrict, rosterCsv } from "./fixture";

/** Names chosen by the uploader are never looked up on an object's prototype. */
const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "__proto__.csv", "constructor.csv"];

describe("roster files and columns named like Object.prototype members", () => {
  let token: string;
  let districtId: string;
  const email = `proto-admin-${Date.now()}@proto.test`;

  beforeAll(async () => {
    ({ districtId } = await newDistrict(["district_admin"], email));
    token = await signIn(email);
  });

  const upload = async (files: Array<{ name: string; bytes: Uint8Array }>) => {
    const form = new FormData();
    for (const file of files) form.append("files", new File([new Uint8Array(file.bytes)], file.name, { type: "text/csv" }));
    const response = await call("/api/admin/roster", { method: "POST", token, form });
    return { status: response.status, body: (await response.json()) as { id?: string; errors?: Array<{ file: string; message: string }> } };
  };
  const valid = () => Object.entries(rosterCsv("proto.test")).map(([name, text]) => ({ name, bytes: strToU8(text) }));

  it.each(names)("an upload named %s answers 400 naming the file", async (name) => {
    const { status, body } = await upload([...valid(), { name, bytes: strToU8("a,b\n1,2\n") }]);
    expect(status).toBe(400);
    expect(body.errors).toContainEqual(expect.objectContaining({ file: name, message: expect.stringContaining("Not a file Fidelio reads") }));
  });

  it.each(names)("a zip entry named %s answers 400 naming the file", async (name) => {
    const zip = zipSync({ ...Object.fromEntries(valid().map((f) => [f.name, f.bytes])), [`export/${name}`]: strToU8("a,b\n1,2\n") });
    const { status, body } = await upload([{ name: "roster.zip", bytes: zip }]);
    expect(status).toBe(400);
    expect(body.errors).toContainEqual(expect.objectContaining({ file: name }));
  });

  it("columns named __proto__, constructor or toString are ignored like any unknown column", async () => {
    const files = valid().map((f) =>
      f.name === "users.csv"
        ? {
            name: f.name,
            bytes: strToU8(
              new TextDecoder()
                .decode(f.bytes)
                .replace(/^sourcedId,/, "__proto__,constructor,toString,sourcedId,")
                .replace(/\n(?=.)/g, "\nx,y,z,"),
            ),
          }
        : f,
    );
    const { status, body } = await upload(files);
    expect(status).toBe(202);
    expect(await jobUntilEnd(token, body.id!)).toMatchObject({ status: "done", summary: { byKind: { user: { created: 6 } } } });
    expect(await queryAll(keys.sourceIdsOf(districtId))).not.toEqual([]);
  });

  it("nothing was written by the rejected uploads before it", async () => {
    // Checked through the source map of a second, untouched district.
    const { districtId: untouched, actor } = await newDistrict(["district_admin"], `proto2-${Date.now()}@proto.test`);
    token = await signIn(actor.email);
    const { status } = await upload([...valid(), { name: "__proto__", bytes: strToU8("a\n") }]);
    expect(status).toBe(400);
    expect(await queryAll(keys.sourceIdsOf(untouched))).toEqual([]);
  });
});
