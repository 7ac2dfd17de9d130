import { Show } from "solid-js";
import { t } from "../i18n";

/**
 * " · email undeliverable" (or "refuses our email") after a person whose address bounced or marked
 * Fidelio as spam, so staff reach them another way. The API sends null to parents, so they see none.
 */
export function EmailFlag(props: { flag: { reason: string } | null | undefined }) {
  return (
    <Show when={props.flag}>{(flag) => <span class="field-error"> · {t(flag().reason === "complaint" ? "emailRefused" : "emailUndeliverable")}</span>}</Show>
  );
}
