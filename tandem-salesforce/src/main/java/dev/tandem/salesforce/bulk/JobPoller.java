package dev.tandem.salesforce.bulk;

import dev.tandem.salesforce.error.ApiError;
import dev.tandem.salesforce.error.ErrorCodes;
import dev.tandem.salesforce.error.SalesforceException;
import dev.tandem.salesforce.http.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Polls a Bulk API job until it is finished. The wait starts at {@code initialInterval} and doubles up to
 * {@code maxInterval}, so long jobs cost few status calls; {@code timeout} is measured in summed waits.
 */
public final class JobPoller {
    private final Sleeper sleeper;
    private final Duration initialInterval;
    private final Duration maxInterval;
    private final Duration timeout;

    public JobPoller(Sleeper sleeper, Duration initialInterval, Duration maxInterval, Duration timeout) {
        this.sleeper = sleeper;
        this.initialInterval = initialInterval;
        this.maxInterval = maxInterval;
        this.timeout = timeout;
    }

    public BulkJob await(Supplier<BulkJob> status) {
        Duration waited = Duration.ZERO;
        Duration interval = initialInterval;
        while (true) {
            BulkJob job = status.get();
            if (job.finished()) {
                return job;
            }
            if (waited.compareTo(timeout) >= 0) {
                throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.BULK_JOB_TIMEOUT,
                        "Bulk API job " + job.id() + " still " + job.state() + " after " + waited.toSeconds() + " s",
                        List.of())), true, null);
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalesforceException(0, List.of(new ApiError(ErrorCodes.BULK_JOB_TIMEOUT,
                        "interrupted while waiting for Bulk API job " + job.id(), List.of())), true, e);
            }
            waited = waited.plus(interval);
            Duration doubled = interval.multipliedBy(2);
            interval = doubled.compareTo(maxInterval) > 0 ? maxInterval : doubled;
        }
    }
}
