package dev.imgwire.emulator.state;

/**
 * The {@code CustomDomainCertificateStatus} values of the Imgwire API.
 *
 * @author imgwire
 */
public enum CertificateStatus {

	/** Not issued yet. */
	PENDING,

	/** Issued and served. */
	ACTIVE,

	/** Renewal or issuance failing. The emulator never reaches this state on its own. */
	FAILING

}
