package io.keras4j.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Images in a grid with a title over each: the {@code plt.subplot(rows, cols, i + 1); plt.imshow(x[i]);
 * plt.title(...); plt.axis("off")} loop a Keras user writes to look at a dataset or at predictions.
 *
 * <pre>{@code
 * ImageGrid.of(xTest)                              // float[n][h][w] (a colormap) or float[n][h][w][c] (grey/RGB/RGBA)
 *     .titles(labels).ncols(5).cmap("gray").figure().savefig(Path.of("digits.png"));
 * }</pre>
 *
 * <p>As {@code imshow}: a single-channel image is scaled from [vmin, vmax] (default: its own minimum and maximum)
 * to the colormap; a 3- or 4-channel image is RGB(A) with values in [0, 1], clipped. Pixels are drawn as squares
 * (nearest neighbour), the image enlarged to {@link #cellSize} pixels on its longer side.
 */
public final class ImageGrid {
  private static final int TITLE = 20;
  private static final int PAD = 8;
  private final float[][][][] images;
  private String[] titles;
  private int ncols;
  private String cmap = "viridis";
  private Double vmin;
  private Double vmax;
  private int cellSize = 128;

  private ImageGrid(float[][][][] images) {
    if (images.length == 0) {
      throw new IllegalArgumentException("ImageGrid: expected at least one image. Received: none");
    }
    for (int k = 0; k < images.length; k++) {
      int c = images[k][0][0].length;
      if (c != 1 && c != 3 && c != 4) {
        throw new IllegalArgumentException("ImageGrid: expected 1, 3 or 4 channels. Received: image " + k
            + " with " + c + " channels");
      }
    }
    this.images = images;
    this.ncols = Math.min(images.length, 5);
  }

  /** A grid of single-channel images {@code [n][height][width]}. */
  public static ImageGrid of(float[][][] images) {
    float[][][][] out = new float[images.length][][][];
    for (int k = 0; k < images.length; k++) {
      out[k] = new float[images[k].length][][];
      for (int i = 0; i < images[k].length; i++) {
        out[k][i] = new float[images[k][i].length][];
        for (int j = 0; j < images[k][i].length; j++) {
          out[k][i][j] = new float[] {images[k][i][j]};
        }
      }
    }
    return new ImageGrid(out);
  }

  /** A grid of images {@code [n][height][width][channels]}, channels 1 (colormap), 3 (RGB) or 4 (RGBA). */
  public static ImageGrid of(float[][][][] images) {
    return new ImageGrid(images);
  }

  /** One title per image. Default: none. */
  public ImageGrid titles(String... titles) {
    if (titles.length != images.length) {
      throw new IllegalArgumentException("ImageGrid: expected one title per image (" + images.length
          + "). Received: " + titles.length);
    }
    this.titles = titles.clone();
    return this;
  }

  /** One title per image. Default: none. */
  public ImageGrid titles(List<String> titles) {
    return titles(titles.toArray(new String[0]));
  }

  /** Images per row. Default: the number of images, at most 5. */
  public ImageGrid ncols(int ncols) {
    if (ncols < 1) {
      throw new IllegalArgumentException("ImageGrid: ncols must be at least 1. Received: ncols=" + ncols);
    }
    this.ncols = ncols;
    return this;
  }

  /** The colormap of single-channel images (see {@link Colormap#get}). Default: "viridis", as imshow. */
  public ImageGrid cmap(String cmap) {
    Colormap.get(cmap);
    this.cmap = cmap;
    return this;
  }

  /** The values mapped to the colormap's ends for all single-channel images. Default: each image's own range. */
  public ImageGrid vminVmax(double vmin, double vmax) {
    if (!(vmin < vmax)) {
      throw new IllegalArgumentException("ImageGrid: vmin must be below vmax. Received: vmin=" + vmin + ", vmax="
          + vmax);
    }
    this.vmin = vmin;
    this.vmax = vmax;
    return this;
  }

  /** The longer side of each drawn image in pixels. Default: 128. */
  public ImageGrid cellSize(int cellSize) {
    if (cellSize < 8) {
      throw new IllegalArgumentException("ImageGrid: cellSize must be at least 8. Received: " + cellSize);
    }
    this.cellSize = cellSize;
    return this;
  }

  /** Image {@code k} at its own size, one pixel per value, coloured as drawn. */
  public BufferedImage toImage(int k) {
    float[][][] im = images[k];
    int h = im.length;
    int w = im[0].length;
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    double[] range = range(im);
    Colormap map = Colormap.get(cmap);
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        float[] p = im[i][j];
        Color c = p.length == 1 ? map.color(p[0], range[0], range[1])
            : new Color(unit(p[0]), unit(p[1]), unit(p[2]), p.length == 4 ? unit(p[3]) : 1f);
        out.setRGB(j, i, c.getRGB());
      }
    }
    return out;
  }

  /** The grid as one panel. */
  public Panel panel() {
    int rows = (images.length + ncols - 1) / ncols;
    int width = ncols * (cellSize + PAD) + PAD;
    int height = rows * (cellSize + TITLE + PAD) + PAD;
    return new Panel() {
      @Override
      public void paint(Graphics2D g, int w, int h) {
        draw(g, w, h);
      }

      @Override
      public int width() {
        return width;
      }

      @Override
      public int height() {
        return height;
      }
    };
  }

  /** The grid as a figure of one panel. */
  public Figure figure() {
    return Figure.of(panel());
  }

  /** Where image {@code k} is drawn in the panel. */
  Rectangle bounds(int k) {
    int h = images[k].length;
    int w = images[k][0].length;
    double scale = cellSize / (double) Math.max(h, w);
    int dw = (int) Math.round(w * scale);
    int dh = (int) Math.round(h * scale);
    int x = PAD + (k % ncols) * (cellSize + PAD) + (cellSize - dw) / 2;
    int y = PAD + (k / ncols) * (cellSize + TITLE + PAD) + TITLE + (cellSize - dh) / 2;
    return new Rectangle(x, y, dw, dh);
  }

  private void draw(Graphics2D g, int width, int height) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    for (int k = 0; k < images.length; k++) {
      Rectangle r = bounds(k);
      g.drawImage(toImage(k), r.x, r.y, r.width, r.height, null);
      if (titles != null) {
        String t = fit(titles[k], fm);
        int cellX = PAD + (k % ncols) * (cellSize + PAD);
        int cellY = PAD + (k / ncols) * (cellSize + TITLE + PAD);
        g.setColor(Color.BLACK);
        g.drawString(t, cellX + (cellSize - fm.stringWidth(t)) / 2, cellY + TITLE - 6);
      }
    }
  }

  private String fit(String title, FontMetrics fm) {
    String t = title;
    while (t.length() > 1 && fm.stringWidth(t) > cellSize + PAD) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private double[] range(float[][][] im) {
    if (vmin != null) {
      return new double[] {vmin, vmax};
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (float[][] row : im) {
      for (float[] p : row) {
        lo = Math.min(lo, p[0]);
        hi = Math.max(hi, p[0]);
      }
    }
    return new double[] {lo, hi};
  }

  private static float unit(float v) {
    return Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
  }

  @Override
  public String toString() {
    return "ImageGrid(" + images.length + " images, ncols=" + ncols + ", cmap=" + cmap + ", shape="
        + Arrays.toString(new int[] {images[0].length, images[0][0].length, images[0][0][0].length}) + ")";
  }
}
