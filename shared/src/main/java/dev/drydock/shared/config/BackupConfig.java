package dev.drydock.shared.config;

import java.util.List;

/** The {@code backup:} section: where archives go, the HTTP endpoint, and the scheduled jobs. */
public record BackupConfig(String store, S3 s3, String httpBind, int httpPort, List<Job> jobs, Cluster cluster) {

    public BackupConfig {
        jobs = List.copyOf(jobs);
    }

    /** Optional S3 settings; credentials fall back to the AWS SDK's default chain when absent. */
    public record S3(String endpoint, String region, boolean pathStyle, String sse, String storageClass,
                     Secret accessKeyId, Secret secretAccessKey) {
    }

    /** One scheduled backup; {@code verify} is {@code checksum} or {@code restore}. */
    public record Job(String environment, String schedule, String verify, String verifyUrl, Retention retention) {
    }

    /** GFS retention: the newest {@code keepLast} plus daily, weekly and monthly representatives. */
    public record Retention(int keepLast, int daily, int weekly, int monthly) {
    }

    /** A Quartz JDBC job store shared by several daemons. */
    public record Cluster(String url, Secret user, Secret password) {
    }
}
