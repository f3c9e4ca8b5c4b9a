# R's auto.arima(seasonal = FALSE) on M3 training parts with the last h training values held out, for
# bench/arima-speed.ts's comparison (not used by tests; never reads the test parts). With a season length m > 1,
# R's seasonal auto.arima(ts(y, frequency = m)) instead.
# Writes <outDir>/<subset>.tsv (<subset>-seasonal.tsv with m > 1): id, R's model, AICc, forecast means over the
# held-out h (comma list).
# Usage: Rscript bench/arima-r-reference.R <dataDir> <outDir> <subset: other|yearly|quarterly|monthly> <h> [m] [count]
# (count: that many series, evenly spaced, instead of all; R's seasonal search takes about 3 s per monthly series).
# Needs Debian's r-cran-forecast (R 4.2.2, forecast 8.20 were used for the figures in the report).
suppressMessages(library(forecast))
args <- commandArgs(TRUE)
dataDir <- args[1]; outDir <- args[2]; name <- args[3]; h <- as.integer(args[4])
m <- if (length(args) >= 5) as.integer(args[5]) else 1L
d <- read.csv(sprintf("%s/m3_%s.csv", dataDir, name))
d <- d[d$split == "train", ]
out <- c()
ids <- unique(d$series_id)
if (length(args) >= 6) ids <- ids[unique(round(seq(1, length(ids), length.out = as.integer(args[6]))))]
for (id in ids) {
  x <- d$value[d$series_id == id]
  cut <- head(x, length(x) - h)
  fit <- if (m > 1) auto.arima(ts(cut, frequency = m)) else auto.arima(cut, seasonal = FALSE)
  fc <- forecast(fit, h = h, level = 95)
  join <- function(v) paste(format(as.numeric(v), digits = 10), collapse = ",")
  out <- c(out, sprintf("%s\t%s\t%.6f\t%s", id, forecast:::arima.string(fit), fit$aicc, join(fc$mean)))
}
writeLines(out, sprintf("%s/%s%s.tsv", outDir, name, if (m > 1) "-seasonal" else ""))
