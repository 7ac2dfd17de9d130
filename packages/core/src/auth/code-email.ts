import type { Message } from "../email";

/** The sign-in email, in English and Spanish since parents read it. */
export function codeEmail(to: string, code: string): Message {
  const text = [
    `Your Fidelio sign-in code is ${code}. It works once, for 10 minutes.`,
    `Su código para entrar a Fidelio es ${code}. Sirve una sola vez, durante 10 minutos.`,
    "",
    "If you did not ask for it, ignore this email. / Si no lo pidió, ignore este correo.",
  ].join("\n");
  const html = `<p>Your Fidelio sign-in code is <strong>${code}</strong>. It works once, for 10 minutes.</p>
<p lang="es">Su código para entrar a Fidelio es <strong>${code}</strong>. Sirve una sola vez, durante 10 minutos.</p>
<p>If you did not ask for it, ignore this email. / <span lang="es">Si no lo pidió, ignore este correo.</span></p>`;
  return { to, subject: `${SUBJECT}${code}`, text, html };
}

const SUBJECT = "Fidelio sign-in code: ";

/** The code in a sign-in email's subject; undefined for any other email (a recap may carry six digits too). */
export const signInCodeOf = (subject: string) => (subject.startsWith(SUBJECT) ? /^\d{6}$/.exec(subject.slice(SUBJECT.length))?.[0] : undefined);
