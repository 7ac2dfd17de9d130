import { describe, expect, it } from "vitest";
import { bootstrapDistrict, District, starterSettings } from "@fidelio/core/district";
import { User } from "@fidelio/core/user";

describe("the first district of a deployment", () => {
  it("writes the district, its administrator and the claim on their address in one go, and never twice", async () => {
    const { district, admin } = await bootstrapDistrict({
      name: "Lakeside Unified",
      settings: { ...starterSettings(2026), timeZone: "America/Chicago" },
      admin: { email: " It.Admin@Lakeside.example ", name: "Pat Lee" },
    });
    expect(await District.load(district.id)).toMatchObject({
      name: "Lakeside Unified",
      timeZone: "America/Chicago",
      calendar: { firstDay: "2026-08-15", lastDay: "2027-06-15" },
      version: 1,
    });
    expect(await User.byEmail("it.admin@lakeside.example")).toMatchObject({
      id: admin.id,
      districtId: district.id,
      roles: ["district_admin"],
      name: "Pat Lee",
    });

    await expect(
      bootstrapDistrict({ name: "Again", settings: starterSettings(2026), admin: { email: "it.admin@lakeside.example", name: "Pat" } }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("refuses a malformed address or time zone before writing", async () => {
    await expect(bootstrapDistrict({ name: "X", settings: starterSettings(), admin: { email: "not-an-address", name: "P" } })).rejects.toMatchObject({
      name: "ValiError",
    });
    await expect(
      bootstrapDistrict({ name: "X", settings: { ...starterSettings(), timeZone: "Mars/Base" }, admin: { email: "p@x.example", name: "P" } }),
    ).rejects.toMatchObject({ name: "ValiError" });
  });
});
