import { Show, splitProps, type JSX } from "solid-js";
import type { FieldErrors } from "../api";

/** The element id for a field path such as `calendar.closures.0.name`. */
export const fieldId = (path: string) => `field-${path.replaceAll(".", "-")}`;

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "id" | "onInput" | "value">;

interface Props extends InputProps {
  label: string;
  /** Where the API and the schema report this field's errors. */
  path: string;
  errors: FieldErrors;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  /** Wraps long text (a closure's name) instead of hiding its end, growing with what is typed. */
  multiline?: boolean;
}

/** A labelled input whose errors and hint are tied to it with aria-describedby. */
export function Field(props: Props) {
  const [own, input] = splitProps(props, ["label", "path", "errors", "value", "onValue", "hint", "class", "multiline"]);
  const id = () => fieldId(own.path);
  const messages = () => own.errors[own.path] ?? [];
  const describedBy = () => [own.hint && `${id()}-hint`, messages().length > 0 && `${id()}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field ${own.class ?? ""}`}>
      <label for={id()}>{own.label}</label>
      <Show when={own.hint}>
        <p id={`${id()}-hint`} class="hint">
          {own.hint}
        </p>
      </Show>
      <Show
        when={own.multiline}
        fallback={
          <input
            {...input}
            id={id()}
            value={own.value}
            onInput={(event) => own.onValue(event.currentTarget.value)}
            aria-invalid={messages().length > 0}
            aria-describedby={describedBy()}
          />
        }
      >
        <textarea
          id={id()}
          rows={1}
          maxLength={input.maxLength}
          value={own.value}
          // A name is one line of text: Enter would only add a line break the schema trims away.
          onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
          onInput={(event) => own.onValue(event.currentTarget.value)}
          aria-invalid={messages().length > 0}
          aria-describedby={describedBy()}
        />
      </Show>
      <Show when={messages().length > 0}>
        <p id={`${id()}-error`} class="field-error">
          {messages().join(" ")}
        </p>
      </Show>
    </div>
  );
}
