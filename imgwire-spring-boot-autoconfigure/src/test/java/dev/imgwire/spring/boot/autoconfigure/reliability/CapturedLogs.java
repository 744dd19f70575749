package dev.imgwire.spring.boot.autoconfigure.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Turns loggers up to TRACE and keeps every event they log, message and throwables
 * included, in memory only (nothing reaches the console).
 *
 * @author Imgwire
 */
final class CapturedLogs implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

	private final Map<Logger, Boolean> previousAdditivity = new LinkedHashMap<>();

	private CapturedLogs(List<String> loggerNames) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.appender.setContext(context);
		this.appender.start();
		for (String name : loggerNames) {
			Logger logger = context.getLogger(name);
			this.previousLevels.put(logger, logger.getLevel());
			this.previousAdditivity.put(logger, logger.isAdditive());
			logger.setLevel(Level.TRACE);
			logger.setAdditive(false);
			logger.addAppender(this.appender);
		}
	}

	static CapturedLogs atTrace(String... loggerNames) {
		return new CapturedLogs(List.of(loggerNames));
	}

	/**
	 * Every captured event as text: logger, message and the whole throwable chain with
	 * messages and stack frames.
	 * @return the lines
	 */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : List.copyOf(this.appender.list)) {
			StringBuilder line = new StringBuilder().append('[')
				.append(event.getThreadName())
				.append("] ")
				.append(event.getLevel())
				.append(' ')
				.append(event.getLoggerName())
				.append(" - ")
				.append(event.getFormattedMessage());
			for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
				line.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
				for (IThrowableProxy suppressed : proxy.getSuppressed()) {
					line.append(" | suppressed ")
						.append(suppressed.getClassName())
						.append(": ")
						.append(suppressed.getMessage());
				}
				for (StackTraceElementProxy frame : proxy.getStackTraceElementProxyArray()) {
					line.append(" @ ").append(frame.getSTEAsString());
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	@Override
	public void close() {
		this.previousLevels.forEach((logger, level) -> {
			logger.detachAppender(this.appender);
			logger.setLevel(level);
			logger.setAdditive(this.previousAdditivity.get(logger));
		});
		this.appender.stop();
	}

}
