/**
 * The way from the statistical forecast to the consensus for the item a planner picks (on steps 2 and
 * 4): the statistical forecast, each role's override and the consensus by month, as a small table and
 * a line chart, read from the sheets step 2 wrote.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { consensusSeries, consensusView, type ConsensusView, type SeriesId } from "../../cycle/consensusView";
import { WHOLE_FORMAT } from "../../cycle/ownedSheets";
import { seriesKey } from "../../cycle/planningData";
import type { Workbook } from "../../workbook/workbook";
import { plannerMessage } from "../plannerMessage";
import { ChartView } from "./ChartView";
import { ResultTableView } from "./ResultTableView";

export interface ConsensusPanelProps {
  workbook: Workbook;
}

type PanelState = { status: "closed" } | { status: "loading" } | { status: "open"; series: SeriesId[]; view: ConsensusView } | { status: "failed"; message: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function ConsensusPanel({ workbook }: ConsensusPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [state, setState] = React.useState<PanelState>({ status: "closed" });

  const show = async (picked?: SeriesId) => {
    setState({ status: "loading" });
    try {
      workbook.forget();
      const series = await consensusSeries(workbook);
      const chosen = picked ?? series[0];
      setState({ status: "open", series, view: await consensusView(workbook, chosen) });
    } catch (error) {
      setState({ status: "failed", message: plannerMessage(error, false) });
    }
  };

  const view = state.status === "open" ? state.view : undefined;
  const title = view ? `Consensus of ${seriesKey(view.series.item, view.series.location)}` : "";
  return (
    <section className={styles.root} aria-label="Forecast to consensus">
      <Subtitle2 as="h3">Forecast to consensus</Subtitle2>
      <Body1>For one item: the statistical forecast, each role&apos;s override (SOP Overrides) and the consensus, by month.</Body1>
      {state.status === "open" ? (
        <Field label="Item">
          <Select
            value={String(state.series.findIndex((entry) => seriesKey(entry.item, entry.location) === seriesKey(state.view.series.item, state.view.series.location)))}
            onChange={(_, data) => void show(state.series[Number(data.value)])}
          >
            {state.series.map((entry, index) => (
              <option key={index} value={index}>
                {seriesKey(entry.item, entry.location)}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div>
          <Button onClick={() => void show()} disabled={state.status === "loading"}>
            Show an item&apos;s consensus
          </Button>
        </div>
      )}
      {state.status === "failed" && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {view && (
        <>
          <ResultTableView
            table={{
              title,
              headers: ["Month", ...view.lines.map((line) => label(line.label))],
              rows: view.periods.map((period, t) => [period, ...view.lines.map((line) => line.values[t])]),
              numberFormats: ["@", ...view.lines.map(() => WHOLE_FORMAT)],
            }}
          />
          <ChartView
            spec={{ sheet: "", kind: "line", title, dataAddress: "", anchor: "" }}
            block={[["Month", ...view.lines.map((line) => label(line.label))], ...view.periods.map((period, t) => [period, ...view.lines.map((line) => line.values[t])])]}
          />
          {view.reasons.length > 0 && <Caption1>Why: {view.reasons.join("; ")}</Caption1>}
        </>
      )}
    </section>
  );
}

/** A line's label as a column header: roles capitalised ("Sales"). */
function label(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
