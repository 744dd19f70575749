package dev.imgwire.sample.health;

import java.util.Set;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the Imgwire health indicator out of the root {@code /actuator/health}: load
 * balancers probe the root, and an Imgwire outage must not take every instance of this
 * app out of rotation. The indicator stays visible in the {@code external} group,
 * {@code /actuator/health/external} ({@code management.endpoint.health.group.external.*};
 * a group may not share the contributor's name).
 *
 * <p>
 * Spring Boot 4.0 has no property to leave a contributor out of the root status (groups
 * only add views), hence this {@link HealthEndpointGroupsPostProcessor}.
 *
 * @author Imgwire
 */
@Configuration(proxyBeanMethods = false)
public final class HealthConfiguration {

	/** Name of the Imgwire health contributor. */
	static final String IMGWIRE = "imgwire";

	@Bean
	static HealthEndpointGroupsPostProcessor imgwireOutOfRootHealth() {
		return (groups) -> new RootExcludingGroups(groups, IMGWIRE);
	}

	private record RootExcludingGroups(HealthEndpointGroups groups, String excluded) implements HealthEndpointGroups {

		@Override
		public HealthEndpointGroup getPrimary() {
			return new RootExcludingGroup(this.groups.getPrimary(), this.excluded);
		}

		@Override
		public Set<String> getNames() {
			return this.groups.getNames();
		}

		@Override
		public HealthEndpointGroup get(String name) {
			return this.groups.get(name);
		}

		@Override
		public HealthEndpointGroup get(AdditionalHealthEndpointPath path) {
			return this.groups.get(path);
		}

	}

	private record RootExcludingGroup(HealthEndpointGroup group, String excluded) implements HealthEndpointGroup {

		@Override
		public boolean isMember(String name) {
			return !this.excluded.equals(name) && this.group.isMember(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.group.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.group.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return this.group.getStatusAggregator();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return this.group.getHttpCodeStatusMapper();
		}

		@Override
		public AdditionalHealthEndpointPath getAdditionalPath() {
			return this.group.getAdditionalPath();
		}

	}

}
