import { beforeAll, describe, expect, it } from "vitest";
import { District } from "@fidelio/core/district";
import { zonedInstant } from "@fidelio/core/calendar";
import { queryAll, keys } from "@fidelio/core/dynamo";
import { weekDays, weekToRemind, remindDistrict } from "@fidelio/core/fidelity";
import { User } from "@fidelio/core/user";
import { Config } from "@fidelio/core/config";
import { handler } from "@fidelio/functions/cron/weekly-reminders";
import { demoDistrictId } from "@fidelio/local/demo/seed";
import { seedDemo } from "../support/demo-table";
import { emailsTo } from "../support/mail";
import { currentWeek, demo } from "./helpers";
import { ordinarySchoolDay, pinClock } from "../support/clock";

// Business time for this file (the run's FIDELIO_NOW when given): dates, weeks and deadlines depend on it.
pinClock(ordinarySchoolDay);

async function waitForEmails(address: string, subject: string, atLeast: number) {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const found = (await emailsTo(address)).filter((e) => e.subject.includes(subject));
    if (found.length >= atLeast) return found;
  }
  return (await emailsTo(address)).filter((e) => e.subject.includes(subject));
}

describe("weekly reminders", () => {
  let week = "";
  let fridayAfternoon: Date;
  beforeAll(async () => {
    await seedDemo();
    week = await currentWeek();
    fridayAfternoon = zonedInstant(weekDays(week)[4]!, "16:00:00", "America/Los_Angeles");
  });

  it("reminds about the school week once it has ended, else the week before", async () => {
    const district = (await District.load(demoDistrictId))!;
    expect(weekToRemind(district, fridayAfternoon)).toBe(week);
    const mondayMorning = zonedInstant(weekDays(week)[0]!, "09:00:00", "America/Los_Angeles");
    expect(weekToRemind(district, mondayMorning)).not.toBe(week);
  });

  it("emails each teacher with open forms and, after two open weeks in a row, the case manager; a second run sends nothing", async () => {
    const teacher2 = (await User.byEmail(demo("teacher2")))!;
    await User.setLanguage(User.toActor(teacher2), { language: "es" });
    const first = await remindDistrict(demoDistrictId, fridayAfternoon);
    expect(first.week).toBe(week);
    expect(first.teachers).toBeGreaterThan(3);
    // James Wright stopped three weeks ago: his students' case manager hears of it.
    expect(first.caseManagers).toBeGreaterThan(0);
    const second = await remindDistrict(demoDistrictId, fridayAfternoon);
    expect(second).toEqual({ week, teachers: 0, caseManagers: 0 });
    const teacherMail = await waitForEmails(demo("teacher"), "Fidelity forms still open", 1);
    expect(teacherMail).toHaveLength(1);
    expect(teacherMail[0]!.body.text).toContain("Sofia Martinez");
    const notice = await waitForEmails(demo("casemanager"), "two weeks in a row", 1);
    expect(notice).toHaveLength(1);
    expect(notice[0]!.body.text).toContain("James Wright");
    // teacher2@ chose Spanish before the run: their reminder is in Spanish.
    const spanish = await waitForEmails(demo("teacher2"), "Formularios de cumplimiento pendientes", 1);
    expect(spanish).toHaveLength(1);
    expect(spanish[0]!.subject).toMatch(/^Formularios de cumplimiento pendientes: semana del \d{1,2} de [a-z]+ de \d{4}$/);
    expect(spanish[0]!.body.text).toContain("Hola, ");
    expect(spanish[0]!.body.html).toContain('<div lang="es">');
    expect(teacherMail[0]!.body.html).toContain('<div lang="en">');
    // Every link is absolute, from the one configured public URL.
    expect(teacherMail[0]!.body.text).toContain(`: ${Config.appUrl()}/fidelity?week=${week}`);
    expect(spanish[0]!.body.text).toContain(`: ${Config.appUrl()}/fidelity?week=${week}`);
    expect(notice[0]!.body.text).toContain(`: ${Config.appUrl()}/caseload`);
    expect(Config.appUrl()).toMatch(/^https?:\/\//);
    const markers = await queryAll(keys.reminderSent(demoDistrictId, week, "TEACHER", "x"));
    expect(markers.length).toBe(first.teachers + first.caseManagers);
  });

  it("the scheduled handler walks every district and sends nothing twice either", async () => {
    const before = (await emailsTo(demo("teacher"))).length;
    const { results } = await handler();
    expect(results.map((r) => r.districtId)).toContain(demoDistrictId);
    await new Promise((r) => setTimeout(r, 1000));
    const again = await handler();
    expect(again.results.find((r) => r.districtId === demoDistrictId)).toMatchObject({ teachers: 0, caseManagers: 0 });
    // The real clock's week may be the one before; whichever it is, nothing went out twice.
    const subjects = (await emailsTo(demo("teacher"))).slice(before).map((e) => e.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
  });
});
