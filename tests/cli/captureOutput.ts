/** What a command printed and returned. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a command function with its stdout and stderr captured (and restored afterwards). */
export async function captureOutput(command: () => Promise<number>): Promise<CommandRun> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await command();
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
