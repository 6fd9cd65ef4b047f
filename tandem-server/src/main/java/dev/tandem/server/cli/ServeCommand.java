package dev.tandem.server.cli;

import dev.tandem.server.TandemApp;
import dev.tandem.server.config.TandemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.CountDownLatch;

/** {@code tandem serve}: runs the server until SIGTERM/SIGINT, then shuts down gracefully. */
@Command(name = "serve", description = "Run the Tandem server until stopped.", mixinStandardHelpOptions = true)
public final class ServeCommand implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOptions options;

    @Override
    public void run() {
        TandemConfig config = options.resolve(System.getenv());
        TandemApp app = ServedModules.addTo(TandemApp.builder(config)).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down");
            app.close();
            stopped.countDown();
        }, "tandem-shutdown"));
        LOG.info("Tandem listening on port {}", app.port());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
        }
    }
}
