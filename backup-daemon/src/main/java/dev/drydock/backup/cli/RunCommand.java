package dev.drydock.backup.cli;

import dev.drydock.backup.BackupSetup;
import dev.drydock.backup.daemon.BackupDaemon;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code backup-daemon run}: the service, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the scheduler and the HTTP endpoints (/health, /metrics, /api/backups, /) until stopped;"
                + " on SIGTERM a running backup is finished first.",
        footerHeading = "%nExamples:%n",
        footer = {"  backup-daemon --config /etc/drydock/drydock.yaml run"})
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    BackupDaemonCommand parent;

    @Override
    public Integer call() throws Exception {
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
