import { vi } from "vitest";
import type { UserActor, Role } from "@fidelio/core/actor";
import { District } from "@fidelio/core/district";
import { dynamo, getItem, keys, queryAll, transact } from "@fidelio/core/dynamo";
import { newId } from "@fidelio/core/id";
import { User, type SignInUser } from "@fidelio/core/user";
import { demoSettings } from "@fidelio/local/demo/seed";

/** A fresh district and an account with `roles` in it, written directly (no roster). */
export async function newDistrict(roles: Role[] = ["district_admin"], email = `admin-${Date.now()}-${Math.random().toString(36).slice(2)}@test.fidelio.test`) {
  const districtId = newId("dis");
  await District.create({ id: districtId, name: "Test District", ...demoSettings });
  const actor = await newAccount(districtId, email, roles);
  return { districtId, actor };
}

export async function newAccount(districtId: string, email: string, roles: Role[]): Promise<UserActor> {
  const user: SignInUser = { id: newId("usr"), email, name: "Test Account", districtId, roles, schoolIds: [] };
  const items = User.toItems(user);
  await transact([
    { put: items.user, condition: "attribute_not_exists(pk)" },
    { put: items.email, condition: "attribute_not_exists(pk)" },
  ]);
  return User.toActor(user);
}

const csv = (rows: string[]) => `${rows.join("\n")}\n`;

/**
 * A small roster: two schools, two grade-3 students (one guardian linked from the student, one from
 * the guardian), two teachers in two classes, a case manager, a director, and IEP rows in which
 * the calculator applies only in math. `domain` keeps emails apart when a file imports it twice.
 */
export function rosterCsv(domain = "lincoln.test"): Record<string, string> {
  return {
    "orgs.csv": csv([
      "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId",
      "d1,active,2026-08-01,Lincoln Unified,district,,",
      "s1,active,2026-08-01,Lincoln Elementary,school,,d1",
      "s2,active,2026-08-01,Lincoln Middle,school,,d1",
    ]),
    "users.csv": csv([
      "sourcedId,status,orgSourcedIds,role,givenName,familyName,email,agentSourcedIds,grades",
      `t1,active,s1,teacher,Tina,Reading,t1@${domain},,`,
      `t2,active,s1,teacher,Tom,Math,t2@${domain},,`,
      `cm1,active,s1,teacher,Carla,Case,cm@${domain},,`,
      `a1,active,d1,administrator,Dora,Director,dir@${domain},,`,
      `st1,active,s1,student,Ana,Lopez,,g1,"03,04"`,
      `st2,active,s1,student,Ben,Ruiz,,,03`,
      `g1,active,s1,parent,Gloria,Lopez,G1@${domain.toUpperCase()},,`,
      `g2,active,s1,guardian,Raul,Ruiz,g2@${domain},st2,`,
      `st3,tobedeleted,s1,student,Gone,Away,,,03`,
    ]),
    "classes.csv": csv(["sourcedId,status,title,schoolSourcedId", "c1,active,Grade 3 Reading,s1", "c2,active,Grade 3 Math,s1"]),
    "enrollments.csv": csv([
      "sourcedId,status,classSourcedId,schoolSourcedId,userSourcedId,role",
      "e1,active,c1,s1,t1,teacher",
      "e2,active,c2,s1,t2,teacher",
      "e3,active,c1,s1,st1,student",
      "e4,active,c2,s1,st1,student",
      "e5,active,c1,s1,st2,student",
      "e6,active,c1,s1,st3,student",
    ]),
    "fidelio_roles.csv": csv(["userSourcedId,role", "cm1,case_manager", "a1,director"]),
    "fidelio_caseload.csv": csv(["studentSourcedId,caseManagerSourcedId", "st1,cm1"]),
    "fidelio_iep_items.csv": csv([
      "studentSourcedId,effectiveFrom,itemType,itemId,text,minutesPerWeek,providerRole,area,classSourcedIds",
      "st1,2026-09-01,accommodation,a-time,Extended time on tests,,,,",
      "st1,2026-09-01,accommodation,a-calc,Calculator for computation,,,,c2",
      "st1,2026-09-01,modification,m-items,Reduced number of items,,,,",
      "st1,2026-09-01,service,s-read,Specialized reading instruction,120,Special education teacher,,",
      `st1,2026-09-01,goal,g-read,"Reads 90 words correct per minute, 4 of 5 probes",,,Reading,`,
      "st2,2026-09-15,accommodation,a-seat,Preferential seating,,,,",
    ]),
  };
}

export const toFiles = (csvs: Record<string, string>) => Object.entries(csvs).map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text) }));

/** Everything the district holds that an import writes, to compare before and after. */
export async function snapshot(districtId: string) {
  const district = await queryAll({ pk: keys.district(districtId).pk });
  const students = await queryAll<{ id: string }>(keys.studentsOfDistrict(districtId));
  const partitions = await Promise.all(students.map((s) => queryAll(keys.studentPartition(s.id))));
  const userIds = district.filter((item) => item.kind === "user").map((item) => String(item.id));
  const users = await Promise.all(userIds.map((id) => getItem(keys.user(id), true)));
  return { district, partitions, users };
}

