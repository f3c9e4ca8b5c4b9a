# R's ets, auto.arima and thetaf on an M3 TRAINING cut, scored as shared/BENCHMARKS.md scores the test
# parts: prints the rows of bench/m3-cut-reference.ts (M3_CUT_REFERENCE) for one subset and cut.
#   Rscript bench/m3-cut-reference.R /work/shared/data/m3 quarterly 1 [every]
# Cut k: the k-th block of h points back from the end of each series' training part is the test part,
# what precedes it the training part (bench/m3Data.ts trainingCut); series with fewer than 8 training
# points before the block are left out (forecast-m3's MIN_CUT_TRAINING). every = 5 keeps series 1, 6,
# 11, ... of the subset's meta file (forecast-m3 --every 5), for monthly, where auto.arima takes hours.
# R 4.2.2, forecast 8.20 (Debian r-cran-forecast); 2 cores by mclapply.
suppressMessages(library(forecast)); library(parallel)
args <- commandArgs(TRUE); dir <- args[1]; subset <- args[2]; cut <- as.integer(args[3])
every <- if (length(args) > 3) as.integer(args[4]) else 1
d <- read.csv(sprintf("%s/m3_%s.csv", dir, subset))
meta <- read.csv(sprintf("%s/m3_%s_meta.csv", dir, subset))
meta <- meta[seq(1, nrow(meta), by = every), ]
meta <- meta[meta$n_train - cut * meta$horizon >= 8, ]
smape <- function(y, f) mean(ifelse(y == 0 & f == 0, 0, 200 * abs(y - f) / (abs(y) + abs(f))))
one <- function(k) {
  h <- meta$horizon[k]; m <- meta$frequency[k]
  x <- d$value[d$series_id == meta$series_id[k] & d$split == "train"]
  end <- length(x) - (cut - 1) * h; test <- x[(end - h + 1):end]; x <- x[1:(end - h)]
  scale <- if (length(x) > m) mean(abs(diff(x, lag = m))) else mean(abs(diff(x)))
  y <- ts(x, frequency = m)
  fcs <- list(thetaf = thetaf(y, h = h, level = c(80, 95)), ets = forecast(ets(y), h = h, level = c(80, 95)),
              auto.arima = forecast(auto.arima(y), h = h, level = c(80, 95)))
  mean3 <- Reduce(`+`, lapply(fcs, function(fc) as.numeric(fc$mean))) / 3
  score <- function(f) c(smape(test, f), if (scale > 0) mean(abs(test - f)) / scale else NA)
  rows <- lapply(fcs, function(fc) c(score(as.numeric(fc$mean)),
    sum(test >= fc$lower[, 1] & test <= fc$upper[, 1]), sum(test >= fc$lower[, 2] & test <= fc$upper[, 2]), h))
  rows[["mean(ets,arima,theta)"]] <- c(score(mean3), NA, NA, h)
  rows
}
res <- mclapply(seq_len(nrow(meta)), one, mc.cores = 2)
cat(sprintf("  { subset: \"%s\", cut: %d, every: %d, series: %d, rows: [\n", subset, cut, every, nrow(meta)))
for (method in names(res[[1]])) {
  v <- do.call(rbind, lapply(res, `[[`, method))
  cover <- function(j) if (all(is.na(v[, j]))) "NaN" else sprintf("%.1f", 100 * sum(v[, j]) / sum(v[, 5]))
  cat(sprintf("    { method: \"%s\", smape: %.3f, mase: %.3f, cover80: %s, cover95: %s },\n", method,
    mean(v[, 1]), mean(v[, 2], na.rm = TRUE), cover(3), cover(4)))
}
cat("  ] },\n")
