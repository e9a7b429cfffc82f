package io.keras4j.layers;

import io.keras4j.saving.KerasObjects;
import io.keras4j.saving.Registry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Creates layers from Keras configs: a class name and its {@code get_config()} dictionary.
 *
 * <p>Keras equivalent: {@code keras.layers.deserialize} / {@code Layer.from_config}. Keys are Keras' (Keras 3
 * names, and Keras 2's where they differ: {@code alpha} of LeakyReLU, ThresholdedReLU's {@code theta}).
 * Custom layers register with {@link #register}.
 * <pre>{@code Layer d = Layers.fromConfig("Dense", Map.of("units", 10, "activation", "relu"));}</pre>
 */
public final class Layers {
  private static final Registry<Layer> REGISTRY = new Registry<>("keras.layers", "layer", Layer.class);

  static {
    REGISTRY.add("InputLayer", InputLayer::fromConfig);
    REGISTRY.add("Dense", Dense::fromConfig);
    REGISTRY.add("Activation", Activation::fromConfig);
    REGISTRY.add("Dropout", Dropout::fromConfig);
    REGISTRY.add("SpatialDropout1D", SpatialDropout1D::fromConfig);
    REGISTRY.add("SpatialDropout2D", SpatialDropout2D::fromConfig);
    REGISTRY.add("GaussianNoise", GaussianNoise::fromConfig);
    REGISTRY.add("GaussianDropout", GaussianDropout::fromConfig);
    REGISTRY.add("Flatten", Flatten::fromConfig);
    REGISTRY.add("Reshape", Reshape::fromConfig);
    REGISTRY.add("Permute", Permute::fromConfig);
    REGISTRY.add("RepeatVector", RepeatVector::fromConfig);
    REGISTRY.add("ReLU", ReLU::fromConfig);
    REGISTRY.add("LeakyReLU", LeakyReLU::fromConfig);
    REGISTRY.add("ThresholdedReLU", ReLU::fromThresholdedConfig);
    REGISTRY.add("ELU", ELU::fromConfig);
    REGISTRY.add("PReLU", PReLU::fromConfig);
    REGISTRY.add("Softmax", Softmax::fromConfig);
    REGISTRY.add("Rescaling", Rescaling::fromConfig);
    REGISTRY.add("UnitNormalization", UnitNormalization::fromConfig);
    REGISTRY.add("ActivityRegularization", ActivityRegularization::fromConfig);
    REGISTRY.add("Normalization", Normalization::fromConfig);
    REGISTRY.add("Maxout", Maxout::fromConfig);
    REGISTRY.add("RandomCutout", RandomCutout::fromConfig);
    REGISTRY.add("Add", Add::fromConfig);
    REGISTRY.add("Subtract", Subtract::fromConfig);
    REGISTRY.add("Multiply", Multiply::fromConfig);
    REGISTRY.add("Average", Average::fromConfig);
    REGISTRY.add("Maximum", Maximum::fromConfig);
    REGISTRY.add("Minimum", Minimum::fromConfig);
    REGISTRY.add("Concatenate", Concatenate::fromConfig);
    REGISTRY.add("Dot", Dot::fromConfig);
    REGISTRY.add("TFSMLayer", TFSMLayer::fromConfig);
    REGISTRY.add("Conv1D", Conv1D::fromConfig, "Convolution1D");
    REGISTRY.add("Conv2D", Conv2D::fromConfig, "Convolution2D");
    REGISTRY.add("Conv3D", Conv3D::fromConfig, "Convolution3D");
    REGISTRY.add("Conv1DTranspose", Conv1DTranspose::fromConfig, "Convolution1DTranspose");
    REGISTRY.add("Conv2DTranspose", Conv2DTranspose::fromConfig, "Convolution2DTranspose");
    REGISTRY.add("Conv3DTranspose", Conv3DTranspose::fromConfig, "Convolution3DTranspose");
    REGISTRY.add("DepthwiseConv1D", DepthwiseConv1D::fromConfig);
    REGISTRY.add("DepthwiseConv2D", DepthwiseConv2D::fromConfig);
    REGISTRY.add("SeparableConv1D", SeparableConv1D::fromConfig, "SeparableConvolution1D");
    REGISTRY.add("SeparableConv2D", SeparableConv2D::fromConfig, "SeparableConvolution2D");
    REGISTRY.add("MaxPooling1D", MaxPooling1D::fromConfig, "MaxPool1D");
    REGISTRY.add("MaxPooling2D", MaxPooling2D::fromConfig, "MaxPool2D");
    REGISTRY.add("MaxPooling3D", MaxPooling3D::fromConfig, "MaxPool3D");
    REGISTRY.add("AveragePooling1D", AveragePooling1D::fromConfig, "AvgPool1D");
    REGISTRY.add("AveragePooling2D", AveragePooling2D::fromConfig, "AvgPool2D");
    REGISTRY.add("AveragePooling3D", AveragePooling3D::fromConfig, "AvgPool3D");
    REGISTRY.add("GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig, "GlobalMaxPool1D");
    REGISTRY.add("GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig, "GlobalMaxPool2D");
    REGISTRY.add("GlobalMaxPooling3D", GlobalMaxPooling3D::fromConfig, "GlobalMaxPool3D");
    REGISTRY.add("GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig, "GlobalAvgPool1D");
    REGISTRY.add("GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig, "GlobalAvgPool2D");
    REGISTRY.add("GlobalAveragePooling3D", GlobalAveragePooling3D::fromConfig, "GlobalAvgPool3D");
    REGISTRY.add("ZeroPadding1D", ZeroPadding1D::fromConfig);
    REGISTRY.add("ZeroPadding2D", ZeroPadding2D::fromConfig);
    REGISTRY.add("ZeroPadding3D", ZeroPadding3D::fromConfig);
    REGISTRY.add("Cropping1D", Cropping1D::fromConfig);
    REGISTRY.add("Cropping2D", Cropping2D::fromConfig);
    REGISTRY.add("Cropping3D", Cropping3D::fromConfig);
    REGISTRY.add("UpSampling1D", UpSampling1D::fromConfig);
    REGISTRY.add("UpSampling2D", UpSampling2D::fromConfig);
    REGISTRY.add("UpSampling3D", UpSampling3D::fromConfig);
    REGISTRY.add("BatchNormalization", BatchNormalization::fromConfig);
    REGISTRY.add("LayerNormalization", LayerNormalization::fromConfig);
    REGISTRY.add("GroupNormalization", GroupNormalization::fromConfig);
  }

  static {
    REGISTRY.add("RandomFlip", RandomFlip::fromConfig);
    REGISTRY.add("RandomRotation", RandomRotation::fromConfig);
    REGISTRY.add("RandomZoom", RandomZoom::fromConfig);
    REGISTRY.add("RandomTranslation", RandomTranslation::fromConfig);
    REGISTRY.add("RandomContrast", RandomContrast::fromConfig);
    REGISTRY.add("RandomBrightness", RandomBrightness::fromConfig);
    REGISTRY.add("RandomCrop", RandomCrop::fromConfig);
  }

  static {
    // core layers of issue 9, item 7
    REGISTRY.add("Identity", Identity::fromConfig);
    REGISTRY.add("AlphaDropout", AlphaDropout::fromConfig);
    REGISTRY.add("SpatialDropout3D", SpatialDropout3D::fromConfig);
    REGISTRY.add("RMSNormalization", RMSNormalization::fromConfig);
    REGISTRY.add("AdaptiveAveragePooling1D", AdaptiveAveragePooling1D::fromConfig);
    REGISTRY.add("AdaptiveAveragePooling2D", AdaptiveAveragePooling2D::fromConfig);
    REGISTRY.add("AdaptiveAveragePooling3D", AdaptiveAveragePooling3D::fromConfig);
    REGISTRY.add("AdaptiveMaxPooling1D", AdaptiveMaxPooling1D::fromConfig);
    REGISTRY.add("AdaptiveMaxPooling2D", AdaptiveMaxPooling2D::fromConfig);
    REGISTRY.add("AdaptiveMaxPooling3D", AdaptiveMaxPooling3D::fromConfig);
    REGISTRY.add("CenterCrop", CenterCrop::fromConfig);
    REGISTRY.add("Resizing", Resizing::fromConfig);
    // image augmentation (Keras 3 keras.layers, BaseImagePreprocessingLayer subclasses)
    REGISTRY.add("AutoContrast", AutoContrast::fromConfig);
    REGISTRY.add("Solarization", Solarization::fromConfig);
    REGISTRY.add("Equalization", Equalization::fromConfig);
    REGISTRY.add("RandomInvert", RandomInvert::fromConfig);
    REGISTRY.add("RandomGrayscale", RandomGrayscale::fromConfig);
    REGISTRY.add("RandomPosterization", RandomPosterization::fromConfig);
    REGISTRY.add("RandomSharpness", RandomSharpness::fromConfig);
    REGISTRY.add("RandomSaturation", RandomSaturation::fromConfig);
    REGISTRY.add("RandomHue", RandomHue::fromConfig);
    REGISTRY.add("RandomColorDegeneration", RandomColorDegeneration::fromConfig);
    REGISTRY.add("RandomColorJitter", RandomColorJitter::fromConfig);
    REGISTRY.add("RandomErasing", RandomErasing::fromConfig);
    REGISTRY.add("RandomGaussianBlur", RandomGaussianBlur::fromConfig);
    REGISTRY.add("RandomShear", RandomShear::fromConfig);
    REGISTRY.add("RandomPerspective", RandomPerspective::fromConfig);
    // preprocessing (keras.layers preprocessing module)
    REGISTRY.add("CategoryEncoding", CategoryEncoding::fromConfig);
    REGISTRY.add("Discretization", Discretization::fromConfig);
    REGISTRY.add("Hashing", Hashing::fromConfig);
    REGISTRY.add("HashedCrossing", HashedCrossing::fromConfig);
    REGISTRY.add("IntegerLookup", IntegerLookup::fromConfig);
    REGISTRY.add("EinsumDense", EinsumDense::fromConfig);
    REGISTRY.add("SpectralNormalization", SpectralNormalization::fromConfig);
    REGISTRY.add("MixUp", MixUp::fromConfig);
    REGISTRY.add("CutMix", CutMix::fromConfig);
    REGISTRY.add("Pipeline", Pipeline::fromConfig);
    REGISTRY.add("STFTSpectrogram", STFTSpectrogram::fromConfig);
    REGISTRY.add("RandomElasticTransform", RandomElasticTransform::fromConfig);
    REGISTRY.add("AugMix", AugMix::fromConfig);
    REGISTRY.add("RandAugment", RandAugment::fromConfig);
    REGISTRY.add("MelSpectrogram", MelSpectrogram::fromConfig);
    REGISTRY.add("Embedding", Embedding::fromConfig);
    REGISTRY.add("Masking", Masking::fromConfig);
    // recurrent (keras/src/layers/rnn)
    REGISTRY.add("SimpleRNNCell", SimpleRNNCell::fromConfig);
    REGISTRY.add("LSTMCell", LSTMCell::fromConfig);
    REGISTRY.add("GRUCell", GRUCell::fromConfig);
    REGISTRY.add("StackedRNNCells", StackedRNNCells::fromConfig);
    REGISTRY.add("RNN", RNN::fromConfig);
    REGISTRY.add("SimpleRNN", SimpleRNN::fromConfig);
    REGISTRY.add("LSTM", LSTM::fromConfig);
    REGISTRY.add("GRU", GRU::fromConfig);
  }

  static {
    // wrappers and convolutional recurrences of issue 10
    REGISTRY.add("TimeDistributed", TimeDistributed::fromConfig);
    REGISTRY.add("ConvLSTM1D", ConvLSTM1D::fromConfig);
    REGISTRY.add("ConvLSTM2D", ConvLSTM2D::fromConfig);
    REGISTRY.add("ConvLSTM3D", ConvLSTM3D::fromConfig);
    REGISTRY.add("Bidirectional", Bidirectional::fromConfig);
    // attention (keras/src/layers/attention)
    REGISTRY.add("Attention", Attention::fromConfig);
    REGISTRY.add("AdditiveAttention", AdditiveAttention::fromConfig);
    REGISTRY.add("MultiHeadAttention", MultiHeadAttention::fromConfig);
    REGISTRY.add("LayerScale", LayerScale::fromConfig); // keras.src.applications.convnext
    REGISTRY.add("CustomScaleLayer", CustomScaleLayer::fromConfig); // keras.src.applications.inception_resnet_v2
  }

  private Layers() {}

  /**
   * Registers a custom layer class under {@code className} (Keras' {@code register_keras_serializable} or
   * {@code custom_objects}): files naming {@code className} are read by {@code fromConfig}.
   */
  public static void register(String className, Function<Map<String, Object>, ? extends Layer> fromConfig) {
    KerasObjects.register(className, fromConfig);
  }

  /** Removes a custom class registered with {@link #register}. */
  public static void unregister(String className) {
    KerasObjects.unregister(className);
  }

  /** The registry of built-in layer classes, for tests and tools. */
  public static Registry<Layer> registry() {
    return REGISTRY;
  }

  /** The built-in class names that {@link #fromConfig} knows. */
  public static List<String> classNames() {
    return REGISTRY.classNames();
  }

  /**
   * A new layer of {@code className} configured by {@code config} (Keras' {@code keras.layers.deserialize}).
   *
   * @throws IllegalArgumentException for an unknown class (listing the known ones) or a bad value
   */
  public static Layer fromConfig(String className, Map<String, Object> config) {
    return REGISTRY.fromConfig(className, config);
  }

  /** The layer {@code spec} describes: Keras' serialized form {@code {"class_name", "config", ...}} or a Layer. */
  public static Layer deserialize(Object spec) {
    return REGISTRY.get(spec);
  }
}
