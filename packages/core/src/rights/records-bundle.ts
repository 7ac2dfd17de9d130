import { strToU8, zipSync } from "fflate";
import * as v from "valibot";
import { Access } from "../access";
import type { UserActor } from "../actor";
import { Audit, type AuditEntry } from "../audit";
import { evidencePacket } from "../concern/packet";
import { itemType, keys, queryAll } from "../dynamo";
import { VisibleError } from "../error";
import { studentFidelity } from "../fidelity/student-report";
import { toCsv } from "../fidelity/window";
import { isIdOf } from "../id";
import { Student } from "../student";
import { User } from "../user";
import { loadRequest } from "./records";

const concernLink = itemType("concern link", v.object({ concernId: v.string() }));

/** The whole access log of the student, newest first, page after page. */
async function accessLog(studentId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await Audit.page(studentId, {}, cursor);
    entries.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return entries;
}

const readme = (name: string) =>
  [
    `Education records of ${name} / Expedientes educativos de ${name}`,
    "",
    "iep-versions.json   Every IEP version on file / Todas las versiones del IEP registradas",
    "fidelity.csv        Supports and minutes delivered, week by week, this school year / Apoyos y minutos brindados, semana a semana, este año escolar",
    "concerns/           Each concern with its evidence packet (HTML, printable) / Cada inquietud con su expediente de pruebas (HTML, imprimible)",
    "access-log.csv      Who opened or changed these records, and why / Quién abrió o modificó este expediente, y por qué",
    "",
  ].join("\r\n");

/**
 * The records bundle a parent downloads once staff released their request: a zip of the student's IEP
 * versions, this school year's fidelity CSV, every concern's evidence packet and the access log. Only
 * the student's guardian who may ask for records (Access: `records.request`; anyone else 404), only
 * once released (409 before). Each part is read through its own rule, so each is audited as it always
 * is; the download itself is audited too.
 */
export async function recordsBundle(actor: UserActor, studentId: string, requestId: string): Promise<{ zip: Uint8Array; filename: string }> {
  const record = isIdOf("stu", studentId) ? await Student.load(studentId) : undefined;
  const grant = Access.toStudent(actor, "records.request", record);
  const request = await loadRequest(studentId, requestId);
  if (request.status !== "released") throw new VisibleError(409, "not_released", "The school has not released these records yet.");
  const lang = User.languageOf(actor);
  const links = await queryAll(concernLink, keys.concernsOfStudent(studentId));
  const [fidelity, packets] = await Promise.all([
    studentFidelity(actor, { studentId, period: "school_year", format: "csv" }),
    Promise.all(links.map(async (link) => ({ id: link.concernId, ...(await evidencePacket(actor, link.concernId, lang)) }))),
  ]);
  await Audit.record(actor, { studentId, action: "records.download", record: `records-request:${request.id}`, reason: grant.reason });
  // Read last, so the log includes this download and the reads above.
  const log = await accessLog(studentId);
  const files: Record<string, Uint8Array> = {
    "README.txt": strToU8(readme(request.studentName)),
    "iep-versions.json": strToU8(JSON.stringify(record!.ieps, null, 2)),
    "fidelity.csv": strToU8(fidelity.csv ?? ""),
    "access-log.csv": strToU8(
      toCsv(
        ["at", "who", "roles", "action", "record", "reason"],
        log.map((e) => [e.at, e.actorName, e.actorRoles.join(" "), e.action, e.record, e.reason]),
      ),
    ),
  };
  for (const packet of packets) files[`concerns/${packet.id}.html`] = strToU8(packet.html);
  return { zip: zipSync(files, { level: 6 }), filename: `records-${request.requestedOn}-${studentId}.zip` };
}
