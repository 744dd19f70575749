package dev.imgwire.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

import dev.imgwire.client.ImgwireClient;
import dev.imgwire.client.ImgwireClientBuilder;
import dev.imgwire.client.ImgwireTemplate;
import dev.imgwire.client.retry.ImgwireRetryPolicy;

/**
 * Maps {@link ImgwireProperties} onto an {@link ImgwireClientBuilder}, and onto the
 * {@link ImgwireTemplate} over the client. The client's builder,
 * {@link ImgwireRetryPolicy} and the template validate every value, once; a value they
 * reject fails with an {@link InvalidConfigurationPropertyValueException} that names the
 * property, its value and the rule in terms of properties.
 *
 * @author Imgwire
 */
final class ImgwireClientPropertyMapper {

	private final ImgwireProperties properties;

	/**
	 * The builder argument behind each property, and the property's value.
	 */
	private final Map<String, Property> byArgument = new LinkedHashMap<>();

	ImgwireClientPropertyMapper(ImgwireProperties properties) {
		this.properties = properties;
		ImgwireProperties.Retry retry = properties.getRetry();
		ImgwireProperties.Upload upload = properties.getUpload();
		add("responseTimeout", "imgwire.response-timeout", properties::getResponseTimeout);
		add("uploadTimeout", "imgwire.upload-timeout", properties::getUploadTimeout);
		add("pollInterval", "imgwire.upload.poll-interval", upload::getPollInterval);
		add("readyTimeout", "imgwire.upload.ready-timeout", upload::getReadyTimeout);
		add("spoolDirectory", "imgwire.upload.spool.directory", upload.getSpool()::getDirectory);
		add("maxSpoolBytes", "imgwire.upload.spool.max-size", upload.getSpool()::getMaxSize);
		add("maxRetries", "imgwire.retry.max-retries", retry::getMaxRetries);
		add("initialDelay", "imgwire.retry.initial-delay", retry::getInitialDelay);
		add("maxDelay", "imgwire.retry.max-delay", retry::getMaxDelay);
		add("jitter", "imgwire.retry.jitter", retry::getJitter);
		add("blockTimeout", "imgwire.block-timeout", properties::getBlockTimeout);
	}

	private void add(String argument, String name, Supplier<?> value) {
		this.byArgument.put(argument, new Property(name, value));
	}

	/**
	 * Apply the properties.
	 * @param <C> what the builder builds
	 * @param builder the builder
	 * @return the builder
	 * @throws InvalidConfigurationPropertyValueException for a rejected value
	 */
	<C> ImgwireClientBuilder<C> map(ImgwireClientBuilder<C> builder) {
		ImgwireProperties.Upload upload = this.properties.getUpload();
		PropertyMapper map = PropertyMapper.get();
		try {
			map.from(this.properties::getResponseTimeout).to(builder::responseTimeout);
			map.from(this.properties::getUploadTimeout).to(builder::uploadTimeout);
			map.from(upload::getPollInterval).to(builder::pollInterval);
			map.from(upload::isAwaitReady).to(builder::awaitReadyByDefault);
			map.from(upload::getReadyTimeout).to(builder::readyTimeout);
			map.from(upload.getSpool()::getDirectory).to(builder::spoolDirectory);
			map.from(upload.getSpool()::getMaxSize).as(DataSize::toBytes).to(builder::maxSpoolBytes);
			return builder.retryPolicy(retryPolicy(this.properties.getRetry()));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex);
		}
	}

	/**
	 * Create the blocking template over a client, with {@code imgwire.block-timeout} or,
	 * when it is not set, the client's default.
	 * @param client the client
	 * @return the template
	 * @throws InvalidConfigurationPropertyValueException for a rejected value
	 */
	ImgwireTemplate template(ImgwireClient client) {
		Duration blockTimeout = this.properties.getBlockTimeout();
		try {
			return (blockTimeout != null) ? new ImgwireTemplate(client, blockTimeout) : new ImgwireTemplate(client);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex);
		}
	}

	private static ImgwireRetryPolicy retryPolicy(ImgwireProperties.Retry retry) {
		return retry.isEnabled() ? new ImgwireRetryPolicy(true, retry.getMaxRetries(), retry.getInitialDelay(),
				retry.getMaxDelay(), retry.getJitter()) : ImgwireRetryPolicy.disabled();
	}

	/**
	 * Translate a rejection such as {@code "maxDelay: must not be shorter than
	 * initialDelay"} into property terms.
	 */
	private RuntimeException invalid(IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		int separator = message.indexOf(": ");
		Property property = (separator != -1) ? this.byArgument.get(message.substring(0, separator)) : null;
		if (property == null) {
			return ex;
		}
		String reason = message.substring(separator + 2);
		for (Map.Entry<String, Property> other : this.byArgument.entrySet()) {
			Property named = other.getValue();
			reason = reason.replace(other.getKey(), "'" + named.name() + "' (" + named.value().get() + ")");
		}
		reason = StringUtils.capitalize(reason.endsWith(".") ? reason : reason + ".");
		return new InvalidConfigurationPropertyValueException(property.name(), property.value().get(), reason);
	}

	private record Property(String name, Supplier<?> value) {

	}

}
