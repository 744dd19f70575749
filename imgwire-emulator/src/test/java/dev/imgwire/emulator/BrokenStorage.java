package dev.imgwire.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Breaks an emulator's storage on purpose, to test what happens to received bytes when
 * storing an image fails.
 */
final class BrokenStorage {

	private BrokenStorage() {
	}

	/**
	 * Put a file where the images folder belongs, so that moving received bytes into
	 * place fails after they were written to the incoming folder.
	 * @param storageParent the folder given to {@code storageDirectory}
	 * @return the incoming folder, to check that nothing stays behind
	 */
	static Path blockImagesFolder(Path storageParent) throws IOException {
		Path storage;
		try (Stream<Path> children = Files.list(storageParent)) {
			storage = children.findFirst().orElseThrow();
		}
		Files.delete(storage.resolve("images"));
		Files.createFile(storage.resolve("images"));
		return storage.resolve("incoming");
	}

}
