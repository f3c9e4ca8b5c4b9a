/**
 * A step's chart with a picker, e.g. the history, forecast and interval of the item the planner
 * selects in step 2. The picker is a labelled select, usable from the keyboard and by screen readers.
 */
import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { ResultChart } from "../../cycle/stepTypes";
import { ChartView } from "./ChartView";

export function ResultChartView({ chart }: { chart: ResultChart }): React.JSX.Element | null {
  const [chosen, setChosen] = React.useState(0);
  const choice = chart.choices[chosen] ?? chart.choices[0];
  if (!choice) return null;
  return (
    <section aria-label={chart.title}>
      <Field label={chart.choiceLabel}>
        <Select value={String(chosen)} onChange={(_, data) => setChosen(Number(data.value))}>
          {chart.choices.map((option, index) => (
            <option key={option.label} value={index}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <ChartView spec={{ sheet: "", kind: "line", title: `${chart.title}: ${choice.label}`, dataAddress: "", anchor: "" }} block={choice.block} />
    </section>
  );
}
