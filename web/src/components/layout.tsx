import { A, useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, Match, on, Show, Switch, type ParentProps } from "solid-js";
import { useSession } from "../session";
import { t } from "../i18n";
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
    if (!session.me() && !onSignIn()) navigate("/sign-in", { replace: true });
    if (session.me() && onSignIn()) navigate("/", { replace: true });
  });

  // A screen reader user hears the new page from its start, as after a full page load.
  createEffect(on(() => location.pathname, () => main.focus({ preventScroll: false }), { defer: true }));

  const skip = (event: MouseEvent) => {
    event.preventDefault();
    main.focus();
  };

  const signOut = async () => {
    setSignOutFailed(false);
    try {
      await session.signOut();
    } catch {
      setSignOutFailed(true);
    }
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={skip}>
        {t("skipToContent")}
      </a>
      <header class="site-header">
        <div class="header-bar">
          <a href="/" class="brand">
            Fidelio
          </a>
          <div class="header-tools">
            <LanguageSwitch />
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
              <Show when={session.hasRole("teacher", "case_manager", "director", "district_admin")}>
                <li>
                  <A href="/students">{t("navStudents")}</A>
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
        <Switch fallback={<Loading />}>
          <Match when={session.me.error}>
            <Alert>{t("errNetwork")}</Alert>
            <button type="button" onClick={() => session.refresh()}>
              {t("tryAgain")}
            </button>
          </Match>
          <Match when={session.me.state === "ready" && (signedIn() ? !onSignIn() : onSignIn())}>{props.children}</Match>
        </Switch>
      </main>
    </>
  );
}
