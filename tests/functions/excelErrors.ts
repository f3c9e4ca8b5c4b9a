import { SopFunctionError } from "../../src/functions/excelError";

/** The Excel error (code and message) a function call raised. */
export function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(SopFunctionError);
    const { code, message } = error as SopFunctionError;
    return { code, message };
  }
  throw new Error("expected an Excel error");
}

/** The same for an async function. */
export async function excelErrorAsync(call: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call();
  } catch (error) {
    expect(error).toBeInstanceOf(SopFunctionError);
    const { code, message } = error as SopFunctionError;
    return { code, message };
  }
  throw new Error("expected an Excel error");
}
