# R's ets, thetaf and croston on the thinned M3 series m3-intermittent.js --dump writes, scored as that
# bench scores ours (MASE and RMSSE by the history's one-step naive errors, interval cover): prints the
# rows of M3_INTERMITTENT_REFERENCE. Rscript bench/m3-intermittent-reference.R thinned.csv
# R 4.2.2, forecast 8.20 (Debian r-cran-forecast); 2 cores by mclapply.
suppressMessages(library(forecast)); library(parallel)
d <- read.csv(commandArgs(TRUE)[1])
ids <- unique(d$id)
one <- function(id) {
  rows <- d[d$id == id, ]; x <- rows$value[rows$part == "train"]; y <- rows$value[rows$part == "test"]
  h <- length(y); m <- rows$m[1]; s <- ts(x, frequency = m)
  a <- mean(abs(diff(x))); q <- mean(diff(x)^2)
  fcs <- list(ets = forecast(ets(s), h = h, level = c(80, 95)), thetaf = thetaf(s, h = h, level = c(80, 95)),
              croston = croston(x, h = h))
  lapply(fcs, function(fc) {
    f <- as.numeric(fc$mean)
    c(if (a > 0) mean(abs(y - f)) / a else NA, if (q > 0) sqrt(mean((y - f)^2) / q) else NA,
      if (is.null(fc$lower)) NA else sum(y >= fc$lower[, 1] & y <= fc$upper[, 1]),
      if (is.null(fc$lower)) NA else sum(y >= fc$lower[, 2] & y <= fc$upper[, 2]), h)
  })
}
res <- mclapply(ids, one, mc.cores = 2)
for (method in names(res[[1]])) {
  v <- do.call(rbind, lapply(res, `[[`, method))
  cover <- function(j) if (all(is.na(v[, j]))) "NaN" else sprintf("%.1f", 100 * sum(v[, j]) / sum(v[, 5]))
  cat(sprintf("  { method: \"%s\", mase: %.3f, rmsse: %.3f, cover80: %s, cover95: %s },\n", method,
    mean(v[, 1], na.rm = TRUE), mean(v[, 2], na.rm = TRUE), cover(3), cover(4)))
}
