import { createEffect, Match, Switch, type JSX, type Resource } from "solid-js";
import { ApiError, isStatus } from "../api";
import { t } from "../i18n";
import { useSession } from "../session";
import { NotFoundContent } from "../pages/not-found";
import { Alert, Loading } from "./status";

/** What a failed call means to the reader, in their language when we know the case. */
export const errorText = (error: unknown) =>
  error instanceof ApiError && error.status === 0 ? t("errNetwork") : t("errGeneric");

/** Shows a resource: loading, not found (also for records that are not yours), an error, or its data. */
export function Loaded<T>(props: { resource: Resource<T>; children: (data: () => T) => JSX.Element }) {
  const session = useSession();
  // An expired session: reloading who we are sends the reader to sign in.
  createEffect(() => {
    if (isStatus(props.resource.error, 401)) void session.refresh();
  });
  const data = () => (props.resource.state === "ready" || props.resource.state === "refreshing" ? props.resource() : undefined);
  return (
    <Switch fallback={<Loading />}>
      <Match when={isStatus(props.resource.error, 404)}>
        <NotFoundContent />
      </Match>
      <Match when={props.resource.error}>{(error) => <Alert>{errorText(error())}</Alert>}</Match>
      <Match when={data()}>{(value) => props.children(value)}</Match>
    </Switch>
  );
}
