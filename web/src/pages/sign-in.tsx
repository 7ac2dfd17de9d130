import { createSignal, Show } from "solid-js";
import * as v from "valibot";
import { StartInput, VerifyInput } from "@fidelio/core/auth/schema";
import { api, ApiError, call } from "../api";
import { lang, t, type StringKey } from "../i18n";
import "../strings/sign-in";
import { useSession } from "../session";
import { usePageTitle } from "../components/page-title";
import { Alert } from "../components/status";

// The API's own rules, from a core file that imports no AWS SDK.
const EmailField = StartInput.entries.email;
const CodeField = VerifyInput.entries.code;

const verifyError = (error: unknown): StringKey => {
  if (!(error instanceof ApiError)) return "errGeneric";
  if (error.status === 0) return "errNetwork";
  if (error.code === "rate_limited") return "errRateLimited";
  if (error.status === 429) return "errCodeLocked";
  if (error.status === 401 || error.status === 400) return "errCodeInvalid";
  return "errGeneric";
};

export function SignIn() {
  const session = useSession();
  const [step, setStep] = createSignal<"email" | "code">("email");
  const [email, setEmail] = createSignal("");
  const [error, setError] = createSignal<StringKey>();
  const [busy, setBusy] = createSignal(false);
  let emailInput!: HTMLInputElement;
  let codeInput!: HTMLInputElement;
  usePageTitle(() => t("signInTitle"));

  async function sendCode(address: string) {
    setBusy(true);
    setError(undefined);
    try {
      // The page's language: stored for a person who has none yet, so their emails come in it.
      await call(api.auth.start.$post({ json: { email: address, language: lang() } }));
      setEmail(address);
      setStep("code");
      codeInput.value = "";
      codeInput.focus();
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 0
          ? "errNetwork"
          : failure instanceof ApiError && failure.code === "rate_limited"
            ? "errRateLimited"
            : "errGeneric",
      );
    } finally {
      setBusy(false);
    }
  }

  function submitEmail(event: SubmitEvent) {
    event.preventDefault();
    const parsed = v.safeParse(EmailField, emailInput.value);
    if (!parsed.success) {
      setError("errEmail");
      emailInput.focus();
      return;
    }
    void sendCode(parsed.output);
  }

  async function submitCode(event: SubmitEvent) {
    event.preventDefault();
    const parsed = v.safeParse(CodeField, codeInput.value);
    if (!parsed.success) {
      setError("errCodeFormat");
      codeInput.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await call(api.auth.verify.$post({ json: { email: email(), code: parsed.output, language: lang() } }));
      await session.refresh();
    } catch (failure) {
      setError(verifyError(failure));
      codeInput.select();
    } finally {
      setBusy(false);
    }
  }

  function otherEmail() {
    setError(undefined);
    setStep("email");
    emailInput.focus();
  }

  const described = (hint: string) => (error() ? `${hint} sign-in-error` : hint);

  return (
    <section class="narrow">
      <h1>{t("signInTitle")}</h1>
      <form onSubmit={submitEmail} novalidate hidden={step() !== "email"} class="stack">
        <p id="email-hint">{t("signInIntro")}</p>
        <label for="email">{t("emailLabel")}</label>
        <input
          ref={emailInput}
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          required
          aria-invalid={step() === "email" && !!error()}
          aria-describedby={described("email-hint")}
        />
        <Show when={step() === "email" && error()}>{(key) => <Alert id="sign-in-error">{t(key())}</Alert>}</Show>
        <button type="submit" disabled={busy()}>
          {busy() ? t("sending") : t("sendCode")}
        </button>
      </form>
      <form onSubmit={submitCode} novalidate hidden={step() !== "code"} class="stack">
        <p role="status">{step() === "code" ? t("codeSent", { email: email() }) : ""}</p>
        <label for="code">{t("codeLabel")}</label>
        <input
          ref={codeInput}
          id="code"
          name="code"
          type="text"
          class="code-input"
          autocomplete="one-time-code"
          inputmode="numeric"
          pattern="[0-9]*"
          maxlength="7"
          required
          aria-invalid={step() === "code" && !!error()}
          aria-describedby={described("code-hint")}
        />
        <p id="code-hint" class="hint">
          {t("codeHint")}
        </p>
        <Show when={step() === "code" && error()}>{(key) => <Alert id="sign-in-error">{t(key())}</Alert>}</Show>
        <button type="submit" disabled={busy()}>
          {busy() ? t("checking") : t("verify")}
        </button>
        <div class="button-row">
          <button type="button" class="button-secondary" disabled={busy()} onClick={() => void sendCode(email())}>
            {t("resendCode")}
          </button>
          <button type="button" class="button-secondary" onClick={otherEmail}>
            {t("otherEmail")}
          </button>
        </div>
      </form>
    </section>
  );
}
