import type { FieldErrors } from "../api";
import { FieldFrame, fieldId } from "./field";

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
  return (
    <FieldFrame
      id={fieldId(`${props.idPrefix ? `${props.idPrefix}.` : ""}${props.path}`)}
      label={props.label}
      hint={props.hint}
      messages={props.errors[props.path] ?? []}
    >
      {(control) => (
        <textarea
          id={control.id()}
          rows={4}
          class="tall"
          maxLength={props.maxLength}
          value={props.value}
          aria-required={props.required || undefined}
          onInput={(event) => props.onValue(event.currentTarget.value)}
          aria-invalid={control.invalid()}
          aria-describedby={control.describedBy()}
        />
      )}
    </FieldFrame>
  );
}
