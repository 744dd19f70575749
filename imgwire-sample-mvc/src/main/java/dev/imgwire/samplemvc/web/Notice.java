package dev.imgwire.samplemvc.web;

/**
 * A one-line message for the next page, carried across a redirect as the flash attribute
 * {@value #ATTRIBUTE}.
 *
 * @param kind {@code success} or {@code error}, used as a style
 * @param text what to tell the user
 * @author Imgwire
 */
public record Notice(String kind, String text) {

	/** The flash attribute, and the model attribute the pages read. */
	public static final String ATTRIBUTE = "notice";

	public static Notice success(String text) {
		return new Notice("success", text);
	}

	public static Notice error(String text) {
		return new Notice("error", text);
	}

}
