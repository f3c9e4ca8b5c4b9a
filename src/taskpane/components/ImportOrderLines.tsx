/**
 * Step 1's "Import file": order lines from a CSV or parquet file of any size, aggregated by item x
 * location x month (or week) into the workbook's history with DuckDB in the browser; shows the same
 * report as `sop gather` (columns taken, rows and quantities in, used and left out, service levels);
 * the measure read as demand can be named, as `sop gather --measure` names it.
 */
import * as React from "react";
import { Body1, Button, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, tokens } from "@fluentui/react-components";
import { FailureMessage } from "./FailureMessage";
import type { Bucket } from "../../cycle/orderLineImport";
import type { Workbook } from "../../workbook/workbook";
import { plannerMessage } from "../plannerMessage";

export interface ImportOrderLinesProps {
  workbook: Workbook;
  /** Called after an import ends, so a host can refresh its view of the workbook. */
  onImported?: () => void;
}

type ImportState = { status: "idle" } | { status: "running"; file: string } | { status: "done"; lines: string[]; seconds: number } | { status: "failed"; message: string };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  report: { whiteSpace: "pre-wrap", fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export function ImportOrderLines({ workbook, onImported }: ImportOrderLinesProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [bucket, setBucket] = React.useState<Bucket>("month");
  const [measure, setMeasure] = React.useState("");
  const [state, setState] = React.useState<ImportState>({ status: "idle" });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setState({ status: "running", file: file.name });
    const start = performance.now();
    try {
      const { importOrderLineFile } = await import("../orderLineFile");
      const lines = await importOrderLineFile(workbook, file, bucket, measure.trim() === "" ? undefined : measure.trim());
      setState({ status: "done", lines, seconds: (performance.now() - start) / 1000 });
    } catch (error) {
      setState({ status: "failed", message: plannerMessage(error, false) });
    } finally {
      if (input.current) input.current.value = "";
      onImported?.();
    }
  };
  const running = state.status === "running";

  return (
    <section className={styles.root} aria-label="Import order lines">
      <Body1>Order lines beyond Excel&apos;s grid (date, item, location, customer, quantity; requested and delivery dates for OTIF): a CSV or parquet file is added up into SOP Order History.</Body1>
      <div className={styles.actions}>
        <Field label="Bucket">
          <Select value={bucket} disabled={running} onChange={(_, data) => setBucket(data.value === "week" ? "week" : "month")}>
            <option value="month">Months</option>
            <option value="week">ISO weeks</option>
          </Select>
        </Field>
        <Field label="Measure read as demand">
          <Input value={measure} disabled={running} placeholder="Key Figure files only" onChange={(_, data) => setMeasure(data.value)} />
        </Field>
        <Button disabled={running} onClick={() => input.current?.click()}>
          Import file
        </Button>
        <input ref={input} type="file" accept=".csv,.txt,.tsv,.parquet,.pq" hidden aria-label="Order-line file" onChange={(event) => void onFile(event.target.files?.[0])} />
      </div>
      {state.status === "running" && <Spinner size="tiny" label={`Reading ${state.file} ...`} />}
      {state.status === "failed" && <FailureMessage title="The file could not be imported" message={state.message} />}
      {state.status === "done" && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>Imported in {state.seconds.toFixed(1)} s</MessageBarTitle>
            <div className={styles.report}>{state.lines.join("\n")}</div>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
