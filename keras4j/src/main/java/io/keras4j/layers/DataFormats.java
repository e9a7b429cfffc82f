package io.keras4j.layers;

/** Checks of Keras' {@code data_format} argument for the layers that take it. */
final class DataFormats {
  private DataFormats() {}

  /** {@code dataFormat} when it is "channels_last" or "channels_first" (null means Keras' default, channels_last). */
  static String check(String dataFormat, String layer) {
    if (dataFormat == null) {
      return "channels_last";
    }
    if (!dataFormat.equals("channels_last") && !dataFormat.equals("channels_first")) {
      throw new IllegalArgumentException("Layer '" + layer + "': the `data_format` argument must be one of "
          + "\"channels_first\", \"channels_last\". Received: data_format=" + dataFormat);
    }
    return dataFormat;
  }

  /** "channels_last" when {@code dataFormat} is that (or null); the layer supports no other. */
  static String channelsLast(String dataFormat, String layer) {
    if (!check(dataFormat, layer).equals("channels_last")) {
      throw new IllegalArgumentException("Layer '" + layer + "' supports channels-last inputs only. Expected "
          + "data_format=\"channels_last\". Received: data_format=" + dataFormat);
    }
    return "channels_last";
  }
}
