package dev.imgwire.emulator.state;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Bulk download jobs.
 *
 * @author imgwire
 */
public final class DownloadJobs {

	private final Map<UUID, DownloadJobRecord> jobs = new ConcurrentHashMap<>();

	public DownloadJobRecord create(List<UUID> imageIds, Instant now) {
		DownloadJobRecord job = new DownloadJobRecord(UUID.randomUUID(), imageIds, DownloadStatus.PENDING, now, now);
		this.jobs.put(job.id(), job);
		return job;
	}

	public Optional<DownloadJobRecord> find(UUID id) {
		return Optional.ofNullable(this.jobs.get(id));
	}

	public Optional<DownloadJobRecord> update(UUID id, UnaryOperator<DownloadJobRecord> change) {
		return Optional.ofNullable(this.jobs.computeIfPresent(id, (key, job) -> change.apply(job)));
	}

	public List<DownloadJobRecord> all() {
		return this.jobs.values().stream().sorted(Comparator.comparing(DownloadJobRecord::createdAt)).toList();
	}

	public void clear() {
		this.jobs.clear();
	}

}
