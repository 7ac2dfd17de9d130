import { it, expect } from "vitest";
import { Roster } from "@fidelio/core/roster";
import { newDistrict, toFiles } from "./fixture";

it("big roster", async () => {
  const { actor } = await newDistrict();
  const S = 3000, T = 150;
  const users = ["sourcedId,status,orgSourcedIds,role,givenName,familyName,email,agentSourcedIds,grades"];
  for (let t = 0; t < T; t++) users.push(`t${t},active,s1,teacher,Teach,Er${t},t${t}@big.test,,`);
  for (let s = 0; s < S; s++) { users.push(`st${s},active,s1,student,Stu,Dent${s},,g${s},05`); users.push(`g${s},active,s1,parent,Par,Ent${s},g${s}@big.test,,`); }
  const classes = ["sourcedId,title,schoolSourcedId"]; const enr = ["sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role"];
  for (let c = 0; c < T; c++) { classes.push(`c${c},Class ${c},s1`); enr.push(`et${c},c${c},s1,t${c},teacher`); }
  for (let s = 0; s < S; s++) for (let k = 0; k < 4; k++) enr.push(`e${s}-${k},c${(s + k * 37) % T},s1,st${s},student`);
  const iep = ["studentSourcedId,effectiveFrom,itemType,itemId,text,minutesPerWeek,providerRole,area,classSourcedIds"];
  for (let s = 0; s < S; s++) { iep.push(`st${s},2026-09-01,accommodation,a1,Extended time,,,,`); iep.push(`st${s},2026-09-01,accommodation,a2,Calculator,,,,c${s % T}`); iep.push(`st${s},2026-09-01,service,s1,Reading,120,SpEd teacher,,`); }
  const csvs = { "orgs.csv": "sourcedId,name,type\ns1,School,school\n", "users.csv": users.join("\n"), "classes.csv": classes.join("\n"), "enrollments.csv": enr.join("\n"), "fidelio_iep_items.csv": iep.join("\n") };
  let t0 = Date.now();
  const r1 = await Roster.importFiles(actor, toFiles(csvs));
  console.log("first", Date.now() - t0, r1.created);
  t0 = Date.now();
  const r2 = await Roster.importFiles(actor, toFiles(csvs));
  console.log("second", Date.now() - t0, r2.unchanged);
  expect(r2.created + r2.updated).toBe(0);
}, 600_000);
