/**
 * The question the pane asks before a step writes into a sheet the add-in did not create: the
 * planner's explicit yes is the only way such a write happens.
 */
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { OverwriteConfirmation } from "../../workbook/workbook";

/** A question waiting for the planner's answer. */
export interface PendingOverwrite {
  sheet: string;
  answer: (yes: boolean) => void;
}

/** The pending question (if any) and the `confirm` function a step run calls. */
export function useOverwriteConfirmation(): {
  pending: PendingOverwrite | undefined;
  confirm: OverwriteConfirmation;
} {
  const [pending, setPending] = React.useState<PendingOverwrite>();
  const confirm = React.useCallback(
    (sheet: string) =>
      new Promise<boolean>((resolve) => {
        setPending({
          sheet,
          answer: (yes) => {
            setPending(undefined);
            resolve(yes);
          },
        });
      }),
    [],
  );
  return { pending, confirm };
}

export function ConfirmOverwriteDialog({ pending }: { pending: PendingOverwrite | undefined }): React.JSX.Element {
  return (
    <Dialog open={pending !== undefined} modalType="alert" onOpenChange={(_, data) => !data.open && pending?.answer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Write into "{pending?.sheet}"?</DialogTitle>
          <DialogContent>
            The add-in did not create the sheet "{pending?.sheet}". Writing there replaces cells you may have
            typed yourself. Allow it only if that is what you want.
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => pending?.answer(false)}>
              Keep my sheet
            </Button>
            <Button onClick={() => pending?.answer(true)}>Write into it</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
