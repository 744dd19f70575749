package dev.imgwire.samplemvc.security;

/**
 * The pages' Content-Security-Policy: nothing but this app's own style sheet and images
 * from this app and the Imgwire CDN, forms that post only to this app, and no framing.
 * The pages have no script at all, and no inline style.
 *
 * @param imageOrigin the origin the images' {@code cdn_url} point to
 * @author Imgwire
 */
public record ContentSecurityPolicy(String imageOrigin) {

	/**
	 * The header's value.
	 * @return the policy directives
	 */
	public String directives() {
		return "default-src 'none'; img-src 'self' " + this.imageOrigin
				+ "; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
	}

}
