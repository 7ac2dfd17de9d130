import { createEffect, Match, Show, Switch, type JSX, type Resource } from "solid-js";
import { ApiError, isStatus } from "../api";
import { t, tError } from "../i18n";
import { useSession } from "../session";
import { AccessDeniedContent, NotFoundContent } from "../pages/not-found";
import { Loading } from "./status";

/** What a failed call means to the reader, in their language: by the API's error code, never its English message. */
export const errorText = (error: unknown) =>
  error instanceof ApiError ? (error.status === 0 ? t("errNetwork") : (tError(error.code) ?? t("errGeneric"))) : t("errGeneric");

/** Names what failed and why, with a way to try again: never only "something went wrong". */
export function LoadFailed(props: { what: string; error: unknown; onRetry?: () => void }) {
  const why = () => (props.error instanceof ApiError && props.error.status === 0 ? t("errNetworkWhy") : t("errServerWhy"));
  return (
    <div class="alert" role="alert">
      <p>{t("errLoad", { what: props.what })}</p>
      <p class="alert-why">{why()}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button type="button" class="button-secondary" onClick={() => retry()()}>
            {t("retry")}
          </button>
        )}
      </Show>
    </div>
  );
}

/**
 * Shows a resource: loading, a plain-language page for 404 (also records that are not yours) and
 * 403, what failed with a Retry button, or its data.
 */
export function Loaded<T>(props: { resource: Resource<T>; what: string; onRetry?: () => void; children: (data: () => T) => JSX.Element }) {
  const session = useSession();
  // An expired session: reloading who we are sends the reader to sign in.
  createEffect(() => {
    if (isStatus(props.resource.error, 401)) void session.refresh();
  });
  // Until the first answer is in, reading `latest` makes the <Suspense> above (the layout's, around each
  // page) wait for it, so the page appears with its data instead of growing as each part arrives. Later
  // loads (a refetch, other filters) keep what is shown: `latest` waits only for the first.
  const data = () => {
    const state = props.resource.state;
    if (state === "errored") return undefined;
    const value = props.resource.latest;
    return state === "ready" || state === "refreshing" ? value : undefined;
  };
  return (
    <Switch fallback={<Loading />}>
      <Match when={isStatus(props.resource.error, 404)}>
        <NotFoundContent />
      </Match>
      <Match when={isStatus(props.resource.error, 403)}>
        <AccessDeniedContent />
      </Match>
      <Match when={props.resource.error}>{(error) => <LoadFailed what={props.what} error={error()} onRetry={props.onRetry} />}</Match>
      <Match when={data()}>{(value) => props.children(value)}</Match>
    </Switch>
  );
}
