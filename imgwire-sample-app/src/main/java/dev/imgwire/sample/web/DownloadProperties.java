package dev.imgwire.sample.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk download settings.
 *
 * @param timeout how long {@code POST /api/downloads} waits for the zip before giving up;
 * bounded so a stuck job cannot hold the request open forever
 * @author Imgwire
 */
@ConfigurationProperties("sample.downloads")
public record DownloadProperties(@DefaultValue("60s") Duration timeout) {

}
