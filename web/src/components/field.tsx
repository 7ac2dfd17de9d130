import { Show, type JSX } from "solid-js";
import type { FieldErrors } from "../api";

/** The element id for a field path such as `calendar.closures.0.name`. */
export const fieldId = (path: string) => `field-${path.replaceAll(".", "-")}`;

/** What the control inside a frame needs, as accessors so it follows the errors. */
export interface ControlProps {
  id: () => string;
  invalid: () => boolean;
  describedBy: () => string | undefined;
}

interface FrameProps {
  id: string;
  label: string;
  hint?: string;
  messages: string[];
  class?: string;
  children: (control: ControlProps) => JSX.Element;
}

/** The label, hint and errors around one control, tied to it with aria-describedby. */
export function FieldFrame(props: FrameProps) {
  const control: ControlProps = {
    id: () => props.id,
    invalid: () => props.messages.length > 0,
    describedBy: () => [props.hint && `${props.id}-hint`, props.messages.length > 0 && `${props.id}-error`].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div class={`field ${props.class ?? ""}`}>
      <label for={props.id}>{props.label}</label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      {props.children(control)}
      <Show when={props.messages.length > 0}>
        <p id={`${props.id}-error`} class="field-error">
          {props.messages.join(" ")}
        </p>
      </Show>
    </div>
  );
}

/**
 * The input's own attributes, each set by name below: spreading props onto an element would bring Solid's
 * `spread` and its tables of every DOM property into every page's entry (docs/architecture.md, "The web app's chunks").
 */
type InputProps = Pick<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  "type" | "inputmode" | "min" | "max" | "step" | "maxLength" | "autocomplete" | "required" | "class"
>;

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
  return (
    <FieldFrame id={fieldId(props.path)} label={props.label} hint={props.hint} messages={props.errors[props.path] ?? []} class={props.class}>
      {(control) => (
        <Show
          when={props.multiline}
          fallback={
            <input
              type={props.type}
              inputmode={props.inputmode}
              min={props.min}
              max={props.max}
              step={props.step}
              maxLength={props.maxLength}
              autocomplete={props.autocomplete}
              required={props.required}
              id={control.id()}
              value={props.value}
              onInput={(event) => props.onValue(event.currentTarget.value)}
              aria-invalid={control.invalid()}
              aria-describedby={control.describedBy()}
            />
          }
        >
          <textarea
            id={control.id()}
            rows={1}
            maxLength={props.maxLength}
            value={props.value}
            // A name is one line of text: Enter would only add a line break the schema trims away.
            onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
            onInput={(event) => props.onValue(event.currentTarget.value)}
            aria-invalid={control.invalid()}
            aria-describedby={control.describedBy()}
          />
        </Show>
      )}
    </FieldFrame>
  );
}
