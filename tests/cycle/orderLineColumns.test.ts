import { recogniseOrderLineColumns } from "../../src/cycle/orderLineColumns";

describe("recogniseOrderLineColumns", () => {
  test("an ERP order-line export: each role from the column a planner would pick, the order number ignored", () => {
    expect(recogniseOrderLineColumns(["Order Date", "Order No", "Customer", "SKU", "Ship-from", "Qty", "Requested Delivery Date", "Actual Delivery Date", "Qty Delivered"])).toEqual({
      date: 0,
      customer: 2,
      item: 3,
      location: 4,
      quantity: 5,
      requested: 6,
      delivered: 7,
      deliveredQuantity: 8,
    });
  });

  test("of a product name and an item code column, the code is the item, whichever comes first", () => {
    expect(recogniseOrderLineColumns(["Date", "Product", "SKU", "Qty"])).toMatchObject({ item: 2 });
    expect(recogniseOrderLineColumns(["Date", "Item", "Item code", "Qty"])).toMatchObject({ item: 2 });
    expect(recogniseOrderLineColumns(["Date", "SKU", "Product", "Qty"])).toMatchObject({ item: 1 });
  });

  test("planning book measures stand in for a missing quantity: the actuals' column, or the value column beside a measure column", () => {
    expect(recogniseOrderLineColumns(["Month", "Material", "Statistical Forecast Qty", "Actuals Qty"])).toMatchObject({ quantity: 3 });
    expect(recogniseOrderLineColumns(["Month", "Material", "Key Figure", "Value"])).toMatchObject({ quantity: 3, measure: 2 });
  });

  test("plain names: date, item, location, customer, quantity", () => {
    expect(recogniseOrderLineColumns(["date", "item", "location", "customer", "quantity"])).toEqual({ date: 0, item: 1, location: 2, customer: 3, quantity: 4 });
    expect(recogniseOrderLineColumns(["Posting Date", "Material", "Plant", "Sold-to", "Order Quantity", "Due Date", "Ship Date"])).toEqual({
      date: 0,
      item: 1,
      location: 2,
      customer: 3,
      quantity: 4,
      requested: 5,
      delivered: 6,
    });
  });

  test("European exports: German, French, Spanish and Dutch headers, as step 1's sheet reader knows them", () => {
    expect(recogniseOrderLineColumns(["Belegdatum", "Material", "Werk", "Menge", "ME"])).toEqual({ date: 0, item: 1, location: 2, quantity: 3, unit: 4 });
    expect(recogniseOrderLineColumns(["Date de commande", "Article", "Entrepôt", "Quantité"])).toEqual({ date: 0, item: 1, location: 2, quantity: 3 });
    expect(recogniseOrderLineColumns(["Fecha", "Artículo", "Almacén", "Cantidad"])).toEqual({ date: 0, item: 1, location: 2, quantity: 3 });
    expect(recogniseOrderLineColumns(["Orderdatum", "Artikel", "Magazijn", "Aantal"])).toEqual({ date: 0, item: 1, location: 2, quantity: 3 });
  });

  test("the planner's choices override the recognition and a column serves one role only", () => {
    expect(recogniseOrderLineColumns(["Created", "Product", "Units", "Warehouse"], ["location=units", "quantity=Warehouse"])).toEqual({ date: 0, item: 1, location: 2, quantity: 3 });
  });

  test("refuses a file without the date, item or quantity, and a choice it cannot follow", () => {
    expect(() => recogniseOrderLineColumns(["when", "what", "how many"])).toThrow(/No order date, item, quantity column was recognised among the file's columns \(when, what, how many\)/);
    expect(() => recogniseOrderLineColumns(["date", "item", "qty"], ["colour=item"])).toThrow(/"colour=item" is not a column choice/);
    expect(() => recogniseOrderLineColumns(["date", "item", "qty"], ["location=Plant"])).toThrow(/The file has no column "Plant" \(its columns: date, item, qty\)/);
  });
});
