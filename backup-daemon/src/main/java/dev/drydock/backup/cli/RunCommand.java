package dev.drydock.backup.cli;

import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.daemon.BackupDaemon;
import dev.drydock.backup.daemon.LogFormat;
import dev.drydock.shared.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code backup-daemon run}: the service, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the scheduler and the HTTP endpoints (/health, /metrics, /api/backups, /) until stopped;"
                + " on SIGTERM a running backup is finished first.",
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon --config /etc/drydock/drydock.yaml run",
                "  backup-daemon --config /etc/drydock/drydock.yaml run --log-format json   # one JSON object per line"})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: one JSON object per event on standard error, for log shippers.")
    String logFormat;

    @Override
    public Integer call() throws Exception {
        switch (logFormat) {
            case "text" -> { }
            case "json" -> LogFormat.json();
            default -> throw new BadInputException("--log-format " + logFormat + ": use text or json");
        }
        BackupDaemon daemon = new BackupDaemon(BackupSetup.load(parent.config), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            daemon.close();
            stopped.countDown();
        }, "drydock-shutdown"));
        daemon.start();
        System.out.println("backup-daemon: running; endpoints on " + daemon.address());
        stopped.await();
        return 0;
    }
}
