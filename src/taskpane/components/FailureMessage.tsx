/**
 * What the pane shows when an action fails: an alert with what did not happen (the title, when given)
 * and why, in the planner's words.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface FailureMessageProps {
  /** What did not happen, e.g. "The file could not be imported". */
  title?: string;
  /** Why, as the action's error says it. */
  message: string;
}

export function FailureMessage({ title, message }: FailureMessageProps): React.JSX.Element {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
