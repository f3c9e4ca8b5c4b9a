/**
 * Several zero-filled Float64Arrays carved from one buffer: one allocation instead of one per array. An
 * array longer than 64 bytes is stored outside the JavaScript heap, and allocating one costs about 0.4 µs
 * (a view of an existing buffer about 35 ns), which the forecasting kernels would otherwise pay for each
 * of the thousands of models and optimiser runs behind one forecast.
 * @param lengths - length of each array
 * @returns the arrays in the order of `lengths`: views of one buffer that do not overlap
 * @example const [level, season] = float64Views(1, 12); // level.length 1, season.length 12, all zeros
 */
export function float64Views(...lengths: number[]): Float64Array<ArrayBuffer>[] {
  let total = 0;
  for (const length of lengths) total += length;
  const buffer = new Float64Array(total);
  let start = 0;
  return lengths.map((length) => {
    const view = buffer.subarray(start, start + length);
    start += length;
    return view;
  });
}
