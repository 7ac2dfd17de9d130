import { A, useLocation, useNavigate } from "../router";
import { createEffect, createSignal, Match, on, Show, Suspense, Switch, type ParentProps } from "solid-js";
import { useSession } from "../session";
import { t } from "../i18n";
import { safeReturnPath, signInPath } from "../return-to";
import { LanguageSwitch } from "./language-switch";
import { Alert, Loading } from "./status";

export function Layout(props: ParentProps) {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [signOutFailed, setSignOutFailed] = createSignal(false);
  const onSignIn = () => location.pathname === "/sign-in";
  const signedIn = () => (session.me.state === "ready" ? session.me() : undefined);
  let main!: HTMLElement;

  createEffect(() => {
    if (session.me.state !== "ready") return;
    // A deep link opened while signed out comes back to the page asked for after sign-in.
    if (!session.me() && !onSignIn()) navigate(signInPath(location), { replace: true });
    if (session.me() && onSignIn()) navigate(safeReturnPath(new URLSearchParams(location.search).get("next")), { replace: true });
  });

  // A screen reader user hears the new page from its start, as after a full page load.
  createEffect(
    on(
      () => location.pathname,
      () => main.focus({ preventScroll: false }),
      { defer: true },
    ),
  );

  const skip = (event: MouseEvent) => {
    event.preventDefault();
    main.focus();
  };

  const signOut = async () => {
    setSignOutFailed(false);
    try {
      await session.signOut();
      // Signing out on purpose is not a deep link to come back to, perhaps for someone else.
      navigate("/sign-in", { replace: true });
    } catch {
      setSignOutFailed(true);
    }
  };

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main (it works without script); the handler also moves focus there. */}
      <a class="skip-link" href="#main" onClick={skip}>
        {t("skipToContent")}
      </a>
      <header class="site-header">
        <div class="header-bar">
          <a href="/" class="brand">
            Fidelio
          </a>
          {/* The language switch comes last, at the right edge, where it is before and after sign-in: what sign-in adds appears beside it without moving it. */}
          <div class="header-tools">
            <Show when={signedIn()}>
              {(me) => (
                <>
                  <span class="who">{t("signedInAs", { name: me().user.name })}</span>
                  <button type="button" class="button-quiet" onClick={signOut}>
                    {t("signOut")}
                  </button>
                </>
              )}
            </Show>
            <LanguageSwitch />
          </div>
        </div>
        <Show when={signedIn()}>
          <nav aria-label={t("mainNav")}>
            <ul class="nav-list">
              <li>
                <A href="/" end>
                  {t("navHome")}
                </A>
              </li>
              {/* Parents find their children on the home page, and advocates have no student list. */}
              <Show when={session.can("viewAllStudents") || session.can("viewMyClasses") || session.can("viewCaseload")}>
                <li>
                  <A href="/students">{t("navStudents")}</A>
                </li>
              </Show>
              <Show when={session.can("viewConcerns")}>
                <li>
                  <A href="/concerns">{t("navConcerns")}</A>
                </li>
              </Show>
              <Show when={session.can("viewEscalationBoard")}>
                <li>
                  <A href="/escalations">{t("navEscalations")}</A>
                </li>
              </Show>
              <Show when={session.can("fillFidelityForms")}>
                <li>
                  <A href="/fidelity">{t("navWeek")}</A>
                </li>
              </Show>
              <Show when={session.can("viewCaseload")}>
                <li>
                  <A href="/caseload">{t("navCaseload")}</A>
                </li>
              </Show>
              <Show when={session.can("viewFidelityReport")}>
                <li>
                  <A href="/reports/fidelity">{t("navReport")}</A>
                </li>
              </Show>
              <Show when={session.can("editDistrict")}>
                <li>
                  <A href="/admin/settings">{t("navSettings")}</A>
                </li>
              </Show>
              <Show when={session.can("importRoster")}>
                <li>
                  <A href="/admin/roster">{t("navRoster")}</A>
                </li>
              </Show>
            </ul>
          </nav>
        </Show>
      </header>
      <main id="main" tabindex="-1" ref={main}>
        <Show when={signOutFailed()}>
          <Alert>{t("errNetwork")}</Alert>
        </Show>
        {/* While the session is checked, main stays empty: the navigation appears above it once it is known, and would move anything here. */}
        <Switch>
          <Match when={session.me.error}>
            <Alert>{t("errNetwork")}</Alert>
            <button type="button" onClick={() => session.refresh()}>
              {t("tryAgain")}
            </button>
          </Match>
          <Match when={session.me.state === "ready" && (signedIn() ? !onSignIn() : onSignIn())}>
            {/* A page shows whole, once its code and its first data are in (Loaded waits here): nothing moves as they arrive. */}
            <Suspense fallback={<Loading />}>{props.children}</Suspense>
          </Match>
        </Switch>
      </main>
    </>
  );
}
