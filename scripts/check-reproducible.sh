#!/usr/bin/env bash
# Reproducible builds: builds the published modules twice, each time from a fresh copy of this
# checkout in a directory of its own, and compares every jar they produce (classes, sources and
# javadoc) byte for byte. Offline: run a build first (./mvnw -B verify) so that ~/.m2 has the plugins.
#
#   scripts/check-reproducible.sh
#
# Exits 0 when all jars are identical, 1 when one differs (its differing entries are listed).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

modules=$(grep -v '^#' scripts/published-modules.txt | paste -sd, -)
work=$(mktemp -d "${TMPDIR:-/tmp}/imgwire-reproducible.XXXXXX")
trap 'rm -rf "$work"' EXIT

for build in 1 2; do
	dir="$work/build-$build"
	mkdir "$dir"
	# The files git knows of, committed or not, but not ignored ones such as target/.
	git ls-files -z --cached --others --exclude-standard \
		| while IFS= read -r -d '' file; do if [ -e "$file" ]; then printf '%s\0' "$file"; fi; done \
		| tar -C "$root" --null -T - -cf - | tar -C "$dir" -xf -
	echo "Build $build of $modules in $dir"
	if ! (cd "$dir" && ./mvnw -B -o package -Dmaven.test.skip=true -pl "$modules" -am >"$work/build-$build.log" 2>&1); then
		tail -n 40 "$work/build-$build.log"
		echo "check-reproducible: FAILED, build $build did not succeed (log above)" >&2
		exit 1
	fi
done

jars() {
	(cd "$1" && for module in ${modules//,/ }; do if [ -d "$module/target" ]; then find "$module/target" -maxdepth 1 -name '*.jar'; fi; done | sort)
}

if [ "$(jars "$work/build-1")" != "$(jars "$work/build-2")" ]; then
	diff <(jars "$work/build-1") <(jars "$work/build-2") || true
	echo "check-reproducible: FAILED, the two builds produced different sets of jars" >&2
	exit 1
fi

count=0
different=0
while read -r jar; do
	count=$((count + 1))
	first=$(sha256sum "$work/build-1/$jar" | cut -d' ' -f1)
	second=$(sha256sum "$work/build-2/$jar" | cut -d' ' -f1)
	if [ "$first" = "$second" ]; then
		printf 'identical  %s  %s\n' "$first" "$jar"
	else
		different=$((different + 1))
		printf 'DIFFERENT  %s  %s\n' "$jar" "$first / $second"
		# Which entries differ (size, CRC or time); the first few.
		{ diff <(unzip -v "$work/build-1/$jar" | sed '1d') <(unzip -v "$work/build-2/$jar" | sed '1d') || true; } \
			| sed 's/^/    /' | head -n 12 || true
	fi
done < <(jars "$work/build-1")

if [ "$count" -eq 0 ]; then
	echo "check-reproducible: FAILED, no jars were built" >&2
	exit 1
fi
if [ "$different" -ne 0 ]; then
	echo "check-reproducible: FAILED, $different of $count jars differ between two builds of the same sources" >&2
	exit 1
fi
echo "check-reproducible: OK, $count jars are byte for byte identical in two builds"
