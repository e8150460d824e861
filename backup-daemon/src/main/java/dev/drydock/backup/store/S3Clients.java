package dev.drydock.backup.store;

import dev.drydock.shared.config.BackupConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;

/** Builds the S3 store of {@code backup.store: s3://bucket/prefix} and {@code backup.s3}. */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Store store(String storeUri, BackupConfig.S3 settings, Path localDir) {
        URI uri = URI.create(storeUri);
        String prefix = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(settings != null && settings.region() != null ? settings.region() : "us-east-1"))
                .credentialsProvider(credentials(settings))
                // S3-compatible servers do not all speak the SDK's newer default checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        if (settings != null && settings.endpoint() != null) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        if (settings != null) {
            builder.forcePathStyle(settings.pathStyle());
        }
        return new S3Store(builder.build(), uri.getHost(), prefix, localDir,
                settings == null ? null : settings.sse(), settings == null ? null : settings.storageClass());
    }

    private static AwsCredentialsProvider credentials(BackupConfig.S3 settings) {
        if (settings != null && settings.accessKeyId() != null && settings.secretAccessKey() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().reveal(),
                    settings.secretAccessKey().reveal()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
