package dev.imgwire.emulator.cdn;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * Decodes, resizes and encodes with {@code javax.imageio} and {@code java.awt} only.
 * Blocking and CPU-bound: callers run it off the event loop.
 * <p>
 * The original's size is read from its header before any pixel is decoded, and both it
 * and the output are bounded by a pixel count, so a hostile file or URL cannot make the
 * emulator allocate more than a few hundred MiB.
 *
 * @author imgwire
 */
final class ImageTransformer {

	private static final System.Logger logger = System.getLogger(ImageTransformer.class.getName());

	private final long maxPixels;

	ImageTransformer(long maxPixels) {
		this.maxPixels = maxPixels;
	}

	/**
	 * Transform an original.
	 * @param original the original's file
	 * @param plan what to do; {@link TransformationPlan#transforms()} is true
	 * @return the encoded result, or why the original has to be served as it is
	 * @throws InvalidTransformationException when the original or the output is too large
	 * @throws UncheckedIOException with a {@link NoSuchFileException} when the original
	 * was deleted meanwhile
	 */
	Result transform(Path original, TransformationPlan plan) {
		if (plan.output() == null) {
			return new Untransformed("the emulator does not decode this format");
		}
		try (ImageInputStream in = new FileImageInputStream(original.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return new Untransformed("the emulator does not decode this format");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				Geometry.checkOriginal(width, height, this.maxPixels);
				Geometry geometry = Geometry.of(plan, width, height, this.maxPixels);
				BufferedImage decoded = reader.read(0);
				BufferedImage image = render(decoded, geometry, plan.output());
				byte[] bytes = encode(image, plan.output(), plan.quality());
				return new Encoded(bytes, plan.output().mimeType());
			}
			finally {
				reader.dispose();
			}
		}
		catch (FileNotFoundException | NoSuchFileException ex) {
			throw new UncheckedIOException(new NoSuchFileException(original.toString()));
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidTransformationException invalid) {
				throw invalid;
			}
			// ImageIO signals corrupt input with unchecked exceptions too.
			logger.log(System.Logger.Level.DEBUG, "Could not transform " + original, ex);
			return new Untransformed("the original could not be decoded");
		}
	}

	private static BufferedImage render(BufferedImage original, Geometry geometry, OutputFormat output) {
		boolean alpha = original.getColorModel().hasAlpha() || (geometry.padded() && output.alpha());
		int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
		Geometry.Region from = geometry.source();
		Geometry.Region to = geometry.target();
		BufferedImage region = original.getSubimage(from.x(), from.y(), from.width(), from.height());
		BufferedImage scaled = scale(region, to.width(), to.height(), type);
		BufferedImage result = scaled;
		if (geometry.padded() || scaled == region) {
			result = new BufferedImage(geometry.width(), geometry.height(), type);
			Graphics2D graphics = result.createGraphics();
			try {
				if (!alpha) {
					graphics.setColor(Color.WHITE);
					graphics.fillRect(0, 0, geometry.width(), geometry.height());
				}
				graphics.drawImage(scaled, to.x(), to.y(), null);
			}
			finally {
				graphics.dispose();
			}
		}
		return output.alpha() ? result : flatten(result);
	}

	/**
	 * Scale in halving steps while the image is more than twice too large, then once to
	 * size: one big bilinear step would skip most source pixels and alias badly.
	 */
	private static BufferedImage scale(BufferedImage image, int width, int height, int type) {
		BufferedImage current = image;
		int currentWidth = image.getWidth();
		int currentHeight = image.getHeight();
		while (currentWidth / 2 >= width && currentHeight / 2 >= height) {
			currentWidth /= 2;
			currentHeight /= 2;
			current = draw(current, currentWidth, currentHeight, type);
		}
		if (currentWidth == width && currentHeight == height) {
			return current;
		}
		return draw(current, width, height, type);
	}

	private static BufferedImage draw(BufferedImage image, int width, int height, int type) {
		BufferedImage target = new BufferedImage(width, height, type);
		Graphics2D graphics = target.createGraphics();
		try {
			graphics.setComposite(AlphaComposite.Src);
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return target;
	}

	/**
	 * JPEG and BMP have no alpha; ImageIO refuses to write an ARGB image as either.
	 */
	private static BufferedImage flatten(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_INT_RGB) {
			return image;
		}
		BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = opaque.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
			graphics.drawImage(image, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return opaque;
	}

	private static byte[] encode(BufferedImage image, OutputFormat format, @Nullable Integer quality)
			throws IOException {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
		if (!writers.hasNext()) {
			throw new IOException("No ImageIO writer for " + format.imageIoName());
		}
		ImageWriter writer = writers.next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		// In memory: ImageIO's default would spill to temporary files.
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			if (quality != null && parameters.canWriteCompressed()) {
				parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				parameters.setCompressionQuality(quality / 100f);
			}
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	/**
	 * The outcome of {@link #transform}.
	 */
	sealed interface Result permits Encoded, Untransformed {

	}

	/**
	 * The transformed image.
	 *
	 * @param bytes the encoded bytes
	 * @param mimeType their type
	 */
	record Encoded(byte[] bytes, String mimeType) implements Result {

	}

	/**
	 * The original has to be served as it is.
	 *
	 * @param reason why, in a few ASCII words fit for a header
	 */
	record Untransformed(String reason) implements Result {

	}

}
