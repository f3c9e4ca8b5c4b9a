/**
 * Seeded order lines for the gather benchmarks: 1,000 items and 10 locations (5,000 item x location
 * pairs occur) over 3 years (2023-2025), 5,000 customers, quantities 1 to 50, requested 3 to 12 days
 * after the order, delivered 5 days early to 3 days late (2% not delivered), 3% delivered one short,
 * one unreadable quantity per million lines.
 */
import { DuckDBInstance } from "@duckdb/node-api";

const SEED = 20261207;

/**
 * Write `lines` order lines as CSV; every field a hash of the line number and the seed, so the same
 * file every time.
 * @param file where to write (a temporary folder).
 * @param lines how many order lines.
 */
export async function writeOrderLines(file: string, lines: number): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const h = (k: number): string => `hash(i, ${SEED}, ${k})`;
  await connection.run(`COPY (
    SELECT order_date AS "Order Date", 'SO' || (i // 4)::VARCHAR AS "Order No", 'C' || (${h(1)} % 5000)::VARCHAR AS "Customer",
      'SKU-' || lpad((${h(2)} % 1000)::VARCHAR, 4, '0') AS "SKU", 'DC' || (${h(3)} % 10)::VARCHAR AS "Ship-from",
      CASE WHEN i % 1000000 = 999999 THEN 'n/a' ELSE quantity::VARCHAR END AS "Qty",
      requested AS "Requested Date",
      CASE WHEN ${h(4)} % 50 = 0 THEN NULL ELSE requested + (${h(5)} % 9)::INTEGER - 5 END AS "Delivered Date",
      CASE WHEN ${h(6)} % 33 = 0 THEN quantity - 1 ELSE quantity END AS "Delivered Qty"
    FROM (SELECT i, DATE '2023-01-01' + (${h(7)} % 1096)::INTEGER AS order_date, 1 + (${h(8)} % 50)::INTEGER AS quantity FROM range(${lines}) t(i))
      CROSS JOIN LATERAL (SELECT order_date + 3 + (${h(9)} % 10)::INTEGER AS requested)
  ) TO '${file}' (HEADER, DATEFORMAT '%Y-%m-%d')`);
  connection.closeSync();
  instance.closeSync();
}
