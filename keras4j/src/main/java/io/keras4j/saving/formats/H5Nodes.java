package io.keras4j.saving.formats;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;
import io.keras4j.backend.Shape;
import io.keras4j.saving.KerasFileException;
import java.util.Arrays;

/**
 * Reads HDF5 nodes of an untrusted file with bounded work: links are followed at most {@link #MAX_LINK_DEPTH} deep,
 * and a dataset's size is checked against the expected shape and the file's size before its data is read.
 *
 * <p>Porting note: h5py resolves links in the HDF5 C library, which bounds them itself; jhdf follows a soft link to
 * itself until the stack overflows.
 */
final class H5Nodes {
  /** The longest chain of soft links followed. */
  static final int MAX_LINK_DEPTH = 16;

  private H5Nodes() {}

  /**
   * The node at {@code path} (slash-separated) below {@code root}, soft links resolved by their target paths (at
   * most {@link #MAX_LINK_DEPTH} of them); null when absent or a broken link. External links are refused.
   */
  static Node get(Group root, String path, Object file) {
    return walk(root, path, file, new int[] {MAX_LINK_DEPTH});
  }

  private static Node walk(Group start, String path, Object file, int[] budget) {
    Node node = path.startsWith("/") ? start.getHdfFile() : start;
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (!(node instanceof Group g) || !g.getChildren().containsKey(part)) {
        return null;
      }
      node = g.getChild(part);
      while (node != null && node.isLink()) {
        if (node instanceof ExternalLink) {
          throw new KerasFileException(file + ": " + node.getPath() + " is an external link (to another file), which "
              + "is not followed");
        }
        if (--budget[0] < 0) {
          throw new KerasFileException(file + ": the link " + node.getPath() + " is part of a chain longer than "
              + MAX_LINK_DEPTH + " links or of a cycle");
        }
        node = walk(node.getParent(), ((Link) node).getTargetPath(), file, budget);
      }
    }
    return node;
  }

  /**
   * The data of {@code d}, which must have {@code expected} dimensions and a numeric type, and whose uncompressed
   * size must fit in the file.
   */
  static Object data(Dataset d, long[] expected, String what, Object file, long fileSize) {
    long[] shape = dims(d);
    if (!Arrays.equals(shape, expected)) {
      throw new KerasFileException("Shape mismatch for " + what + ": the model expects " + Shape.of(expected)
          + ", the file " + file + " holds " + Shape.of(shape));
    }
    Class<?> type = d.getJavaType();
    boolean numeric = type == float.class || type == double.class || type == int.class || type == long.class
        || type == short.class || type == byte.class || (type != null && Number.class.isAssignableFrom(type));
    if (!numeric) {
      throw new KerasFileException("The dataset " + d.getPath() + " of " + file + " (" + what + ") holds " + type
          + " values where numbers were expected");
    }
    if (d.getFilters().isEmpty() && d.getSizeInBytes() > fileSize) {
      throw new KerasFileException("The dataset " + d.getPath() + " of " + file + " (" + what + ") declares "
          + d.getSizeInBytes() + " bytes, more than the whole file's " + fileSize + ": the file is truncated or corrupt");
    }
    return d.getData();
  }

  /** The dataset's dimensions as longs. */
  static long[] dims(Dataset d) {
    return Arrays.stream(d.getDimensions()).asLongStream().toArray();
  }
}
