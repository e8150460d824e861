package dev.drydock.shared.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * {@code drydock.yaml} exactly as written, before paths are resolved and values checked. Jackson binds the
 * YAML onto these records and refuses unknown keys, which is how a typo becomes an error naming the key.
 */
record ConfigFile(Migrations migrations, Validator validator, Map<String, Environment> environments, Backup backup) {

    record Migrations(String dir, String layout, String forward, String rollback, List<String> dialects,
                      Boolean transactional) {
    }

    record Validator(Map<String, String> rules, List<String> largeTables) {
    }

    record Environment(String url, String user, String password,
                       @JsonProperty("protected") Boolean protectedEnvironment, BackupRequirement backup) {
    }

    record BackupRequirement(Boolean required, String maxAge) {
    }

    record Backup(String store, S3 s3, Http http, List<Job> jobs, Cluster cluster) {
    }

    record S3(String endpoint, String region, Boolean pathStyle, String sse, String storageClass,
              String accessKeyId, String secretAccessKey) {
    }

    record Http(String bind, Integer port) {
    }

    record Job(String environment, String schedule, String verify, String verifyUrl, Retention retention) {
    }

    record Retention(Integer keepLast, Integer daily, Integer weekly, Integer monthly) {
    }

    record Cluster(String url, String user, String password) {
    }
}
