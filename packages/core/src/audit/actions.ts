import { actions as concernActions } from "../concern/schema";

/**
 * Every action the audit trail records, declared once: `Audit` accepts only these, and the message
 * catalog (packages/core/src/messages) must word each one in English and Spanish, so a new action
 * cannot reach a reader as a raw code. Add a new action here, then its `action.*` entry in the catalog.
 * No AWS imports: the web reads it through the catalog.
 */
export const auditActions = [
  "student.list",
  "student.read",
  "student.class-list",
  "audit.read",
  "roster.import",
  "iep.write",
  "iep.acknowledge",
  "iep.notice-read",
  "fidelity.read",
  "fidelity.report",
  "fidelity.form-list",
  "fidelity.form-read",
  "fidelity.form-save",
  "fidelity.form-submit",
  "fidelity.form-correct",
  "fidelity.form-amend",
  "fidelity.reminder",
  "patterns.report",
  "concern.file",
  "concern.read",
  "concern.list",
  "concern.packet",
  "concern.assign",
  "concern.deadline",
  "concern.workflow-failed",
  "records.request",
  "records.list",
  "records.release",
  "records.download",
  "help.list",
  "help.open",
  "help.comment",
  "help.resolve",
  "team-note.read",
  "team-note.save",
  "compensatory.plan",
  "compensatory.read",
  "compensatory.list",
  ...concernActions.map((action) => `concern.${action}` as const),
] as const;
export type AuditAction = (typeof auditActions)[number];
