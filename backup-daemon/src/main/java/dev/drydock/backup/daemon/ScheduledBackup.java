package dev.drydock.backup.daemon;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;

/**
 * The Quartz job of one configured backup job. Quartz creates it for every firing; the daemon it belongs to
 * travels in the scheduler's context. Two firings of one job never overlap.
 */
@DisallowConcurrentExecution
public final class ScheduledBackup implements Job {

    static final String DAEMON = "drydock.daemon";
    static final String ENVIRONMENT = "environment";

    @Override
    public void execute(JobExecutionContext context) {
        try {
            BackupDaemon daemon = (BackupDaemon) context.getScheduler().getContext().get(DAEMON);
            daemon.runJob(context.getMergedJobDataMap().getString(ENVIRONMENT));
        } catch (SchedulerException e) {
            throw new IllegalStateException("the scheduler lost its context", e);
        }
    }
}
