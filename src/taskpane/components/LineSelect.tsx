/**
 * A drop-down over the lines (columns or rows) of a block, as the mapping editor offers them, with an
 * optional first entry for "none".
 */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { LineOption } from "../../cycle/mappingEdit";

export interface LineSelectProps {
  label: string;
  /** The chosen line; undefined for the "none" entry. */
  value: number | undefined;
  options: readonly LineOption[];
  /** The text of the "none" entry; without it there is none. */
  none?: string;
  /** The value the "none" entry stands for (undefined unless given, e.g. -1 for "no header row"). */
  noneValue?: number;
  disabled?: boolean;
  onChange: (line: number | undefined) => void;
}

const NONE = "none";

export function LineSelect({ label, value, options, none, noneValue, disabled, onChange }: LineSelectProps): React.JSX.Element {
  const chosen = value === undefined || value === noneValue ? NONE : String(value);
  return (
    <Field label={label}>
      <Select value={chosen} disabled={disabled} onChange={(_, data) => onChange(data.value === NONE ? noneValue : Number(data.value))}>
        {none !== undefined && <option value={NONE}>{none}</option>}
        {options.map((option) => (
          <option key={option.line} value={String(option.line)}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
