import type { SupplyModel } from "../../../src/core/supply/model";

/**
 * The network supply model written in GMPL (GNU MathProg) from its definition in docs/supply-model.md,
 * independently of src/core/supply/supplyLp.ts: its own sets, variables and constraints, so glpsol
 * solving this text checks the formulation HiGHS solves. Covers locations, lanes (transit, cost,
 * capacity), production lead time, receipts, storage, backlog caps, subcontracting, lost sales, hard
 * safety stocks, overtime and per-period costs (no workforce, fence or integer rules).
 */
const MODEL = `
param nT integer > 0;
set T := 1..nT;
set SP; set R; set LOC; set LN;
set MV within LN cross SP cross SP;
param transit{LN} integer >= 0;
param lcost{LN, T};
set LCAP within LN cross T;
param lcap{LCAP};
param made{SP} binary; param lead{SP} integer >= 0;
param pcost{SP, T}; param hold{SP, T}; param bcost{SP, T} default 0; param lostc{SP, T} default 0; param scost{SP, T} default 0;
param scap{SP, T} default 0;
param backlog{SP} binary; set BCAP within SP cross T; param bcap{BCAP}; param endback{SP};
param lostok{SP} binary;
param D{SP, T}; param SS{SP, T}; param endinv{SP}; param I0{SP}; param B0{SP}; param rec{SP, T} default 0;
param h{SP, R} default 0;
param avail{R, T}; param otcap{R, T}; param regc{R}; param otc{R};
param at{SP} symbolic; param vol{SP};
set STORE within LOC cross T; param room{STORE};

var P{SP, T} >= 0; var C{SP, T} >= 0; var I{SP, T} >= 0; var S{SP, T} >= 0; var L{SP, T} >= 0;
var O{R, T} >= 0; var X{MV, T} >= 0;

minimize cost:
  sum{i in SP, t in T} ((pcost[i, t] + sum{r in R} regc[r] * h[i, r]) * P[i, t] + scost[i, t] * C[i, t] + hold[i, t] * I[i, t]
                        + bcost[i, t] * S[i, t] + lostc[i, t] * L[i, t])
  + sum{r in R, t in T} (otc[r] - regc[r]) * O[r, t]
  + sum{(l, i, j) in MV, t in T} lcost[l, t] * X[l, i, j, t];

s.t. balance{i in SP, t in T}:
  (if t = 1 then I0[i] - B0[i] else 0) + sum{s in T: s = t - 1} (I[i, s] - S[i, s])
  + sum{s in T: s + lead[i] = t} P[i, s] + C[i, t]
  + sum{(l, k, j) in MV, s in T: j = i and s + transit[l] = t} X[l, k, j, s]
  - sum{(l, j, k) in MV: j = i} X[l, j, k, t]
  + rec[i, t] + L[i, t] - I[i, t] + S[i, t] = D[i, t];
s.t. onHand{i in SP, t in T}:
  sum{(l, j, k) in MV: j = i} X[l, j, k, t]
  <= (if t = 1 then I0[i] else 0) + sum{s in T: s = t - 1} I[i, s]
  + sum{s in T: s + lead[i] = t} P[i, s] + C[i, t]
  + sum{(l, k, j) in MV, s in T: j = i and s + transit[l] = t} X[l, k, j, s] + rec[i, t];
s.t. notMade{i in SP, t in T: made[i] = 0 or t + lead[i] > nT}: P[i, t] = 0;
s.t. tooLate{(l, i, j) in MV, t in T: t + transit[l] > nT}: X[l, i, j, t] = 0;
s.t. subcontract{i in SP, t in T}: C[i, t] <= scap[i, t];
s.t. noBacklog{i in SP, t in T: backlog[i] = 0}: S[i, t] = 0;
s.t. backlogCap{(i, t) in BCAP}: S[i, t] <= bcap[i, t];
s.t. endBacklog{i in SP}: S[i, nT] <= endback[i];
s.t. lost{i in SP, t in T}: L[i, t] <= (if lostok[i] = 1 then D[i, t] else 0);
s.t. safety{i in SP, t in T}: I[i, t] >= SS[i, t];
s.t. endStock{i in SP}: I[i, nT] >= endinv[i];
s.t. overtime{r in R, t in T}: O[r, t] <= otcap[r, t];
s.t. hours{r in R, t in T}: sum{i in SP} h[i, r] * P[i, t] - O[r, t] <= avail[r, t];
s.t. lane{(l, t) in LCAP}: sum{(m, i, j) in MV: m = l} X[m, i, j, t] <= lcap[l, t];
s.t. storage{(k, t) in STORE}: sum{i in SP: at[i] = k} vol[i] * I[i, t] <= room[k, t];
solve;
printf "OBJECTIVE %.10g\\n", cost;
`;

