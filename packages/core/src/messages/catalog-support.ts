import type { BarrierReason } from "../fidelity/schema";
import type { Pair } from "./pair";

/** Implementation support: why a support was missed, English then Spanish. */
export const barrierTexts: Record<`barrier.${BarrierReason}`, Pair> = {
  "barrier.student_absent": ["Student absent", "El estudiante faltó"],
  "barrier.student_declined": ["Student declined it", "El estudiante no lo quiso"],
  "barrier.materials_missing": ["Materials or technology missing", "Faltaron materiales o tecnología"],
  "barrier.not_sure_how": ["I am not sure how to provide it", "No sé bien cómo brindarlo"],
  "barrier.time_or_staff": ["Not enough time or staff", "Faltó tiempo o personal"],
  "barrier.other": ["Other (say what in the note)", "Otro (explíquelo en la nota)"],
};
