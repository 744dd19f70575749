package dev.imgwire.samplemvc.web;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * When Tomcat refuses an upload over the size limit, it stops reading the request and, by
 * default, closes the connection once it has answered: the browser, still sending its
 * file, then shows a connection error instead of the page with the message. Here Tomcat
 * reads and discards the rest of such an upload (up to
 * {@code server.tomcat.max-swallow-size}) so that the answer arrives.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
final class AbortedUploadsConfiguration {

	@Bean
	TomcatContextCustomizer swallowAbortedUploads() {
		return (context) -> context.setSwallowAbortedUploads(true);
	}

}
