# Real series nobody here wrote: every yearly, quarterly and monthly ts of R's own `datasets` package
# long enough for a holdout (h = 6 years, 8 quarters, 18 months; at least 2h + 2m + 4 points), with
# the accuracy of R forecast's ets, auto.arima, thetaf and their plain mean on that holdout.
#   Rscript bench/r-datasets.R OUTDIR      (R 4.2.2, Debian r-cran-forecast 8.20)
# writes OUTDIR/history.csv (series_id, m, h, period, value: the training part), OUTDIR/test.csv
# (series_id, step, actual) and OUTDIR/reference.csv (per series: sMAPE, MASE and the share of the holdout
# inside the 80% and 95% intervals of each R method;
# "mean3" is the plain mean of the three; MASE over the in-sample mean absolute seasonal difference). bench/r-datasets.ts scores automatic mode
# on the same holdouts.
suppressMessages(library(forecast))
out <- commandArgs(trailingOnly = TRUE)[1]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
history <- list(); test <- list(); reference <- list()
for (name in ls("package:datasets")) {
  x <- get(name, "package:datasets")
  if (!is.ts(x) || is.matrix(x) || any(is.na(x))) next
  m <- frequency(x)
  if (!(m %in% c(1, 4, 12))) next
  h <- c(`1` = 6, `4` = 8, `12` = 18)[[as.character(m)]]
  if (length(x) < 2 * h + 2 * m + 4) next
  train <- subset(x, end = length(x) - h)
  actual <- as.numeric(subset(x, start = length(x) - h + 1))
  fits <- list(ets = forecast(ets(train), h, level = c(80, 95)), auto.arima = forecast(auto.arima(train), h, level = c(80, 95)), thetaf = thetaf(train, h, level = c(80, 95)))
  means <- lapply(fits, function(fit) fit$mean)
  means[["mean3"]] <- (means$ets + means$auto.arima + means$thetaf) / 3
  inside <- function(fit, k) if (is.null(fit)) NA else mean(actual >= fit$lower[, k] & actual <= fit$upper[, k])
  scale <- mean(abs(diff(as.numeric(train), lag = m)))
  for (method in names(means)) {
    f <- as.numeric(means[[method]])
    reference[[length(reference) + 1]] <- data.frame(series_id = name, method = method,
      smape = mean(ifelse(abs(actual) + abs(f) > 0, 200 * abs(actual - f) / (abs(actual) + abs(f)), 0)),
      mase = mean(abs(actual - f)) / scale, inside80 = inside(fits[[method]], 1), inside95 = inside(fits[[method]], 2))
  }
  history[[name]] <- data.frame(series_id = name, m = m, h = h, period = seq_along(train), value = as.numeric(train))
  test[[name]] <- data.frame(series_id = name, step = seq_len(h), actual = actual)
}
write.csv(do.call(rbind, history), file.path(out, "history.csv"), row.names = FALSE)
write.csv(do.call(rbind, test), file.path(out, "test.csv"), row.names = FALSE)
write.csv(do.call(rbind, reference), file.path(out, "reference.csv"), row.names = FALSE)
cat(length(history), "series written to", out, "\n")
