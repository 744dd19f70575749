package dev.imgwire.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to a standard upload: the new image record and the presigned URL its bytes
 * go to.
 *
 * @param image the image record, not yet {@link ImageStatus#READY}
 * @param uploadUrl presigned URL for a raw {@code PUT} of the bytes, without
 * authorization
 * @author Imgwire
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StandardUpload(@JsonProperty("image") Image image, @JsonProperty("upload_url") String uploadUrl) {

	@Override
	public String toString() {
		// The signed URL is a bearer credential for the upload.
		return "StandardUpload[image=" + this.image.id() + ", uploadUrl=<redacted>]";
	}

}
