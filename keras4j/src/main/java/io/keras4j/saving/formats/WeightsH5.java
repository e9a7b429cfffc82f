package io.keras4j.saving.formats;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import io.keras4j.layers.Layer;
import io.keras4j.layers.SpectralNormalization;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Optimizer;
import io.keras4j.random.SeedGenerator;
import io.keras4j.saving.KerasFileException;
import io.keras4j.utils.AtomicFiles;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras 3's {@code model.weights.h5} layout: {@code layers/<name>/vars/<i>}, {@code optimizer/vars/<i>}.
 *
 * <p>Keras equivalent: {@code keras.src.saving.saving_lib} with its H5IOStore. A layer's name in the file is its
 * class name in snake case, with {@code _1}, {@code _2} ... for repeats within one container (not the layer's
 * own name); a nested model adds its own {@code layers/...} below. Variables are numbered in the layer's order:
 * trainable, then non-trainable. Porting note: groups without variables are not written (Keras treats a missing
 * group as an empty one). A random layer's {@link SeedGenerator} state is written at
 * {@code layers/<name>/seed_generator/vars/0} ({@code seed_generator_1}, ... for more): Keras 3.15 writes none and
 * ignores the group on loading; keras4j reads it when present, so a resumed fit continues the random streams, and
 * keeps the initial state {@code [seed, 0]} when absent (a Keras file), as Keras does.
 */
public final class WeightsH5 {
  private WeightsH5() {}

  /** Every variable of {@code model} (and of its optimizer when given) by its path in the file. */
  public static Map<String, Variable> paths(Model model, Optimizer optimizer) {
    Map<String, Variable> out = new LinkedHashMap<>();
    LayerPaths.walk(model, (path, layer) -> addLayer(out, path, layer));
    if (model.isSubclassed()) {
      List<Variable> own = SubclassedModels.ownWeights(model); // Keras' save_own_variables of the model
      for (int i = 0; i < own.size(); i++) {
        out.put("vars/" + i, own.get(i));
      }
    }
    if (optimizer != null) {
      List<Variable> vars = optimizer.variables();
      for (int i = 0; i < vars.size(); i++) {
        out.put("optimizer/vars/" + i, vars.get(i));
      }
      if (optimizer instanceof io.keras4j.optimizers.LossScaleOptimizer lso) {
        // Keras also stores the wrapped optimizer under its attribute, and needs it to load the file
        List<Variable> inner = lso.innerOptimizer().variables();
        for (int i = 0; i < inner.size(); i++) {
          out.put("optimizer/inner_optimizer/vars/" + i, inner.get(i));
        }
      }
    }
    return out;
  }

  /** The variables of one layer at its path: its own, its generators' state, a wrapper's inner layer's. */
  private static void addLayer(Map<String, Variable> out, String path, Layer l) {
    if (l instanceof SpectralNormalization sn) {
      // Keras' Wrapper: its own variables (the tracked kernel, vector_u), then the wrapped layer's under "layer"
      List<Variable> vars = sn.weights();
      out.put(path + "/vars/0", vars.get(0));
      out.put(path + "/vars/1", vars.get(1));
      List<Variable> inner = sn.layer().weights();
      for (int i = 0; i < inner.size(); i++) {
        out.put(path + "/layer/vars/" + i, inner.get(i));
      }
      return;
    }
    if (l instanceof io.keras4j.saving.NestedSaveables nested) {
      addNested(out, path, l, nested);
      return;
    }
    List<Variable> vars = l.weights();
    for (int i = 0; i < vars.size(); i++) {
      out.put(path + "/vars/" + i, vars.get(i));
    }
    if (l instanceof io.keras4j.saving.OwnVariables own) {
      own.ownVariables().forEach((key, v) -> out.put(path + "/vars/" + key, v));
    }
    List<SeedGenerator> gens = l.seedGenerators();
    for (int i = 0; i < gens.size(); i++) {
      out.put(path + "/seed_generator" + (i == 0 ? "" : "_" + i) + "/vars/0", gens.get(i).state());
    }
  }

  /**
   * A layer with parts saved under their attribute names (an RNN's {@code cell}, StackedRNNCells' {@code cells}):
   * its own variables at {@code path/vars}, each part at {@code path/<attribute>}, a list's items at
   * {@code path/<attribute>/<snake_case class name>[_n]}.
   */
  private static void addNested(Map<String, Variable> out, String path, Layer l,
      io.keras4j.saving.NestedSaveables nested) {
    List<Variable> inParts = new ArrayList<>();
    List<SeedGenerator> partGens = new ArrayList<>();
    nested.nestedSaveables().forEach((attribute, part) -> {
      List<?> items = part instanceof List<?> list ? list : List.of(part);
      Map<String, Integer> used = new HashMap<>();
      for (Object item : items) {
        Layer p = (Layer) item;
        inParts.addAll(p.weights());
        partGens.addAll(p.seedGenerators());
        String at = path + "/" + attribute;
        if (part instanceof List<?>) {
          String base = io.keras4j.utils.Names.toSnakeCase(p.getClass().getSimpleName());
          Integer n = used.merge(base, 1, Integer::sum) - 1;
          at += "/" + (n == 0 ? base : base + "_" + n);
        }
        addLayer(out, at, p);
      }
    });
    int i = 0;
    for (Variable v : l.weights()) {
      if (!inParts.contains(v)) {
        out.put(path + "/vars/" + i++, v);
      }
    }
    List<SeedGenerator> gens = new ArrayList<>(l.seedGenerators());
    gens.removeAll(partGens);
    for (int g = 0; g < gens.size(); g++) {
      out.put(path + "/seed_generator" + (g == 0 ? "" : "_" + g) + "/vars/0", gens.get(g).state());
    }
  }

