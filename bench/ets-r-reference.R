# R's ets() fits on M3 training parts, for bench/ets-speed.ts's AICc comparison (not used by tests).
# Writes <outDir>/<subset>.tsv: id, R's model, AICc, forecast means, 95% lower, 95% upper (comma lists).
# Usage: Rscript bench/ets-r-reference.R <dataDir> <outDir> <subset: yearly|quarterly|monthly|other> <count>
# Needs Debian's r-cran-forecast (R 4.2.2, forecast 8.20 were used for the figures in the report).
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
dataDir <- args[1]; outDir <- args[2]; name <- args[3]; k <- as.integer(args[4])
d <- read.csv(sprintf("%s/m3_%s.csv", dataDir, name))
meta <- read.csv(sprintf("%s/m3_%s_meta.csv", dataDir, name))
ids <- meta$series_id[seq(1, nrow(meta), length.out = k)]  # evenly spaced, indices truncated
out <- c()
for (id in ids) {
  x <- d$value[d$series_id == id & d$split == "train"]
  f <- meta$frequency[meta$series_id == id]; h <- meta$horizon[meta$series_id == id]
  fit <- ets(ts(x, frequency = f))
  fc <- forecast(fit, h = h, level = 95)
  join <- function(v) paste(format(as.numeric(v), digits = 10), collapse = ",")
  out <- c(out, sprintf("%s\t%s\t%.6f\t%s\t%s\t%s", id, fit$method, fit$aicc, join(fc$mean), join(fc$lower), join(fc$upper)))
}
writeLines(out, sprintf("%s/%s.tsv", outDir, name))
