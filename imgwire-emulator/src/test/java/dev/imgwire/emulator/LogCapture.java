package dev.imgwire.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the emulator, Reactor Netty and Netty log while it is open. All three log
 * through {@code java.util.logging} in this module's tests (Reactor by the
 * {@code reactor.logging.fallback} property the build sets).
 */
final class LogCapture implements AutoCloseable {

	private final List<LogRecord> records = new CopyOnWriteArrayList<>();

	private final Handler handler = new Handler() {

		@Override
		public void publish(LogRecord record) {
			LogCapture.this.records.add(record);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	};

	private LogCapture() {
		this.handler.setLevel(Level.ALL);
		Logger.getLogger("").addHandler(this.handler);
	}

	static LogCapture start() {
		return new LogCapture();
	}

	List<LogRecord> records() {
		return List.copyOf(this.records);
	}

	/**
	 * Records at ERROR ({@code SEVERE}), and records with a stack trace at any level from
	 * WARNING up.
	 */
	List<String> errorsAndStackTraces() {
		return this.records.stream()
			.filter((record) -> record.getLevel().intValue() >= Level.SEVERE.intValue()
					|| (record.getThrown() != null && record.getLevel().intValue() >= Level.WARNING.intValue()))
			.map(LogCapture::describe)
			.toList();
	}

	static String describe(LogRecord record) {
		return record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage()
				+ ((record.getThrown() != null) ? " [" + record.getThrown() + "]" : "");
	}

	@Override
	public void close() {
		Logger.getLogger("").removeHandler(this.handler);
	}

}
