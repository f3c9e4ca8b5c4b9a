/**
 * Step 1's mapping editor: where the demand history is and how step 1 reads it, as drop-downs the
 * planner can correct (the block, how periods run, the header row, the item, location, customer and
 * channel columns, a planning book's measure column and the measure read as demand, the periods or the
 * date and quantity, the planning bucket). The drop-downs list
 * the header cells of the block's first rows only. Preview shows what step 1 would read (rows read,
 * used and left out; quantity in = used + left out) before the planner accepts; the accepted mapping
 * is saved in the workbook, read by step 1 and kept next cycle.
 */
import * as React from "react";
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { FailureMessage } from "./FailureMessage";
import type { HistoryMapping } from "../../cycle/historyLayout";
import type { HistoryReading } from "../../cycle/historyReader";
import {
  acceptHistory,
  choiceOf,
  defaultChoice,
  editorStart,
  headerOptions,
  historySample,
  keyOptions,
  mappableBlocks,
  measureOptions,
  previewChoice,
  startingMapping,
  type HistoryChoice,
  type HistorySample,
  type MappableBlock,
} from "../../cycle/mappingEdit";
import { reconciliationText } from "../../cycle/reconciliation";
import type { Workbook } from "../../workbook/workbook";
import { plannerMessage } from "../plannerMessage";
import { LineSelect } from "./LineSelect";

export interface MappingEditorProps {
  workbook: Workbook;
  /** Called after the planner accepts a mapping, so a host can refresh its view of the workbook. */
  onAccepted?: () => void;
}

/** What the editor holds once open: the blocks to choose from, the sample of the chosen one, the choice. */
interface Editing {
  blocks: MappableBlock[];
  start: HistoryMapping | null;
  sample: HistorySample;
  choice: HistoryChoice;
  /** What the editor cannot show of how step 1 reads the history (a sheet per month). */
  note?: string;
}

type Outcome =
  | { status: "none" }
  | { status: "working" }
  | {
      status: "previewed";
      choice: HistoryChoice;
      history: HistoryMapping;
      reading: HistoryReading;
    }
  | { status: "accepted"; text: string }
  | { status: "failed"; message: string };

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(150px, 1fr))",
    // Fields and drop-downs shrink to their column (a long header is cut in the closed drop-down, shown whole when open).
    "& .fui-Field, & .fui-Select": { minWidth: 0 },
    gap: tokens.spacingHorizontalS,
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  numbers: { fontVariantNumeric: "tabular-nums" },
});

const LAYOUTS: { value: HistoryChoice["layout"]; label: string }[] = [
  { value: "periodsAcross", label: "Periods across (a row per item)" },
  { value: "periodsDown", label: "Periods down (a column per item)" },
  { value: "lines", label: "Order lines (a row per order line)" },
];

