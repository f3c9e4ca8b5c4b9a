/** Offer bytes or text to the planner as a file saved in the browser's downloads. */
export function offerDownload(content: Uint8Array | string, file: string, type: string): void {
  const part = typeof content === "string" ? content : (content as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = file;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
