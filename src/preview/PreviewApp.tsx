/**
 * The browser preview: a workbook in memory shown as a grid, beside the same task pane the add-in
 * shows in Excel. It opens the sample workbook at start; Open .xlsx loads another from disk (a file
 * that is not a workbook leaves the current one in place) and Save .xlsx downloads the workbook.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { App } from "../taskpane/App";
import { stepActions } from "../taskpane/actions";
import { plannerMessage } from "../taskpane/plannerMessage";
import { MemoryWorkbook } from "../workbook/memoryWorkbook";
import type { SopFunction } from "./formula";
import { SheetView } from "./SheetView";

export interface PreviewAppProps {
  /** The workbook shown first, and why it is a blank one when the sample could not be loaded. */
  initial: { book: MemoryWorkbook; name: string; problem?: string };
  functions: ReadonlyMap<string, SopFunction>;
}

interface Notice {
  intent: "error" | "warning" | "info" | "success";
  title: string;
  text: string;
}

const useStyles = makeStyles({
  page: { display: "flex", height: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  workbook: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minWidth: 0,
    padding: tokens.spacingHorizontalM,
    gap: tokens.spacingVerticalS,
  },
  toolbar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center" },
  notice: { flexShrink: 0 },
  pane: {
    width: "380px",
    flexShrink: 0,
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  hiddenInput: { display: "none" },
});

export function PreviewApp({ initial, functions }: PreviewAppProps): React.JSX.Element {
  const styles = useStyles();
  const [{ book, name, opened }, setCurrent] = React.useState({ book: initial.book, name: initial.name, opened: 0 });
  const [version, setVersion] = React.useState(0);
  const [busy, setBusy] = React.useState(false);
  const [notice, setNotice] = React.useState<Notice | undefined>(
    initial.problem ? { intent: "warning", title: "No sample workbook", text: initial.problem } : undefined,
  );
  const fileInput = React.useRef<HTMLInputElement>(null);
  const changed = React.useCallback(() => setVersion((current) => current + 1), []);
  const showError = React.useCallback(
    (text: string) => setNotice({ intent: "error", title: "That did not work", text }),
    [],
  );

  const open = async (file: File) => {
    setBusy(true);
    try {
      const loaded = await MemoryWorkbook.fromXlsx(await file.arrayBuffer());
      setCurrent((current) => ({ book: loaded, name: file.name, opened: current.opened + 1 }));
      changed();
      setNotice({ intent: "success", title: "Opened", text: `${file.name} is open.` });
    } catch (error) {
      setNotice({
        intent: "error",
        title: `${file.name} could not be opened`,
        text: `${plannerMessage(error, false)} The workbook you had open is still here.`,
      });
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    try {
      const bytes = await book.toXlsx();
      const url = URL.createObjectURL(
        new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = name.toLowerCase().endsWith(".xlsx") ? name : `${name}.xlsx`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      showError(plannerMessage(error, false));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <section className={styles.workbook} aria-label="Workbook">
        <div className={styles.toolbar}>
          <Button appearance="primary" onClick={() => fileInput.current?.click()} disabled={busy}>
            Open .xlsx
          </Button>
          <input
            ref={fileInput}
            className={styles.hiddenInput}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="Open an .xlsx workbook"
            data-testid="open-xlsx"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void open(file);
            }}
          />
          <Button onClick={() => void save()} disabled={busy}>
            Save .xlsx
          </Button>
          <Caption1>{name}</Caption1>
          {busy && <Spinner size="tiny" aria-label="Working" />}
        </div>
        {notice && (
          <MessageBar className={styles.notice} intent={notice.intent} layout="multiline" role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>
              <MessageBarTitle>{notice.title}</MessageBarTitle>
              {notice.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" icon={<DismissRegular />} aria-label="Dismiss" onClick={() => setNotice(undefined)} />
              }
            />
          </MessageBar>
        )}
        <SheetView book={book} version={version} functions={functions} onEdited={changed} onError={showError} />
      </section>
      <aside className={styles.pane} aria-label="S&OP task pane">
        <App key={opened} workbook={book} actions={stepActions} onRunEnded={changed} />
      </aside>
    </div>
  );
}
