/**
 * A step's notes for the planner, one message bar per kind (errors first), each listing its notes;
 * a long list shows its first notes and says how many more there are.
 */
import * as React from "react";
import { Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { StepMessage } from "../../cycle/stepTypes";

/** The most notes of one kind listed in the pane. */
export const MAX_NOTES_SHOWN = 8;

const KINDS: { level: StepMessage["level"]; one: string; many: string }[] = [
  { level: "error", one: "error", many: "errors" },
  { level: "warning", one: "warning", many: "warnings" },
  { level: "info", one: "note", many: "notes" },
  { level: "success", one: "done", many: "done" },
];

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function StepMessages({ messages }: { messages: readonly StepMessage[] }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {KINDS.map(({ level, one, many }) => {
        const notes = messages.filter((message) => message.level === level);
        if (notes.length === 0) return null;
        const shown = notes.slice(0, MAX_NOTES_SHOWN);
        return (
          <MessageBar key={level} intent={level} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {notes.length} {notes.length === 1 ? one : many}
              </MessageBarTitle>
              <ul className={styles.list}>
                {shown.map((note, index) => (
                  <li key={index}>{note.address ? `${note.text} (${note.address})` : note.text}</li>
                ))}
              </ul>
              {notes.length > shown.length && <Caption1>…and {notes.length - shown.length} more.</Caption1>}
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}
