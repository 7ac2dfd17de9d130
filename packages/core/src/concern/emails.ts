import { Config } from "../config";
import { defaultTimeZone } from "../district/schema";
import type { Message } from "../email";
import { htmlBody, localeOf } from "../email/body";
import { Outbox } from "../outbox";
import { User } from "../user";
import { defaultLanguage, type Language } from "../user/schema";
import { keys } from "../dynamo/keys";
import type { Concern, Person } from "./schema";
import type { TimelineEvent } from "./timeline";

const levelName: Record<Language, Record<string, string>> = {
  en: { teacher: "the teacher", case_manager: "the case manager", director: "the special-education director", advocate: "the advocate" },
  es: { teacher: "el maestro", case_manager: "el coordinador del caso", director: "la dirección de educación especial", advocate: "el defensor" },
};

const what: Record<Language, Record<string, string>> = {
  en: {
    filed: "The concern was filed.",
    assigned: "The concern is now with {level}.",
    escalated: "The concern was escalated.",
    deadline_passed: "The deadline passed with no answer.",
    resolved: "It was marked resolved. Please confirm or dispute it.",
    info_requested: "A question was asked. Please answer it.",
    info_provided: "The parent answered.",
    confirmed: "The parent confirmed the resolution. The concern is closed.",
    disputed: "The parent disputed the resolution.",
    withdrawn: "The concern was withdrawn.",
    outcome_recorded: "The advocate recorded the outcome. The concern is closed.",
    closed: "The concern is closed.",
    workflow_failed: "Fidelio could not carry the concern forward; an administrator has been told.",
  },
  es: {
    filed: "Se presentó la inquietud.",
    assigned: "La inquietud ahora está con {level}.",
    escalated: "La inquietud se escaló.",
    deadline_passed: "Pasó el plazo sin respuesta.",
    resolved: "Se marcó como resuelta. Por favor confírmelo o dispútelo.",
    info_requested: "Se le hizo una pregunta. Por favor contéstela.",
    info_provided: "El padre o la madre contestó.",
    confirmed: "Usted confirmó la solución. La inquietud está cerrada.",
    disputed: "Usted disputó la solución.",
    withdrawn: "La inquietud se retiró.",
    outcome_recorded: "El defensor registró el resultado. La inquietud está cerrada.",
    closed: "La inquietud está cerrada.",
    workflow_failed: "Fidelio no pudo avanzar la inquietud; se avisó a un administrador.",
  },
};

const labels = {
  en: { subject: "Concern about {student}", due: "Due", link: "Open the concern", text: "Note" },
  es: { subject: "Inquietud sobre {student}", due: "Fecha límite", link: "Abrir la inquietud", text: "Nota" },
};

export const concernLink = (id: string) => `${Config.appOrigin() ?? ""}/concerns/${id}`;

function message(to: string, lang: Language, concern: Concern, events: TimelineEvent[], timeZone: string): Message {
  const l = labels[lang];
  const lines = events.flatMap((e) => [
    (what[lang][e.type] ?? e.type).replace("{level}", levelName[lang][e.level ?? concern.level] ?? ""),
    ...(e.text ? [`${l.text}: ${e.text}`] : []),
    ...(e.note ? [e.note] : []),
  ]);
  const due = concern.dueAt && concern.stage !== "closed" ? `${l.due}: ${new Date(concern.dueAt).toLocaleString(localeOf(lang), { timeZone, dateStyle: "full", timeStyle: "short" })}` : undefined;
  const body = [...lines, ...(due ? [due] : []), `${l.link}: ${concernLink(concern.id)}`];
  return {
    to,
    subject: l.subject.replace("{student}", concern.studentName),
    text: body.join("\n"),
    html: htmlBody(lang, body),
  };
}

/** The outbox item for `message`, tagged with the concern, and the concern's own record of it (the packet lists these). */
function queued(concern: Concern, recipient: { name: string; role: "parent" | "staff" }, msg: Message) {
  const put = Outbox.email(msg, { concernId: concern.id });
  const { id, createdAt } = put.put as { id: string; createdAt: string };
  const record = { ...keys.concernEmail(concern.id, createdAt, id), type: "concern-email", outboxId: id, createdAt, toName: recipient.name, to: msg.to, role: recipient.role, subject: msg.subject, text: msg.text };
  return [put, { put: record, condition: "attribute_not_exists(pk)" }];
}

/**
 * The recap emails of one write, as outbox transaction items: the parent (in their language) and,
 * when someone new takes the concern or must act, that person (in English).
 */
export async function recapEmails(concern: Concern, events: TimelineEvent[], to: { parent: boolean; staff?: Person[] }, timeZone = defaultTimeZone) {
  const items = [];
  if (to.parent) {
    const parent = await User.get(concern.parent.id);
    const lang = parent ? User.languageOf(parent) : defaultLanguage;
    items.push(...queued(concern, { name: concern.parent.name, role: "parent" }, message(parent?.email ?? concern.parent.email, lang, concern, events, timeZone)));
  }
  for (const person of to.staff ?? []) items.push(...queued(concern, { name: person.name, role: "staff" }, message(person.email, "en", concern, events, timeZone)));
  return items;
}