export function MappingEditor({ workbook, onAccepted }: MappingEditorProps): React.JSX.Element {
  const styles = useStyles();
  const [editing, setEditing] = React.useState<Editing | undefined>();
  const [outcome, setOutcome] = React.useState<Outcome>({ status: "none" });
  const busy = outcome.status === "working";

  const guarded = async (work: () => Promise<void>) => {
    setOutcome({ status: "working" });
    try {
      await work();
    } catch (error) {
      setOutcome({ status: "failed", message: plannerMessage(error, false) });
    }
  };
  const open = () =>
    guarded(async () => {
      workbook.forget();
      const mapping = await startingMapping(workbook);
      const blocks = await mappableBlocks(workbook);
      const { start, choice, note } = editorStart(mapping, blocks);
      const sample = await historySample(workbook, choice.reference);
      setEditing({
        blocks: withReference(blocks, choice.reference),
        start,
        sample,
        choice,
        ...(note === undefined ? {} : { note }),
      });
      setOutcome({ status: "none" });
    });
  const change = (patch: Partial<HistoryChoice>) => {
    if (!editing) return;
    setEditing({ ...editing, choice: { ...editing.choice, ...patch } });
    setOutcome({ status: "none" });
  };
  const changeBlock = (reference: string) =>
    guarded(async () => {
      if (!editing) return;
      const sample = await historySample(workbook, reference);
      const choice =
        editing.start && choiceOf(editing.start, editing.choice.bucket).reference === reference
          ? choiceOf(editing.start, editing.choice.bucket)
          : defaultChoice(reference, editing.choice.bucket);
      setEditing({ ...editing, sample, choice });
      setOutcome({ status: "none" });
    });
  const preview = () =>
    guarded(async () => {
      if (!editing) return;
      workbook.forget();
      const { history, reading } = await previewChoice(workbook, editing.choice, editing.start);
      setOutcome({
        status: "previewed",
        choice: editing.choice,
        history,
        reading,
      });
    });
  const accept = () =>
    guarded(async () => {
      if (outcome.status !== "previewed") return;
      await acceptHistory(workbook, outcome.history, outcome.choice.bucket);
      setEditing(
        editing && {
          ...editing,
          start: { ...outcome.history, corrected: true },
        },
      );
      setOutcome({
        status: "accepted",
        text: "Saved in this workbook. Step 1 reads your data this way from now on, and next cycle too. Run step 1 (Check the workbook) again.",
      });
      onAccepted?.();
    });

  if (!editing) {
    return (
      <section className={styles.root} aria-label="Data mapping">
        <Subtitle2 as="h3">Data mapping</Subtitle2>
        <Body1>Step 1 finds your sales history by itself. If it read the wrong rows or columns, correct the mapping here.</Body1>
        <div className={styles.actions}>
          <Button onClick={() => void open()} disabled={busy}>
            Correct the mapping
          </Button>
        </div>
        <OutcomeView outcome={outcome} />
      </section>
    );
  }

  const { choice, sample } = editing;
  const { measure } = choice;
  const grid = choice.layout !== "lines";
  const lines = keyOptions(sample, choice);
  const previewed = outcome.status === "previewed" && JSON.stringify(outcome.choice) === JSON.stringify(choice);
  const optionalLine = (key: "location" | "customer" | "channel") => (line: number | undefined) => change({ [key]: line });
  return (
    <section className={styles.root} aria-label="Data mapping">
      <Subtitle2 as="h3">Data mapping</Subtitle2>
      {editing.note ? (
        <MessageBar intent="info" data-testid="mapping-note">
          <MessageBarBody>{editing.note}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Caption1>
        {editing.note ? "" : editing.start?.corrected ? "You corrected this mapping; step 1 keeps it. " : "Proposed by step 1 from the first rows of your sheets. "}The lists show the headers of the
        first {sample.rows.length} rows.
      </Caption1>
      <div className={styles.grid}>
        <Field label="Sales history in">
          <Select value={choice.reference} disabled={busy} onChange={(_, data) => void changeBlock(data.value)}>
            {editing.blocks.map((block) => (
              <option key={block.reference} value={block.reference}>
                {block.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Layout">
          <Select
            value={choice.layout}
            disabled={busy}
            onChange={(_, data) =>
              change({
                layout: LAYOUTS.find((layout) => layout.value === data.value)?.value ?? "periodsAcross",
                headerLine: 0,
                item: 0,
                firstPeriod: 1,
                lastPeriod: undefined,
                date: undefined,
                quantity: undefined,
              })
            }
          >
            {LAYOUTS.map((layout) => (
              <option key={layout.value} value={layout.value}>
                {layout.label}
              </option>
            ))}
          </Select>
        </Field>
        <LineSelect
          label={choice.layout === "periodsDown" ? "Header column" : "Header row"}
          value={choice.headerLine}
          options={headerOptions(sample, choice.layout)}
          none={grid ? "No header row (periods P1, P2, ...)" : undefined}
          noneValue={-1}
          disabled={busy}
          onChange={(line) => change({ headerLine: line ?? -1 })}
        />
        <LineSelect label="Item" value={choice.item} options={lines} disabled={busy} onChange={(line) => change({ item: line ?? 0 })} />
        <LineSelect label="Location" value={choice.location} options={lines} none="None" disabled={busy} onChange={optionalLine("location")} />
        <LineSelect label="Customer (for reporting)" value={choice.customer} options={lines} none="None" disabled={busy} onChange={optionalLine("customer")} />
        <LineSelect label="Channel (for reporting)" value={choice.channel} options={lines} none="None" disabled={busy} onChange={optionalLine("channel")} />
        <LineSelect
          label="Measure (key figure)"
          value={choice.measure?.line}
          options={lines}
          none="None: every line is demand"
          disabled={busy}
          onChange={(line) => change({ measure: line === undefined ? undefined : { line, name: measureOptions(sample, choice, line)[0] ?? "" } })}
        />
        {measure ? (
          <Field label="Measure read as demand">
            <Select value={measure.name} disabled={busy} onChange={(_, data) => change({ measure: { line: measure.line, name: data.value } })}>
              {measureOptions(sample, choice, measure.line).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {grid ? (
          <>
            <LineSelect label="First period" value={choice.firstPeriod} options={lines} disabled={busy} onChange={(line) => change({ firstPeriod: line })} />
            <LineSelect
              label="Last period"
              value={choice.lastPeriod}
              options={lines}
              none="To the last period header (new months included)"
              disabled={busy}
              onChange={(line) => change({ lastPeriod: line })}
            />
          </>
        ) : (
          <>
            <LineSelect label="Date" value={choice.date} options={lines} none="Choose..." disabled={busy} onChange={(line) => change({ date: line })} />
            <LineSelect label="Quantity" value={choice.quantity} options={lines} none="Choose..." disabled={busy} onChange={(line) => change({ quantity: line })} />
          </>
        )}
        <Field label="Plan in">
          <Select value={choice.bucket} disabled={busy} onChange={(_, data) => change({ bucket: data.value === "week" ? "week" : "month" })}>
            <option value="month">Months</option>
            <option value="week">ISO weeks (weekly or daily history)</option>
          </Select>
        </Field>
      </div>
      <div className={styles.actions}>
        <Button onClick={() => void preview()} disabled={busy}>
          Preview what step 1 reads
        </Button>
        <Button appearance="primary" onClick={() => void accept()} disabled={busy || !previewed}>
          Accept this mapping
        </Button>
      </div>
      <OutcomeView outcome={outcome} />
    </section>
  );
}

/** The blocks, with the mapped one added when it is a sheet range the workbook does not list. */
function withReference(blocks: MappableBlock[], reference: string): MappableBlock[] {
  return reference === "" || blocks.some((block) => block.reference === reference) ? blocks : [{ reference, label: `Range ${reference}` }, ...blocks];
}

function OutcomeView({ outcome }: { outcome: Outcome }): React.JSX.Element | null {
  const styles = useStyles();
  if (outcome.status === "working") return <Spinner size="tiny" label="Reading ..." />;
  if (outcome.status === "failed") {
    return <FailureMessage title="This mapping cannot be read" message={outcome.message} />;
  }
  if (outcome.status === "accepted") {
    return (
      <MessageBar intent="success" layout="multiline" role="status">
        <MessageBarBody>{outcome.text}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.status !== "previewed") return null;
  const { reading } = outcome;
  const account = reading.reconciliation;
  const number = (value: number): string => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
  const items = new Set(reading.series.map((series) => series.item)).size;
  const located = reading.series.some((series) => series.location !== "");
  return (
    <section aria-label="Mapping preview">
      <MessageBar intent={reading.problems.length > 0 ? "warning" : "info"} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Step 1 would read</MessageBarTitle>
          <div className={styles.numbers}>
            {items} items
            {located ? ` (${reading.series.length} item x location series)` : ""}, {reading.periods.length} {reading.bucket}s
            {reading.periods.length > 0 ? ` (${reading.periods[0]} to ${reading.periods[reading.periods.length - 1]})` : ""}
            .
            <br />
            Rows: {account.rowsRead} read = {account.rowsUsed} used + {account.rowsLeftOut} left out. Quantity: {number(account.quantityIn)} in ={" "}
            {number(account.quantityUsed)} used + {number(account.quantityLeftOut)} left out.
            <br />
            {reconciliationText(account)}
            {reading.byCustomer && (
              <>
                <br />
                {reading.byCustomer.length} customer/channel totals kept for reporting; each series is summed over them.
              </>
            )}
          </div>
          {reading.problems.length > 0 && (
            <ul aria-label="Cells step 1 could not read">
              {reading.problems.slice(0, 5).map((problem) => (
                <li key={problem.address + problem.kind}>{problem.message}</li>
              ))}
              {reading.problems.length > 5 && <li>... and {reading.problems.length - 5} more.</li>}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
