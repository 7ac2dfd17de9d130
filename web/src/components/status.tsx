import type { ParentProps } from "solid-js";
import { t } from "../i18n";

/** Announced as soon as it appears; `id` lets an input point at it with aria-describedby. */
export function Alert(props: ParentProps<{ id?: string }>) {
  return (
    <p class="alert" role="alert" id={props.id}>
      {props.children}
    </p>
  );
}

export function Loading() {
  return (
    <p class="muted" role="status">
      {t("loading")}
    </p>
  );
}
