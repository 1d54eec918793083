package film.slate.media.ffmpeg;

import java.awt.image.BufferedImage;

/** The raw pixel layouts that cross the pipe: exactly the bytes of a Java image of the matching type. */
public enum PixelFormat {
    /** Three bytes a pixel, blue green red: {@link BufferedImage#TYPE_3BYTE_BGR}. */
    BGR24("bgr24", BufferedImage.TYPE_3BYTE_BGR, 3, "bgr0"),
    /** One byte a pixel: {@link BufferedImage#TYPE_BYTE_GRAY} (depth video). */
    GRAY8("gray", BufferedImage.TYPE_BYTE_GRAY, 1, "gray");

    private final String ffmpegName;
    private final int imageType;
    private final int bytesPerPixel;
    private final String masterFormat;

    PixelFormat(String ffmpegName, int imageType, int bytesPerPixel, String masterFormat) {
        this.ffmpegName = ffmpegName;
        this.imageType = imageType;
        this.bytesPerPixel = bytesPerPixel;
        this.masterFormat = masterFormat;
    }

    /** FFmpeg's name for the raw layout. */
    public String ffmpegName() {
        return ffmpegName;
    }

    /** The Java image type whose bytes are this layout. */
    public int imageType() {
        return imageType;
    }

    public int bytesPerPixel() {
        return bytesPerPixel;
    }

    /** The pixel format FFV1 stores losslessly for this input. */
    String masterFormat() {
        return masterFormat;
    }

    /** Bytes of one frame. */
    public int frameBytes(int width, int height) {
        return width * height * bytesPerPixel;
    }

    /** An empty image of this layout. */
    public BufferedImage newImage(int width, int height) {
        return new BufferedImage(width, height, imageType);
    }
}