/** The names of the write commands sent to DynamoDB while `run` runs (reads pass through untouched). */
export async function writesDuring(run: () => Promise<unknown>) {
  const client = dynamo();
  const original = client.send.bind(client);
  const writes: string[] = [];
  const spy = vi.spyOn(client, "send").mockImplementation(((command: { constructor: { name: string } }, ...rest: unknown[]) => {
    const name = command.constructor.name;
    if (/Put|Write|Update|Delete/.test(name)) writes.push(name);
    return (original as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof client.send);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return writes;
}

type PolledJob = {
  status: string;
  progress: { done: number; total: number };
  summary?: Record<string, unknown>;
  plan?: { endingRoles: number; needsTypedCount: boolean; rolesEnded: unknown[]; warnings: unknown[] };
  error?: unknown;
};

/** Polls GET /api/admin/roster/jobs/:id until the job has planned (or failed); returns its state, plan included. */
export async function jobUntilPlanned(token: string, jobId: string, timeoutMs = 60_000) {
  return pollJob(token, jobId, ["awaiting_confirmation", "done", "failed"], timeoutMs);
}

/**
 * Polls GET /api/admin/roster/jobs/:id until the job is done or failed, confirming its plan over the
 * API on the way (typing the count when the plan asks for it); returns its last state.
 */
export async function jobUntilEnd(token: string, jobId: string, timeoutMs = 60_000) {
  const { call } = await import("../support/api");
  const planned = await jobUntilPlanned(token, jobId, timeoutMs);
  if (planned.status !== "awaiting_confirmation") return planned;
  const confirmed = await call(`/api/admin/roster/jobs/${jobId}/confirm`, {
    method: "POST",
    token,
    body: planned.plan?.needsTypedCount ? { endCount: planned.plan.endingRoles } : {},
  });
  if (confirmed.status !== 202) throw new Error(`confirm answered ${confirmed.status}: ${await confirmed.text()}`);
  return pollJob(token, jobId, ["done", "failed"], timeoutMs);
}

async function pollJob(token: string, jobId: string, until: string[], timeoutMs: number): Promise<PolledJob> {
  const { call } = await import("../support/api");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await call(`/api/admin/roster/jobs/${jobId}`, { token });
    const job = (await response.json()) as PolledJob;
    if (response.status !== 200) throw new Error(`job answered ${response.status}: ${JSON.stringify(job)}`);
    if (until.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const rolesOf12: Record<string, string> = { administrator: "districtAdministrator" };

/**
 * The same roster as `rosterCsv`, as a OneRoster 1.2 set (written from the 1.2 CSV binding): a
 * manifest saying 1.2, users.csv without `role` and `orgSourcedIds`, and roles.csv with one primary
 * row per user and organization.
 */
export function rosterCsv12(domain = "lincoln.test"): Record<string, string> {
  const v11 = rosterCsv(domain);
  const users = v11["users.csv"]!.trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [sourcedId, status, orgs, role, given, family, email, agents, ...grades] = line.split(",");
      return {
        sourcedId: sourcedId!,
        status: status!,
        orgs: orgs!,
        role: role!,
        given: given!,
        family: family!,
        email: email!,
        agents: agents!,
        grades: grades.join(","),
      };
    });
  return {
    "manifest.csv": csv([
      "propertyName,value",
      "manifest.version,1.0",
      "oneroster.version,1.2",
      "file.orgs,bulk",
      "file.users,bulk",
      "file.roles,bulk",
      "file.userProfiles,absent",
    ]),
    "orgs.csv": v11["orgs.csv"]!,
    "users.csv": csv([
      "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns",
      ...users.map((u) =>
        [
          u.sourcedId,
          u.status,
          "2026-08-01T00:00:00.000Z",
          "true",
          u.sourcedId,
          "",
          u.given,
          u.family,
          "",
          "",
          u.email,
          "",
          "",
          u.agents,
          u.grades,
          "",
          "",
          "",
          "",
          "",
          "",
          u.orgs,
          "",
        ].join(","),
      ),
    ]),
    "roles.csv": csv([
      "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId",
      ...users.map((u) =>
        [`r-${u.sourcedId}`, "active", "2026-08-01T00:00:00.000Z", u.sourcedId, "primary", rolesOf12[u.role] ?? u.role, "2026-08-15", "", u.orgs, ""].join(","),
      ),
    ]),
    "userProfiles.csv": csv([
      "sourcedId,status,dateLastModified,userSourcedId,profileType,vendorId,applicationId,description,credentialType,username,password",
    ]),
    "classes.csv": v11["classes.csv"]!,
    "enrollments.csv": v11["enrollments.csv"]!,
    "fidelio_roles.csv": v11["fidelio_roles.csv"]!,
    "fidelio_caseload.csv": v11["fidelio_caseload.csv"]!,
    "fidelio_iep_items.csv": v11["fidelio_iep_items.csv"]!,
  };
}

/** What a district holds after an import, in sourcedIds and names (no generated ids), to compare two imports. */
export async function districtShape(districtId: string) {
  const { Student } = await import("@fidelio/core/student");
  const students = await queryAll<{ id: string; firstName: string; lastName: string; grade: string; schoolName: string; sourcedId: string }>(
    keys.studentsOfDistrict(districtId),
  );
  return Promise.all(
    students.map(async (s) => {
      const record = (await Student.load(s.id))!;
      const rels = record.relationships.map((r) => [r.userName, r.kind, r.classes ?? [], r.accommodationIds ?? "all"]);
      const ieps = record.ieps.map(({ version, effectiveFrom, accommodations, modifications, services, goals }) => ({
        version,
        effectiveFrom,
        accommodations,
        modifications,
        services,
        goals,
      }));
      return [s.sourcedId, s.firstName, s.lastName, s.grade, s.schoolName, rels.sort(), ieps];
    }),
  );
}
