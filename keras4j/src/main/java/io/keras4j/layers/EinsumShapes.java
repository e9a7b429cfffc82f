package io.keras4j.layers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EinsumDense's reading of its equation: the kernel, bias and output shapes and the kernel's input and output axes.
 *
 * <p>Keras equivalent: {@code _analyze_einsum_string} / {@code _analyze_split_string} of
 * keras/src/layers/core/einsum_dense.py, with Keras' three forms {@code ab,bc->ac}, {@code ...ab,bc->...ac} and
 * {@code ab...,bc->ac...} and Keras' error messages. Sizes are longs, -1 for None.
 */
final class EinsumShapes {
  private static final Pattern PLAIN = Pattern.compile("([a-zA-Z]+),([a-zA-Z]+)->([a-zA-Z]+)");
  private static final Pattern LEFT = Pattern.compile("0([a-zA-Z]+),([a-zA-Z]+)->0([a-zA-Z]+)");
  private static final Pattern RIGHT = Pattern.compile("([a-zA-Z]{2,})0,([a-zA-Z]+)->([a-zA-Z]+)0");

  final long[] kernelShape;
  final long[] biasShape;
  final long[] outputShape;
  final int[] inputAxes;
  final int[] outputAxes;

  private EinsumShapes(long[] kernel, long[] bias, long[] output, int[] inputAxes, int[] outputAxes) {
    this.kernelShape = kernel;
    this.biasShape = bias;
    this.outputShape = output;
    this.inputAxes = inputAxes;
    this.outputAxes = outputAxes;
  }

  /** Checks the equation's form only (as Keras' regular expressions); throws Keras' error otherwise. */
  static void checkForm(String equation) {
    String s = equation.replace("...", "0");
    if (!PLAIN.matcher(s).lookingAt() && !LEFT.matcher(s).lookingAt() && !RIGHT.matcher(s).lookingAt()) {
      throw new IllegalArgumentException("Invalid einsum equation '" + equation + "'. Equations must be in the form "
          + "[X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]....");
    }
  }

  static EinsumShapes analyze(String equation, String biasAxes, long[] inputShape, long[] partialOutput) {
    String s = equation.replace("...", "0");
    Matcher m = PLAIN.matcher(s);
    if (m.lookingAt()) {
      return split(m, biasAxes, inputShape, partialOutput, false);
    }
    m = LEFT.matcher(s);
    if (m.lookingAt()) {
      return split(m, biasAxes, inputShape, partialOutput, true);
    }
    m = RIGHT.matcher(s);
    if (m.lookingAt()) {
      return split(m, biasAxes, inputShape, partialOutput, false);
    }
    checkForm(equation);
    throw new AssertionError();
  }