/** GMPL data of a validated network model for the model above. */
function data(model: SupplyModel): string {
  const T = model.periods;
  const sp = (i: number): string => `s${i}`;
  const lines: string[] = ["data;", `param nT := ${T};`];
  const locations = model.locations ?? [{ id: "site", kind: "plant" as const, storageCap: new Array<number>(T).fill(Infinity) }];
  const locName = new Map(locations.map((l, k) => [l.id, `loc${k}`]));
  const lanes = model.lanes ?? [];
  lines.push(`set SP := ${model.items.map((_, i) => sp(i)).join(" ")};`);
  lines.push(`set R := ${model.resources.map((_, r) => `r${r}`).join(" ")};`);
  lines.push(`set LOC := ${locations.map((l) => locName.get(l.id)).join(" ")};`);
  lines.push(`set LN := ${lanes.map((_, k) => `l${k}`).join(" ")};`);
  const moves: string[] = [];
  lanes.forEach((lane, k) =>
    model.items.forEach((a, i) =>
      model.items.forEach((b, j) => {
        if (a.id === b.id && a.location === lane.from && b.location === lane.to) moves.push(`(l${k},${sp(i)},${sp(j)})`);
      }),
    ),
  );
  lines.push(`set MV := ${moves.join(" ")};`);
  const table = (name: string, rows: string[]): void => {
    lines.push(`param ${name} := ${rows.join(" ")};`);
  };
  const perPeriod = (name: string, rowsOf: (t: number) => [string, number | undefined][]): void => {
    const rows: string[] = [];
    for (let t = 0; t < T; t++) for (const [key, v] of rowsOf(t)) if (v !== undefined && Number.isFinite(v)) rows.push(`[${key},${t + 1}] ${v}`);
    table(name, rows);
  };
  table("transit", lanes.map((l, k) => `l${k} ${l.transitPeriods}`));
  perPeriod("lcost", (t) => lanes.map((l, k) => [`l${k}`, l.costPerUnit[t]]));
  const lcap: string[] = [];
  lanes.forEach((l, k) => l.capacity.forEach((c, t) => Number.isFinite(c) && lcap.push(`(l${k},${t + 1})`)));
  lines.push(`set LCAP := ${lcap.join(" ")};`);
  perPeriod("lcap", (t) => lanes.map((l, k) => [`l${k}`, l.capacity[t]]));
  const byItem = (name: string, value: (i: number) => number | string): void => table(name, model.items.map((_, i) => `${sp(i)} ${value(i)}`));
  const isPlant = (i: number): boolean => {
    const loc = model.items[i].location;
    return loc === undefined || locations.find((l) => l.id === loc)?.kind === "plant";
  };
  byItem("made", (i) => (isPlant(i) && model.items[i].made !== false ? 1 : 0));
  byItem("lead", (i) => model.items[i].productionLeadTime ?? 0);
  const itemCost = (i: number, field: "unitCost" | "holdingCost" | "backlogCost" | "lostSalesCost" | "subcontractCost", t: number): number | undefined => {
    const item = model.items[i];
    return item.costByPeriod?.[field]?.[t] ?? item[field];
  };
  for (const [name, field] of [["pcost", "unitCost"], ["hold", "holdingCost"], ["bcost", "backlogCost"], ["lostc", "lostSalesCost"], ["scost", "subcontractCost"]] as const) {
    perPeriod(name, (t) => model.items.map((_, i) => [sp(i), itemCost(i, field, t)]));
  }
  perPeriod("scap", (t) => model.items.map((item, i) => [sp(i), item.subcontractCost === undefined ? 0 : item.subcontractCap[t]]));
  byItem("backlog", (i) => (model.items[i].backlogAllowed ? 1 : 0));
  const bcap: string[] = [];
  model.items.forEach((item, i) => item.backlogCap?.forEach((_, t) => bcap.push(`(${sp(i)},${t + 1})`)));
  lines.push(`set BCAP := ${bcap.join(" ")};`);
  perPeriod("bcap", (t) => model.items.map((item, i) => [sp(i), item.backlogCap?.[t]]));
  byItem("endback", (i) => model.items[i].endBacklogMax);
  byItem("lostok", (i) => (model.items[i].lostSalesCost === undefined ? 0 : 1));
  const key = (i: number): string => (model.items[i].location === undefined ? model.items[i].id : `${model.items[i].id}@${model.items[i].location}`);
  perPeriod("D", (t) => model.items.map((_, i) => [sp(i), model.demand[key(i)][t]]));
  perPeriod("SS", (t) => model.items.map((item, i) => [sp(i), item.safetyStock[t]]));
  byItem("endinv", (i) => model.items[i].endInventoryTarget);
  byItem("I0", (i) => model.items[i].openingInventory);
  byItem("B0", (i) => model.items[i].openingBacklog);
  const rec: string[] = [];
  for (const r of model.scheduledReceipts ?? []) {
    const i = model.items.findIndex((_, k) => key(k) === r.stockingPoint);
    rec.push(`[${sp(i)},${r.period + 1}] ${r.quantity}`);
  }
  // receipts of one stocking point in one period are summed before writing
  const summed = new Map<string, number>();
  for (const row of rec) {
    const [k, v] = row.split(" ");
    summed.set(k, (summed.get(k) ?? 0) + Number(v));
  }
  table("rec", [...summed].map(([k, v]) => `${k} ${v}`));
  const hours: string[] = [];
  model.items.forEach((item, i) => model.resources.forEach((r, k) => item.hoursPerUnit[r.id] !== undefined && hours.push(`[${sp(i)},r${k}] ${item.hoursPerUnit[r.id]}`)));
  table("h", hours);
  perPeriod("avail", (t) => model.resources.map((r, k) => [`r${k}`, r.availableHours[t]]));
  perPeriod("otcap", (t) => model.resources.map((r, k) => [`r${k}`, r.overtimeHoursCap[t]]));
  table("regc", model.resources.map((r, k) => `r${k} ${r.regularCostPerHour}`));
  table("otc", model.resources.map((r, k) => `r${k} ${r.overtimeCostPerHour}`));
  byItem("at", (i) => locName.get(model.items[i].location ?? "site") ?? "loc0");
  byItem("vol", (i) => model.items[i].volumePerUnit ?? 1);
  const store: string[] = [];
  locations.forEach((l) => l.storageCap.forEach((c, t) => Number.isFinite(c) && store.push(`(${locName.get(l.id)},${t + 1})`)));
  lines.push(`set STORE := ${store.join(" ")};`);
  perPeriod("room", (t) => locations.map((l) => [locName.get(l.id) ?? "", l.storageCap[t]]));
  lines.push("end;");
  return lines.join("\n");
}

/** The whole GMPL text (model and data) of a network model. */
export function networkGmpl(model: SupplyModel): string {
  return `${MODEL}\n${data(model)}\n`;
}
