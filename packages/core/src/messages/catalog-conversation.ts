import type { Pair } from "./pair";

/** The concern page's form to put a conversation on the record (action `log_conversation`). English then Spanish. */
export const conversationFormTexts = {
  convTitle: ["Put a conversation on the record", "Dejar constancia de una conversación"],
  convIntro: [
    "Write down what was said and agreed. Everyone you name gets a recap by email and can say it is not what was agreed.",
    "Escriba lo que se dijo y se acordó. Cada persona que indique recibe un resumen por correo y puede decir que no es lo que se acordó.",
  ],
  convText: ["What was said and agreed", "Lo que se dijo y se acordó"],
  convOn: ["Day of the conversation", "Día de la conversación"],
  convMode: ["How you talked", "Cómo hablaron"],
  "convMode.phone": ["Phone", "Teléfono"],
  "convMode.meeting": ["Meeting", "Reunión"],
  "convMode.in_person": ["In person", "En persona"],
  "convMode.video": ["Video call", "Videollamada"],
  convWith: ["Who took part", "Quiénes participaron"],
  convWithHint: ["Everyone on the concern, unless you uncheck someone.", "Todas las personas de la inquietud, salvo que desmarque a alguien."],
  convSave: ["Put it on the record", "Dejar constancia"],
  convSaved: ["The conversation is on the record; the recap is on its way.", "La conversación quedó registrada; el resumen va en camino."],
  convOnFuture: ["That day has not come yet.", "Ese día todavía no ha llegado."],
  "error.not_on_concern": ["Name only people on this concern.", "Indique solo a personas de esta inquietud."],
} as const satisfies Record<string, Pair>;
