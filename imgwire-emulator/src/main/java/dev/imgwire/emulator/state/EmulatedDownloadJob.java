package dev.imgwire.emulator.state;

import java.util.List;
import java.util.UUID;

/**
 * A bulk download job as a test sees it through {@link EmulatorState}.
 *
 * @param id the job id
 * @param status {@code PENDING}, {@code PROCESSING}, {@code READY} or {@code FAILED}
 * @param imageIds the requested images
 * @author imgwire
 */
public record EmulatedDownloadJob(UUID id, String status, List<UUID> imageIds) {

}
