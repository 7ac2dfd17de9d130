import { Show } from "solid-js";
import type { FieldErrors } from "../api";
import { fieldId } from "./field";

interface Props {
  label: string;
  path: string;
  errors: FieldErrors;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  maxLength?: number;
  required?: boolean;
  /** For several forms on one page: keeps each field's id its own. */
  idPrefix?: string;
}

/** A labelled box for a few sentences, its hint and errors tied to it with aria-describedby. */
export function TextAreaField(props: Props) {
  const id = () => fieldId(`${props.idPrefix ? `${props.idPrefix}.` : ""}${props.path}`);
  const messages = () => props.errors[props.path] ?? [];
  const describedBy = () => [props.hint && `${id()}-hint`, messages().length > 0 && `${id()}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id()}>{props.label}</label>
      <Show when={props.hint}>
        <p id={`${id()}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <textarea
        id={id()}
        rows={4}
        class="tall"
        maxLength={props.maxLength}
        value={props.value}
        aria-required={props.required || undefined}
        onInput={(event) => props.onValue(event.currentTarget.value)}
        aria-invalid={messages().length > 0}
        aria-describedby={describedBy()}
      />
      <Show when={messages().length > 0}>
        <p id={`${id()}-error`} class="field-error">
          {messages().join(" ")}
        </p>
      </Show>
    </div>
  );
}
