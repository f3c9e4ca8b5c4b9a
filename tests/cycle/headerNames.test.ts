import { historyFieldOf, hoursPerUnitResource, isTotalLabel, itemFieldOf, leadTimeMonthsPerUnit, normalizeHeader, quantityScale, resourceFieldOf, withoutScale } from "../../src/cycle/headerNames";

describe("header synonyms", () => {
  it.each([
    ["SKU", "id"],
    ["Item", "id"],
    ["Item ID", "id"],
    ["Product Code", "id"],
    ["Material Number", "id"],
    ["Description", "description"],
    ["Item Name", "description"],
    ["Family", "family"],
    ["Product Group", "family"],
    ["Category", "family"],
    ["Matl Group", "family"],
    ["Standard price", "unitCost"],
    ["Price unit", "priceUnit"],
    ["Base Unit of Measure", "unit"],
    ["UoM", "unit"],
    ["List Price", "price"],
    ["Std Cost", "unitCost"],
    ["Holding cost %", "holdingRate"],
    ["Lead Time (months)", "leadTime"],
    ["Lead time (days)", "leadTime"],
    ["Supplier lead time in weeks", "leadTime"],
    ["Planned Deliv. Time", "leadTime"],
    ["Target Service Level %", "serviceLevel"],
    ["On hand", "openingInventory"],
    ["Opening Stock", "openingInventory"],
    ["Safety stock", "safetyStock"],
    ["Unit Cost ($)", "unitCost"],
    ["Standard price EUR", "unitCost"],
    ["Artikelnummer", "id"],
    ["Bezeichnung", "description"],
    ["Stückkosten", "unitCost"],
    ["Wiederbeschaffungszeit (Tage)", "leadTime"],
    ["Sicherheitsbestand", "safetyStock"],
    ["Warengruppe", "family"],
    ["Mengeneinheit", "unit"],
    ["Units", "unit"],
    ["Désignation", "description"],
    ["Coût unitaire (en €)", "unitCost"],
    ["Délai de livraison (jours)", "leadTime"],
    ["Stock de sécurité", "safetyStock"],
    ["Descripción", "description"],
    ["Costo unitario", "unitCost"],
    ["Plazo de entrega (días)", "leadTime"],
    ["Omschrijving", "description"],
    ["Levertijd (weken)", "leadTime"],
  ])("item header %s is %s", (header, field) => {
    expect(itemFieldOf(header)).toBe(field);
  });

  it.each([
    ["Resource", "id"],
    ["Work Centre", "id"],
    ["Regular Hours/Month", "regularHours"],
    ["Available hours per month", "regularHours"],
    ["Overtime Hours Cap", "overtimeHours"],
    ["Regular Cost/h", "regularCost"],
    ["Overtime cost per hour", "overtimeCost"],
    ["Subcontract Cost/h", "subcontractCost"],
    ["Subcontract Hours Cap", "subcontractHours"],
    ["Labor Rate ($/h)", "regularCost"],
    ["Overtime Rate (EUR/h)", "overtimeCost"],
    ["Capacity (hrs)", "regularHours"],
    ["Arbeitsplatz", "id"],
    ["Kapazität (Std/Monat)", "regularHours"],
    ["Überstunden", "overtimeHours"],
    ["Kostensatz (EUR/Std)", "regularCost"],
    ["Poste de charge", "id"],
    ["Capacité (h/mois)", "regularHours"],
    ["Taux horaire (€/h)", "regularCost"],
  ])("resource header %s is %s", (header, field) => {
    expect(resourceFieldOf(header)).toBe(field);
  });

  it.each([
    ["Calendar Year/Month", "date"],
    ["Year Month", "date"],
    ["Cal. year / month", "date"],
    ["Created on", "date"],
    ["Calendar Year", "year"],
    ["Plant", "location"],
  ])("history header %s is %s", (header, field) => {
    expect(historyFieldOf(header)).toBe(field);
  });

  it("knows the unit of a lead-time column: days (SAP's planned delivery time too), weeks, months", () => {
    expect([leadTimeMonthsPerUnit("Lead time (days)"), leadTimeMonthsPerUnit("Planned Deliv. Time"), leadTimeMonthsPerUnit("LT d")]).toEqual([12 / 365.25, 12 / 365.25, 12 / 365.25]);
    expect(leadTimeMonthsPerUnit("Lead time (weeks)")).toBeCloseTo((7 * 12) / 365.25, 12);
    expect([leadTimeMonthsPerUnit("Lead Time (months)"), leadTimeMonthsPerUnit("Lead time")]).toEqual([1, 1]);
    expect([leadTimeMonthsPerUnit("Wiederbeschaffungszeit (Tage)"), leadTimeMonthsPerUnit("Délai (jours)")]).toEqual([12 / 365.25, 12 / 365.25]);
    expect(leadTimeMonthsPerUnit("Levertijd (weken)")).toBeCloseTo((7 * 12) / 365.25, 12);
  });

  it("finds the resource in hours-per-unit headers either way round", () => {
    expect(hoursPerUnitResource("Hours/Unit Assembly")).toBe("assembly");
    expect(hoursPerUnitResource("Paint shop hrs per unit")).toBe("paint shop");
    expect(hoursPerUnitResource("Hours")).toBeUndefined();
    expect(hoursPerUnitResource("Std/Stk Montage")).toBe("montage");
    expect(hoursPerUnitResource("Peinture h par pièce")).toBe("peinture");
  });

  it("does not take month headers, numbers or blanks for fields", () => {
    for (const header of ["2024-01", "Jan 24", 12, null, "Total", "Notes"]) {
      expect(itemFieldOf(header)).toBeUndefined();
      expect(resourceFieldOf(header)).toBeUndefined();
    }
    expect(normalizeHeader("  Lead-Time  (Months) ")).toBe("lead time months");
  });
});

describe("isTotalLabel: the lines that sum others", () => {
  it.each([["Chairs Total"], ["Grand Total"], ["Subtotal"], ["Result"], ["Overall Result"], ["Gesamtergebnis"], ["Résultat"]])("%s is a total", (label) => {
    expect(isTotalLabel(label)).toBe(true);
  });

  it.each([["CH-101"], ["Results Inc"], ["Totalview 3"], ["Ergebnisse 2024"]])("%s is not", (label) => {
    expect(isTotalLabel(label)).toBe(false);
  });
});

describe("quantityScale: numbers a header or title says are in thousands or millions", () => {
  it.each([
    ["Qty (000)", 1000, "Qty"],
    ["Units ('000)", 1000, "Units"],
    ["Qty (000s)", 1000, "Qty"],
    ["Sales volume in thousand units", 1000, "Sales volume units"],
    ["Thousands of units", 1000, "units"],
    ["Menge in Tsd.", 1000, "Menge"],
    ["Quantité en milliers", 1000, "Quantité"],
    ["Qty x 1.000", 1000, "Qty"],
    ["Qty (k)", 1000, "Qty"],
    ["Units in millions", 1_000_000, "Units"],
  ])("%s: %d, and the header without it names %s", (text, scale, bare) => {
    expect(quantityScale(text)).toBe(scale);
    expect(withoutScale(text)).toBe(bare);
  });

  it.each(["Qty", "1000", "Plant 2000", "Thousand Oaks", "Kosten"])("%s says neither", (text) => {
    expect(quantityScale(text)).toBeUndefined();
  });

  it("reads a scaled quantity header as the quantity", () => {
    expect(historyFieldOf("Qty (000)")).toBe("quantity");
    expect(historyFieldOf("Menge in Tsd.")).toBe("quantity");
  });
});
