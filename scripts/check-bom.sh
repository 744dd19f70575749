#!/usr/bin/env bash
# A fresh Spring Boot application can use what this project publishes: installs the published
# modules into a throwaway local repository, generates a tiny Boot app that imports imgwire-bom and
# declares the starter and imgwire-spring-boot-test without versions, and runs its @SpringBootTest,
# which uploads an image to the emulator of @AutoConfigureImgwireEmulator.
#
#   scripts/check-bom.sh
#
# Offline, and ~/.m2 is only read: the throwaway repository (under $TMPDIR) chains to it as a
# read-only tail (maven.repo.local.tail), so the project's artifacts never land in ~/.m2. Run a
# build first (./mvnw -B verify) so that ~/.m2 has every dependency and plugin.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
m2="${MAVEN_LOCAL_REPOSITORY:-$HOME/.m2/repository}"

fail() {
	echo "check-bom: FAILED, $*" >&2
	exit 1
}

# The version of the first <version> element after the given artifactId in a POM.
version_after() {
	awk -v id="<artifactId>$2</artifactId>" 'index($0, id) { found = 1; next }
		found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$1"
}

published=$(grep -v '^#' scripts/published-modules.txt)
version=$(version_after pom.xml imgwire-parent)
boot_version=$(version_after pom.xml spring-boot-starter-parent)
[ -n "$version" ] && [ -n "$boot_version" ] || fail "no version found in pom.xml"

# The BOM: no parent (its parent's dependency management would be imported too), the reactor's
# version, and every published module but itself, all of Imgwire's group.
bom=imgwire-bom/pom.xml
grep -q '<parent>' "$bom" && fail "$bom has a parent, whose dependency management an import would bring along"
[ "$(version_after "$bom" imgwire-bom)" = "$version" ] || fail "$bom's version is not the parent's, $version"
for module in $published; do
	[ "$module" = imgwire-bom ] && continue
	grep -q "<artifactId>$module</artifactId>" "$bom" || fail "$bom does not manage the published module $module"
done
managed_groups=$(sed -n '/<dependencyManagement>/,/<\/dependencyManagement>/p' "$bom" \
	| grep -o '<groupId>[^<]*</groupId>' | sort -u | paste -sd' ' -)
[ "$managed_groups" = "<groupId>dev.imgwire</groupId>" ] \
	|| fail "$bom manages more than dev.imgwire's modules: $managed_groups"

work=$(mktemp -d "${TMPDIR:-/tmp}/imgwire-bom-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
repository=("-Dmaven.repo.local=$work/repository" "-Dmaven.repo.local.tail=$m2")

echo "Installing $(echo $published) $version into $work/repository"
if ! ./mvnw -B -o install -Dmaven.test.skip=true -Dmaven.javadoc.skip=true -Dmaven.source.skip=true \
		-pl "$(echo $published | tr ' ' ,)" -am "${repository[@]}" >"$work/install.log" 2>&1; then
	tail -n 40 "$work/install.log"
	fail "the published modules did not install (log above)"
fi
if [ -d "$m2/dev/imgwire" ]; then
	echo "check-bom: note: $m2/dev/imgwire exists; the application resolves Imgwire from $work/repository first"
fi

app="$work/fresh-app"
mkdir -p "$app/src/main/java/com/example/fresh" "$app/src/test/java/com/example/fresh"
cat >"$app/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
		xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
		xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
	<modelVersion>4.0.0</modelVersion>
	<parent>
		<groupId>org.springframework.boot</groupId>
		<artifactId>spring-boot-starter-parent</artifactId>
		<version>$boot_version</version>
		<relativePath/>
	</parent>
	<groupId>com.example</groupId>
	<artifactId>fresh-app</artifactId>
	<version>0.0.1-SNAPSHOT</version>

	<dependencyManagement>
		<dependencies>
			<dependency>
				<groupId>dev.imgwire</groupId>
				<artifactId>imgwire-bom</artifactId>
				<version>$version</version>
				<type>pom</type>
				<scope>import</scope>
			</dependency>
		</dependencies>
	</dependencyManagement>

	<dependencies>
		<dependency>
			<groupId>dev.imgwire</groupId>
			<artifactId>imgwire-spring-boot-starter</artifactId>
		</dependency>
		<dependency>
			<groupId>dev.imgwire</groupId>
			<artifactId>imgwire-spring-boot-test</artifactId>
			<scope>test</scope>
		</dependency>
		<dependency>
			<groupId>org.springframework.boot</groupId>
			<artifactId>spring-boot-starter-test</artifactId>
			<scope>test</scope>
		</dependency>
	</dependencies>
</project>
POM
cat >"$app/src/main/java/com/example/fresh/FreshApplication.java" <<'JAVA'
package com.example.fresh;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FreshApplication {

	public static void main(String[] args) {
		SpringApplication.run(FreshApplication.class, args);
	}

}
JAVA
cat >"$app/src/test/java/com/example/fresh/FreshApplicationTests.java" <<'JAVA'
package com.example.fresh;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.imgwire.client.ImgwireImagesClient;
import dev.imgwire.client.model.Image;
import dev.imgwire.client.upload.UploadOptions;
import dev.imgwire.client.upload.UploadSource;
import dev.imgwire.emulator.ImgwireEmulator;
import dev.imgwire.emulator.SampleImages;
import dev.imgwire.spring.boot.test.autoconfigure.AutoConfigureImgwireEmulator;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@AutoConfigureImgwireEmulator
class FreshApplicationTests {

	@Autowired
	ImgwireImagesClient images;

	@Autowired
	ImgwireEmulator emulator;

	@Test
	void uploadsAnImageToTheEmulator() {
		byte[] png = SampleImages.png(3, 2);
		Image image = this.images.upload(UploadSource.fromBytes(png), UploadOptions.defaults().withFileName("fresh.png"))
			.block(Duration.ofSeconds(30));
		assertThat(image).isNotNull();
		assertThat(this.emulator.state().images()).singleElement()
			.satisfies((stored) -> assertThat(stored.id().toString()).isEqualTo(image.id().toString()));
	}

}
JAVA

echo "Building $app: spring-boot-starter-parent $boot_version, imgwire-bom $version"
if ! ./mvnw -B -o verify -f "$app/pom.xml" "${repository[@]}" >"$work/app.log" 2>&1; then
	tail -n 60 "$work/app.log"
	fail "the fresh application did not build or its test failed (log above)"
fi
grep -q "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$work/app.log" || fail "the fresh application's test did not run"
resolved=$(find "$work/repository/dev/imgwire" -name '*.jar' -printf '%P\n' | sort)
echo "$resolved" | grep -q "^imgwire-spring-boot-test/$version/" || fail "imgwire-spring-boot-test was not installed"
echo "check-bom: OK, a fresh Boot $boot_version app imports imgwire-bom $version, declares the starter and"
echo "  imgwire-spring-boot-test without versions, and its @SpringBootTest uploads an image to the emulator"
