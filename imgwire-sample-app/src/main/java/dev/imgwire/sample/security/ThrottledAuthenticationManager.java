package dev.imgwire.sample.security;

import java.net.InetSocketAddress;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Puts a {@link LoginThrottle} in front of an authentication manager, so the form login
 * and HTTP Basic (the actuator's) count failures together and refuse a throttled user
 * name or address alike, before the password is even checked.
 *
 * <p>
 * The client address is the request's remote address: behind a proxy, let Spring Boot
 * apply the forwarded headers ({@code server.forward-headers-strategy}) so that it is the
 * client's; {@code X-Forwarded-For} is never trusted here.
 *
 * @author Imgwire
 */
final class ThrottledAuthenticationManager implements ReactiveAuthenticationManager {

	private final ReactiveAuthenticationManager delegate;

	private final LoginThrottle throttle;

	ThrottledAuthenticationManager(ReactiveAuthenticationManager delegate, LoginThrottle throttle) {
		this.delegate = delegate;
		this.throttle = throttle;
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		String username = authentication.getName();
		return clientAddress().flatMap((address) -> {
			Duration locked = this.throttle.lockedFor(username, address);
			if (!locked.isZero()) {
				return Mono.error(new LoginThrottledException(locked));
			}
			return this.delegate.authenticate(authentication)
				.doOnNext((authenticated) -> this.throttle.recordSuccess(username))
				.onErrorMap(AuthenticationException.class, (failure) -> {
					Duration lockedNow = this.throttle.recordFailure(username, address);
					return lockedNow.isZero() ? failure : new LoginThrottledException(lockedNow);
				});
		});
	}

	// Spring Security puts the exchange in the Reactor context of its filter chain.
	private static Mono<String> clientAddress() {
		return Mono
			.deferContextual((context) -> Mono.just(context.<ServerWebExchange>getOrEmpty(ServerWebExchange.class)
				.map((exchange) -> exchange.getRequest().getRemoteAddress())
				.map(InetSocketAddress::getAddress)
				.map(LoginThrottle::addressKey)
				.orElse(LoginThrottle.addressKey(null))));
	}

}
