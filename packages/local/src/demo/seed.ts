import type { Role } from "@fidelio/core/actor";
import { District, defaultDeadlines, type DistrictSettings } from "@fidelio/core/district";
import { getItem, keys, putItem, putNew, transact } from "@fidelio/core/dynamo";
import { RosterRunner } from "@fidelio/core/roster/runner";
import { User, type SignInUser } from "@fidelio/core/user";
import { demoDomain } from "./catalog";
import { seedFidelityHistory } from "./history";
import { seedHelpRequests } from "./help";
import { seedMakeUpPlan } from "./make-up";
import { demoRosterFiles } from "./roster";
import { clock } from "@fidelio/core/clock";

/** Fixed ids, so the demo district is the same on every machine. */
export const demoDistrictId = "dis_01demo00000000000000000000";
export const demoAdminId = "usr_01demoadmin000000000000000";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  description: string;
}

/** The sign-in addresses the README and `npm start` show; the roster gives each its role. */
export const demoAccounts: DemoAccount[] = [
  {
    email: `admin@${demoDomain}`,
    name: "Dana Whitfield",
    role: "district_admin",
    description: "district administrator: settings, calendar, deadlines, roster import",
  },
  { email: `director@${demoDomain}`, name: "Linda Okafor", role: "director", description: "special-education director: every student in the district" },
  {
    email: `casemanager@${demoDomain}`,
    name: "Jennifer Park",
    role: "case_manager",
    description: "special-education teacher and case manager of the elementary caseload",
  },
  { email: `teacher@${demoDomain}`, name: "Maria Alvarez", role: "teacher", description: "grade 3 teacher at Riverbend Elementary; serves parent@'s child" },
  {
    email: `teacher2@${demoDomain}`,
    name: "David Chen",
    role: "teacher",
    description: "math teacher at Riverbend Middle; serves parent2@'s child, not parent@'s",
  },
  { email: `parent@${demoDomain}`, name: "Rosa Martinez", role: "parent", description: "parent of Sofia Martinez (grade 3, Riverbend Elementary)" },
  { email: `parent2@${demoDomain}`, name: "Michael Thompson", role: "parent", description: "parent of Ethan Thompson (grade 7, Riverbend Middle)" },
  { email: `advocate@${demoDomain}`, name: "Sam Rivera", role: "advocate", description: "outside advocate: sees only concerns handed to them" },
];

/** Riverbend's 2026-27 school year, with the usual US holidays and breaks. */
export const demoSettings: DistrictSettings = {
  calendar: {
    firstDay: "2026-08-19",
    lastDay: "2027-06-04",
    closures: [
      { from: "2026-09-07", to: "2026-09-07", name: "Labor Day" },
      { from: "2026-10-09", to: "2026-10-09", name: "Professional development day (no students)" },
      { from: "2026-10-12", to: "2026-10-12", name: "Indigenous Peoples' Day" },
      { from: "2026-11-11", to: "2026-11-11", name: "Veterans Day" },
      { from: "2026-11-25", to: "2026-11-27", name: "Thanksgiving break" },
      { from: "2026-12-21", to: "2027-01-01", name: "Winter break" },
      { from: "2027-01-18", to: "2027-01-18", name: "Martin Luther King Jr. Day" },
      { from: "2027-02-15", to: "2027-02-15", name: "Presidents' Day" },
      { from: "2027-03-22", to: "2027-03-26", name: "Spring break" },
      { from: "2027-05-31", to: "2027-05-31", name: "Memorial Day" },
    ],
  },
  deadlines: { ...defaultDeadlines },
  fidelityGraceDays: 2,
};

/**
 * Creates the demo district once: the district, its administrator, then everything else through the
 * real roster importer (OneRoster and Fidelio CSVs), then a marker. Every step is idempotent, so a
 * seed cut short is completed by the next start; a finished one is never redone, so demo data edited
 * by hand survives a restart.
 */
export async function seedDemoDistrict(): Promise<{ districtId: string; created: boolean }> {
  const marker = keys.seeded(demoDistrictId);
  // Installs seeded before the district listing existed get it here, so the reminder job finds them.
  const listing = District.listing(demoDistrictId);
  if (!(await getItem({ pk: listing.pk, sk: listing.sk }))) await putItem(listing);
  if (await getItem(marker)) return { districtId: demoDistrictId, created: false };
  if (!(await District.load(demoDistrictId))) {
    await District.create({ id: demoDistrictId, name: "Riverbend Unified School District", ...demoSettings });
  }
  const account = demoAccounts[0]!;
  const admin: SignInUser = { id: demoAdminId, email: account.email, name: account.name, districtId: demoDistrictId, roles: ["district_admin"], schoolIds: [] };
  if (!(await User.get(admin.id))) {
    const items = User.toItems(admin);
    await transact([putNew(items.user), putNew(items.email)]);
  }
  await RosterRunner.importFiles(User.toActor(admin), demoRosterFiles());
  await seedFidelityHistory(demoDistrictId);
  await seedHelpRequests(demoDistrictId);
  await seedMakeUpPlan(demoDistrictId);
  await putItem({ ...marker, type: "seed-marker", at: clock.iso() });
  return { districtId: demoDistrictId, created: true };
}
