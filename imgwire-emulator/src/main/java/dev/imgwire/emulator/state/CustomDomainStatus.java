package dev.imgwire.emulator.state;

/**
 * The {@code CustomDomainStatus} values of the Imgwire API.
 *
 * @author imgwire
 */
public enum CustomDomainStatus {

	/** Created, DNS not verified yet. */
	PENDING,

	/** DNS verified; the domain serves images. */
	CONNECTED,

	/** Verification failed. The emulator never reaches this state on its own. */
	FAILED

}