  /** Writes the variables to an HDF5 file at {@code file}, creating groups level by level. */
  public static void write(Path file, Map<String, Variable> vars) {
    Variable.refreshAll(vars.values());
    try (WritableHdfFile h5 = HdfFile.write(file)) {
      Map<String, WritableGroup> groups = new HashMap<>();
      for (Map.Entry<String, Variable> e : vars.entrySet()) {
        String path = e.getKey();
        int slash = path.lastIndexOf('/');
        WritableGroup g = group(h5, groups, path.substring(0, slash));
        g.putDataset(path.substring(slash + 1), nested(e.getValue()));
      }
    }
  }

  private static WritableGroup group(WritableHdfFile h5, Map<String, WritableGroup> groups, String path) {
    WritableGroup g = groups.get(path);
    if (g != null) {
      return g;
    }
    int slash = path.lastIndexOf('/');
    g = slash < 0 ? h5.putGroup(path) : group(h5, groups, path.substring(0, slash)).putGroup(path.substring(slash + 1));
    groups.put(path, g);
    return g;
  }

  /** The value as a Java array of the variable's shape (a boxed scalar for rank 0). */
  static Object nested(Variable v) {
    Shape s = v.shape();
    if ("int64".equals(v.dtype())) {
      long[] l = v.longValue();
      return s.rank() == 0 ? (Object) Long.valueOf(l[0]) : l;
    }
    float[] f = v.floatValue();
    if (s.rank() == 0) {
      return Float.valueOf(f[0]);
    }
    int[] dims = s.intDims();
    Object arr = Array.newInstance(float.class, dims);
    fill(arr, f, new int[] {0}, 0, dims);
    return arr;
  }

  private static void fill(Object arr, float[] f, int[] pos, int depth, int[] dims) {
    if (depth == dims.length - 1) {
      float[] row = (float[]) arr;
      System.arraycopy(f, pos[0], row, 0, row.length);
      pos[0] += row.length;
      return;
    }
    for (int i = 0; i < dims[depth]; i++) {
      fill(Array.get(arr, i), f, pos, depth + 1, dims);
    }
  }

  /** Saves {@code model}'s weights to {@code file} in this layout, through a temporary file renamed into place. */
  public static void save(Model model, Path file) {
    if (!file.getFileName().toString().endsWith(".weights.h5")) {
      throw new IllegalArgumentException("The filename must end in `.weights.h5`. Received: filepath=" + file);
    }
    try {
      AtomicFiles.write(file, tmp -> write(tmp, paths(model, null)));
    } catch (java.io.IOException e) {
      throw new KerasFileException("Cannot save weights to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads weights from a Keras 3 {@code .weights.h5} file or, failing its layout, a legacy tf.keras one; a corrupt
   * file is a KerasFileException naming it.
   */
  public static void load(Model model, Path file, boolean skipMismatch) {
    LoadGuard.run(file, () -> {
      boolean legacy;
      try (HdfFile h5 = LegacyH5.open(file)) {
        legacy = h5.getAttribute("layer_names") != null || h5.getChildren().containsKey("model_weights");
      }
      if (legacy) {
        LegacyH5.loadWeights(model, file, skipMismatch);
        return;
      }
      Map<String, Variable> vars = paths(model, null);
      if (skipMismatch) {
        readMatching(file, vars);
      } else {
        read(file, vars);
      }
    });
  }

  /** Reads the variables whose datasets exist with the right shape; others keep their values. */
  static void readMatching(Path file, Map<String, Variable> vars) {
    try (HdfFile h5 = LegacyH5.open(file)) {
      long size = file.toFile().length();
      for (Map.Entry<String, Variable> e : vars.entrySet()) {
        if (H5Nodes.get(h5, e.getKey(), file) instanceof Dataset d
            && java.util.Arrays.equals(H5Nodes.dims(d), e.getValue().shape().dims())) {
          assign(e.getValue(), d, e.getKey(), file, size);
        }
      }
    }
  }

  /** Reads every variable of {@code vars} from {@code file}; missing or mis-shaped weights are errors. */
  public static void read(Path file, Map<String, Variable> vars) {
    LoadGuard.run(file, () -> {
      try (HdfFile h5 = LegacyH5.open(file)) {
        long size = file.toFile().length();
        for (Map.Entry<String, Variable> e : vars.entrySet()) {
          Object node = H5Nodes.get(h5, e.getKey(), file);
          if (node == null && isSeedState(e.getValue())) {
            continue; // a Keras file: the stream starts at [seed, 0]
          }
          if (!(node instanceof Dataset d)) {
            throw new KerasFileException("The weights file " + file + " lacks " + e.getKey() + " ("
                + e.getValue().path() + ", shape " + e.getValue().shape() + ")");
          }
          assign(e.getValue(), d, e.getKey(), file, size);
        }
      }
    });
  }

  /** A random generator's state, optional in a file (Keras writes none). */
  private static boolean isSeedState(Variable v) {
    return SeedGenerator.STATE_NAME.equals(v.name()) && "int64".equals(v.dtype());
  }

  private static void assign(Variable v, Dataset d, String path, Path file, long fileSize) {
    Object data = H5Nodes.data(d, v.shape().dims(), path + " (" + v.path() + ")", file, fileSize);
    if ("int64".equals(v.dtype())) {
      long[] values = new long[(int) v.shape().size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = ((Number) (data.getClass().isArray() ? Array.get(data, i) : data)).longValue();
      }
      v.assign(values);
    } else if (data instanceof Number num) {
      v.assign(new float[] {num.floatValue()});
    } else {
      v.assign(HostArray.of(data).values());
    }
  }

  /** The group names directly below {@code path} (for diagnostics). */
  static List<String> children(Group g) {
    return new ArrayList<>(g.getChildren().keySet());
  }
}
