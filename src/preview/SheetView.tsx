/**
 * The preview's spreadsheet: sheet tabs, a formula bar and a grid of cells. Select a cell with the
 * mouse or the arrow keys, type (or press Enter / F2) to edit it in the formula bar, Enter to keep,
 * Escape to undo, Delete to clear. SOP formulas are evaluated and spill like dynamic arrays; their
 * ranges read the values stored in the workbook, so they do not see what another formula spilled.
 */
import * as React from "react";
import { Input, makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import { cellAddress, parseRange, type CellPosition, type CellRange } from "../workbook/address";
import type { MemoryWorkbook } from "../workbook/memoryWorkbook";
import type { CellInput, Matrix } from "../workbook/workbook";
import { CellTable, cellId } from "./CellTable";
import { ChartView } from "../taskpane/components/ChartView";
import { evaluateSopFormula, isSopFormula, type FormulaOutcome, type SopFunction } from "./formula";
import { layoutSheet } from "./sheetLayout";
import { inputText, parseTyped } from "./typedInput";

export interface SheetViewProps {
  book: MemoryWorkbook;
  /** Changes whenever the workbook changed (an edit, a step run), so the view reads it again. */
  version: number;
  functions: ReadonlyMap<string, SopFunction>;
  onEdited: () => void;
  onError: (message: string) => void;
}

const MARGIN = 8;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, flexGrow: 1, gap: tokens.spacingVerticalXS },
  formulaBar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexShrink: 0 },
  sheetTabs: { flexShrink: 0, overflowX: "auto" },
  nameBox: { width: "5em", fontFamily: tokens.fontFamilyMonospace },
  formulaInput: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace },
  scroller: {
    overflow: "auto",
    flexGrow: 1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    ":focus": { outline: "none" },
    ":focus-visible": {
      outlineWidth: "2px",
      outlineStyle: "solid",
      outlineColor: tokens.colorBrandStroke1,
      outlineOffset: "-2px",
    },
  },
  charts: { display: "flex", gap: tokens.spacingHorizontalS, overflowX: "auto", flexShrink: 0 },
});

