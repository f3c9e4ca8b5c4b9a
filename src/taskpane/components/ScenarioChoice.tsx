/**
 * Step 5's scenario picker: the scenarios step 4 compared, read from the workbook each time the step is
 * shown, "Base" first. The plan approved is the chosen scenario's, so the planner picks from what was
 * compared and never types a name.
 */
import * as React from "react";
import { Select } from "@fluentui/react-components";
import { BASE_SCENARIO, scenarioChoices } from "../../cycle/scenarioPlan";
import type { Workbook } from "../../workbook/workbook";

export interface ScenarioChoiceProps {
  workbook: Workbook;
  value: string;
  disabled: boolean;
  /** True while the step is shown: the list is read again each time it is. */
  visible: boolean;
  onChange: (value: string) => void;
}

export function ScenarioChoice({ workbook, value, disabled, visible, onChange }: ScenarioChoiceProps): React.JSX.Element {
  const [choices, setChoices] = React.useState<string[]>([BASE_SCENARIO]);
  // The list is read again when the step is shown; the value chosen then is checked against it.
  const chosen = React.useRef({ value, onChange });
  chosen.current = { value, onChange };
  React.useEffect(() => {
    if (!visible) return;
    let current = true;
    scenarioChoices(workbook)
      .then((names) => {
        if (!current) return;
        setChoices(names);
        if (!names.includes(chosen.current.value)) chosen.current.onChange(BASE_SCENARIO);
      })
      .catch(() => current && setChoices([BASE_SCENARIO]));
    return () => {
      current = false;
    };
  }, [visible, workbook]);
  return (
    <Select value={value} disabled={disabled} onChange={(_, data) => onChange(data.value)}>
      {choices.map((name) => (
        <option key={name} value={name}>
          {name === BASE_SCENARIO ? "Base (the plan of step 3)" : name}
        </option>
      ))}
    </Select>
  );
}
