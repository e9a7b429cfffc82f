package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.Model;

/**
 * The VGG networks (Simonyan and Zisserman, ICLR 2015): five blocks of 3x3 convolutions and max pooling, then two
 * 4096-unit Dense layers; {@link VGG16} and {@link VGG19} differ in the convolutions per block.
 *
 * <p>Follows keras/src/applications/vgg16.py and vgg19.py (one function each in Keras).
 *
 * @param <T> the concrete network
 */
public abstract class VGG<T extends VGG<T>> extends Application<T> {
  private final String family;
  private final int[] convsPerBlock;
  private final String[] hashes;

  VGG(String family, int[] convsPerBlock, String topHash, String noTopHash) {
    this.family = family;
    this.convsPerBlock = convsPerBlock;
    this.hashes = new String[] {topHash, noTopHash};
  }

  @Override
  public Model build() {
    validate();
    long[] shape = obtainInputShape(224, 32);
    KerasTensor input = input(shape);
    KerasTensor x = input;
    int[] filters = {64, 128, 256, 512, 512};
    for (int b = 0; b < 5; b++) {
      for (int c = 1; c <= convsPerBlock[b]; c++) {
        x = new Conv2D(filters[b], 3).activation("relu").padding("same").name("block" + (b + 1) + "_conv" + c)
            .apply(x);
      }
      x = new MaxPooling2D(2, 2).strides(2, 2).name("block" + (b + 1) + "_pool").apply(x);
    }
    if (includeTop()) {
      x = new Flatten().name("flatten").apply(x);
      x = new Dense(4096).activation("relu").name("fc1").apply(x);
      x = new Dense(4096).activation("relu").name("fc2").apply(x);
      x = predictions(x);
    } else {
      x = pool(x, null, null);
    }
    String file = family + "_weights_tf_dim_ordering_tf_kernels" + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, family, WeightFile.of(family, file, hashes[includeTop() ? 0 : 1]));
  }

  /** RGB to BGR and ImageNet's mean subtracted: Keras' {@code vgg16.preprocess_input} (mode "caffe"). */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "caffe");
  }
}