export function SheetView({ book, version, functions, onEdited, onError }: SheetViewProps): React.JSX.Element {
  const styles = useStyles();
  const sheetNames = React.useMemo(() => book.sheetNames(), [book, version]);
  const [chosenSheet, setChosenSheet] = React.useState<string>();
  const sheet = chosenSheet !== undefined && sheetNames.includes(chosenSheet) ? chosenSheet : sheetNames[0];
  const [selection, setSelection] = React.useState<CellPosition>({ row: 0, col: 0 });
  const [draft, setDraft] = React.useState<string>();
  const gridRef = React.useRef<HTMLDivElement>(null);
  const formulaRef = React.useRef<HTMLInputElement>(null);

  const inputs = React.useMemo(() => (sheet ? book.sheetInputs(sheet) : []), [book, sheet, version]);
  const values = React.useMemo(() => (sheet ? book.sheetValues(sheet) : []), [book, sheet, version]);
  const formats = React.useMemo(() => (sheet ? book.sheetNumberFormats(sheet) : []), [book, sheet, version]);
  const outcomes = useFormulaOutcomes(book, sheet, inputs, functions);
  const layout = React.useMemo(() => layoutSheet(inputs, values, formats, outcomes, MARGIN), [inputs, values, formats, outcomes]);
  const charts = React.useMemo(
    () =>
      book
        .charts()
        .filter((chart) => sheet !== undefined && chart.sheet.toLowerCase() === sheet.toLowerCase())
        .map((chart) => {
          const range = parseRange(chart.dataAddress);
          return { spec: chart, block: rangeValues(book, range.sheet ?? chart.sheet, range) };
        }),
    [book, sheet, version],
  );

  const selectedAddress = cellAddress(selection);
  const typed = inputText(inputs[selection.row]?.[selection.col] ?? null);
  const editing = draft !== undefined;

  const move = (rowStep: number, colStep: number) =>
    setSelection((current) => ({
      row: clamp(current.row + rowStep, layout.rows - 1),
      col: clamp(current.col + colStep, layout.columns - 1),
    }));

  const commit = (text: string, then: () => void) => {
    if (!sheet) return;
    try {
      book.setCell(sheet, selectedAddress, parseTyped(text));
      onEdited();
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    }
    setDraft(undefined);
    then();
    gridRef.current?.focus();
  };

  const startEditing = React.useCallback((text: string) => {
    setDraft(text);
    formulaRef.current?.focus();
  }, []);
  const selectCell = React.useCallback((row: number, col: number) => {
    setDraft(undefined);
    setSelection({ row, col });
  }, []);
  const editCell = React.useCallback(
    (row: number, col: number) => startEditing(inputText(inputs[row]?.[col] ?? null)),
    [inputs, startEditing],
  );

  const onGridKey = (event: React.KeyboardEvent) => {
    const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (arrows[event.key]) {
      event.preventDefault();
      move(...arrows[event.key]);
    } else if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      startEditing(typed);
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      commit("", () => undefined);
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      startEditing(event.key);
    }
  };

  const onFormulaKey = (event: React.KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(draft ?? typed, () => move(1, 0));
    } else if (event.key === "Escape") {
      event.preventDefault();
      setDraft(undefined);
      gridRef.current?.focus();
    }
  };

  return (
    <div className={styles.root}>
      <div className={styles.formulaBar}>
        <Input className={styles.nameBox} value={selectedAddress} readOnly aria-label="Selected cell" />
        <Input
          className={styles.formulaInput}
          input={{ ref: formulaRef }}
          value={editing ? draft : typed}
          onChange={(_, data) => setDraft(data.value)}
          onFocus={() => setDraft((current) => current ?? typed)}
          onKeyDown={onFormulaKey}
          aria-label={`Contents of ${selectedAddress}`}
          placeholder="Type a value or a formula such as =SOP.GAP(B2:B13,C2:C13), then Enter"
        />
      </div>
      <div
        ref={gridRef}
        className={styles.scroller}
        role="grid"
        tabIndex={0}
        aria-label={`Sheet ${sheet ?? ""}`}
        aria-activedescendant={cellId(selectedAddress)}
        onKeyDown={onGridKey}
      >
        <CellTable layout={layout} selection={selection} onSelect={selectCell} onEdit={editCell} />
      </div>
      {charts.length > 0 && (
        <div className={styles.charts} aria-label="Charts on this sheet">
          {charts.map((chart, index) => (
            <ChartView key={index} spec={chart.spec} block={chart.block} />
          ))}
        </div>
      )}
      <div className={styles.sheetTabs}>
        <TabList
          size="small"
          selectedValue={sheet}
          onTabSelect={(_, data) => {
            setChosenSheet(String(data.value));
            setSelection({ row: 0, col: 0 });
            setDraft(undefined);
          }}
          aria-label="Sheets"
        >
          {sheetNames.map((name) => (
            <Tab key={name} value={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </div>
    </div>
  );
}

/** Evaluate the sheet's SOP formulas whenever its contents change; results by cell address. */
function useFormulaOutcomes(
  book: MemoryWorkbook,
  sheet: string | undefined,
  inputs: CellInput[][],
  functions: ReadonlyMap<string, SopFunction>,
): ReadonlyMap<string, FormulaOutcome> {
  const [outcomes, setOutcomes] = React.useState<ReadonlyMap<string, FormulaOutcome>>(new Map());
  React.useEffect(() => {
    if (!sheet) return;
    let current = true;
    const read = (target: string | undefined, range: CellRange) => rangeValues(book, target ?? sheet, range);
    const formulas: [string, string][] = [];
    inputs.forEach((row, r) =>
      row.forEach((input, c) => {
        if (input !== null && typeof input === "object" && isSopFormula(input.formula)) {
          formulas.push([cellAddress({ row: r, col: c }), input.formula]);
        }
      }),
    );
    Promise.all(formulas.map(async ([address, formula]) => [address, await evaluateSopFormula(formula, functions, read)] as const)).then(
      (entries) => {
        if (current) setOutcomes(new Map(entries));
      },
    );
    return () => {
      current = false;
    };
  }, [book, sheet, inputs, functions]);
  return outcomes;
}

/** Values of a range of a sheet (blank beyond the used cells). */
function rangeValues(book: MemoryWorkbook, sheet: string, range: CellRange): Matrix {
  const source = book.sheetValues(sheet);
  return Array.from({ length: range.bottom - range.top + 1 }, (_, i) =>
    Array.from({ length: range.right - range.left + 1 }, (_, j) => source[range.top + i]?.[range.left + j] ?? null),
  );
}



function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(value, max));
}
