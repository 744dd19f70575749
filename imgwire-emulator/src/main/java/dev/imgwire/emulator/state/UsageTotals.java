package dev.imgwire.emulator.state;

/**
 * Usage the emulator counted over some span of time.
 *
 * @param uploads images that received their bytes, by presigned PUT or
 * {@code upload_via_url}
 * @param transformations CDN requests that asked for a preset or transformation
 * parameters
 * @param cdnRequests images delivered by the CDN
 * @param transferBytes bytes the CDN delivered
 * @param storageBytesAdded bytes stored by uploads
 * @param storageBytesReleased bytes released by deleting uploaded images
 * @author imgwire
 */
public record UsageTotals(long uploads, long transformations, long cdnRequests, long transferBytes,
		long storageBytesAdded, long storageBytesReleased) {

	/** No usage at all. */
	public static final UsageTotals NONE = new UsageTotals(0, 0, 0, 0, 0, 0);

	/**
	 * Stored bytes added minus released; over all time, the bytes stored now.
	 * @return the net change of stored bytes
	 */
	public long storageBytesNet() {
		return this.storageBytesAdded - this.storageBytesReleased;
	}

}