  private static EinsumShapes split(Matcher m, String biasAxes, long[] inputShape, long[] partialOutput,
      boolean leftElided) {
    String inputSpec = m.group(1);
    String weightSpec = m.group(2);
    String outputSpec = m.group(3);
    int rank = inputShape.length;
    int elided = rank - inputSpec.length();
    List<Long> output = new ArrayList<>();
    for (long d : partialOutput) {
      output.add(d);
    }
    output.add(0, inputShape[0]);
    if (elided > 0 && leftElided) {
      // porting note: Keras 3.15.1 inserts these at 1 one by one, reversing them in its symbolic shape for inputs
      // of rank > 3 (its computed tensors have them in order); keras4j writes them in order
      for (int i = 1; i < elided; i++) {
        output.add(i, inputShape[i]);
      }
    } else if (elided > 0) {
      for (int i = rank - elided; i < rank; i++) {
        output.add(inputShape[i]);
      }
    }
    java.util.Map<Character, Integer> inputDim = new java.util.HashMap<>();
    java.util.Map<Character, Integer> outputDim = new java.util.HashMap<>();
    for (int i = 0; i < inputSpec.length(); i++) {
      inputDim.put(inputSpec.charAt(i), leftElided ? i + elided - rank : i);
    }
    for (int i = 0; i < outputSpec.length(); i++) {
      outputDim.put(outputSpec.charAt(i), leftElided ? i + elided : i);
    }
    for (char dim : inputSpec.toCharArray()) {
      long in = at(inputShape, inputDim.get(dim));
      if (outputDim.containsKey(dim)) {
        long out = output.get(outputDim.get(dim));
        if (out >= 0 && out != in) {
          throw new IllegalArgumentException("Input shape and output shape do not match at shared dimension '" + dim
              + "'. Input shape is " + none(in) + ", and output shape is " + none(out) + ".");
        }
      }
    }
    for (char dim : inputSpec.toCharArray()) {
      // porting note: a None output size of an input letter is the input's size (Keras' symbolic shape keeps None)
      if (outputDim.containsKey(dim) && output.get(outputDim.get(dim)) < 0) {
        output.set(outputDim.get(dim), at(inputShape, inputDim.get(dim)));
      }
    }
    for (char dim : outputSpec.toCharArray()) {
      if (inputSpec.indexOf(dim) < 0 && weightSpec.indexOf(dim) < 0) {
        throw new IllegalArgumentException("Dimension '" + dim + "' was specified in the output '" + outputSpec
            + "' but has no corresponding dim in the input spec '" + inputSpec + "' or weight spec '" + outputSpec
            + "'");
      }
    }
    long[] kernel = new long[weightSpec.length()];
    List<Integer> inAxes = new ArrayList<>();
    List<Integer> outAxes = new ArrayList<>();
    for (int i = 0; i < weightSpec.length(); i++) {
      char dim = weightSpec.charAt(i);
      if (outputDim.containsKey(dim)) {
        kernel[i] = output.get(outputDim.get(dim));
        outAxes.add(i);
      } else if (inputDim.containsKey(dim)) {
        kernel[i] = at(inputShape, inputDim.get(dim));
        inAxes.add(i);
      } else {
        throw new IllegalArgumentException("Weight dimension '" + dim + "' did not have a match in either the input "
            + "spec '" + inputSpec + "' or the output spec '" + outputSpec + "'. For this layer, the weight must be "
            + "fully specified.");
      }
    }
    long[] bias = null;
    if (biasAxes != null) {
      int numLeftElided = leftElided ? elided : 0;
      int first = Integer.MAX_VALUE;
      for (char c : biasAxes.toCharArray()) {
        if (outputSpec.indexOf(c) < 0) {
          throw new IllegalArgumentException("Bias dimension '" + c + "' was requested, but is not part of the "
              + "output spec '" + outputSpec + "'");
        }
        first = Math.min(first, outputSpec.indexOf(c));
      }
      List<Long> b = new ArrayList<>();
      for (int i = first; i < outputSpec.length(); i++) {
        b.add(biasAxes.indexOf(outputSpec.charAt(i)) >= 0 ? output.get(i + numLeftElided) : 1L);
      }
      if (!leftElided) {
        for (int i = 0; i < elided; i++) {
          b.add(1L);
        }
      }
      bias = b.stream().mapToLong(Long::longValue).toArray();
    }
    return new EinsumShapes(kernel, bias, output.stream().mapToLong(Long::longValue).toArray(),
        inAxes.stream().mapToInt(Integer::intValue).toArray(), outAxes.stream().mapToInt(Integer::intValue).toArray());
  }

  /** {@code shape[i]}, negative i counting from the end as Python does. */
  private static long at(long[] shape, int i) {
    return shape[i < 0 ? i + shape.length : i];
  }

  private static String none(long d) {
    return d < 0 ? "None" : Long.toString(d);
  }

  @Override
  public String toString() {
    return "kernel " + Arrays.toString(kernelShape) + ", bias " + Arrays.toString(biasShape) + ", output "
        + Arrays.toString(outputShape);
  }
}
