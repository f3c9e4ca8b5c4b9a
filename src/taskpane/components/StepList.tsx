/**
 * The six steps as a vertical tab list: arrow keys move between steps, Enter/Space or a click opens
 * one, and a screen reader hears "tab 2 of 6, Demand forecast, done".
 */
import * as React from "react";
import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { ArrowSync16Regular, CheckmarkCircle16Filled, Circle16Regular, ErrorCircle16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { StepId } from "../stepActions";
import type { StepDefinition } from "../steps";
import type { StepStatus } from "./StepPanel";

export interface StepListProps {
  steps: readonly StepDefinition[];
  selected: StepId;
  statuses: Partial<Record<StepId, StepStatus>>;
  onSelect: (id: StepId) => void;
}

const STATUS_WORDS: Record<StepStatus, string> = {
  idle: "",
  running: "running",
  done: "done",
  failed: "needs attention",
  blocked: "errors to fix or accept",
};

const useStyles = makeStyles({
  number: { fontVariantNumeric: "tabular-nums", marginRight: tokens.spacingHorizontalS },
  done: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  blocked: { color: tokens.colorPaletteDarkOrangeForeground1 },
  idle: { color: tokens.colorNeutralForeground3 },
});

/** Ids that tie a step's tab to its panel for assistive technology. */
export const stepTabId = (id: StepId): string => `sop-step-tab-${id}`;
export const stepPanelId = (id: StepId): string => `sop-step-panel-${id}`;

export function StepList({ steps, selected, statuses, onSelect }: StepListProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <nav aria-label="S&OP cycle steps">
      <TabList
        vertical
        selectedValue={selected}
        onTabSelect={(_, data) => onSelect(data.value as StepId)}
        aria-label="S&OP cycle steps"
      >
        {steps.map((step) => {
          const status = statuses[step.id] ?? "idle";
          const words = STATUS_WORDS[status];
          return (
            <Tab
              key={step.id}
              value={step.id}
              id={stepTabId(step.id)}
              aria-controls={stepPanelId(step.id)}
              aria-label={words ? `Step ${step.number}, ${step.title}, ${words}` : `Step ${step.number}, ${step.title}`}
              icon={statusIcon(status, styles)}
            >
              <span className={styles.number}>{step.number}</span>
              {step.title}
            </Tab>
          );
        })}
      </TabList>
    </nav>
  );
}

function statusIcon(status: StepStatus, styles: ReturnType<typeof useStyles>): React.JSX.Element {
  if (status === "done") return <CheckmarkCircle16Filled className={styles.done} />;
  if (status === "failed") return <ErrorCircle16Filled className={styles.failed} />;
  if (status === "blocked") return <Warning16Filled className={styles.blocked} />;
  if (status === "running") return <ArrowSync16Regular />;
  return <Circle16Regular className={styles.idle} />;
}
