package io.keras4j.bench.dl4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * W1-W3 with Deeplearning4j's MultiLayerNetwork, as a Java team writes them today. Prints JSON like the other
 * peers. Porting note: DL4J's SGD with momentum is Nesterov momentum (Nesterovs).
 */
public final class Dl4jBench {
  private Dl4jBench() {}

  /** Passes of W1's prediction in one timed run, as the suite times it for every peer. */
  static final int W1_PREDICT_PASSES = 10;

  /**
   * Samples per second over {@link #W1_PREDICT_PASSES} passes: their count over their summed seconds a sample, as
   * {@code io.keras4j.bench.Bench.passes}. Its own copy: this module depends on DL4J alone, so that keras4j's
   * TensorFlow Java and its JavaCPP never share a class path with ND4J's.
   */
  static double passes(Supplier<Double> pass) {
    return W1_PREDICT_PASSES / IntStream.range(0, W1_PREDICT_PASSES).mapToDouble(i -> 1 / pass.get()).sum();
  }

  static List<Double> repeat(int runs, Supplier<Double> run) {
    run.get();
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      out.add(run.get());
    }
    return out;
  }

  static INDArray random(long seed, boolean normal, long... shape) {
    Random r = new Random(seed);
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] v = new float[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = normal ? (float) r.nextGaussian() : r.nextFloat();
    }
    return Nd4j.create(v, shape);
  }

  static double fit(MultiLayerNetwork net, INDArray x, INDArray y, int epochs, int batch) {
    List<DataSet> batches = new DataSet(x, y).batchBy(batch);
    long t = System.nanoTime();
    for (int e = 0; e < epochs; e++) {
      net.fit(new ListDataSetIterator<>(batches, batch));
    }
    return (double) epochs * x.size(0) / ((System.nanoTime() - t) / 1e9);
  }

  static double predict(MultiLayerNetwork net, INDArray x, int batch) {
    long n = x.size(0);
    long t = System.nanoTime();
    for (long s = 0; s < n; s += batch) {
      net.output(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(s, Math.min(n, s + batch))));
    }
    return n / ((System.nanoTime() - t) / 1e9);
  }

  static INDArray oneHot(long n, int classes, long seed) {
    Random r = new Random(seed);
    INDArray y = Nd4j.zeros(n, classes);
    for (int i = 0; i < n; i++) {
      y.putScalar(i, r.nextInt(classes), 1);
    }
    return y;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    StringBuilder json = new StringBuilder("{");
    INDArray x1 = random(1, true, 20000, 5);
    INDArray y1 = x1.getColumn(0).add(x1.getColumn(1)).gt(0).castTo(x1.dataType()).reshape(20000, 1);
    MultiLayerConfiguration c1 = new NeuralNetConfiguration.Builder().seed(1).updater(new Nesterovs(0.01, 0.9))
        .weightInit(WeightInit.XAVIER).list()
        .layer(new DenseLayer.Builder().nIn(5).nOut(16).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nIn(16).nOut(16).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(16).nOut(1)
            .activation(Activation.SIGMOID).build())
        .build();
    MultiLayerNetwork n1 = new MultiLayerNetwork(c1);
    n1.init();
    json.append("\"dl4j/w1_train\": ").append(repeat(runs, () -> fit(n1, x1, y1, 5, 32)));
    json.append(", \"dl4j/w1_predict\": ").append(repeat(runs, () -> passes(() -> predict(n1, x1, 1024))));

    INDArray x2 = random(2, true, 60000, 784);
    INDArray y2 = oneHot(60000, 10, 2);
    MultiLayerConfiguration c2 = new NeuralNetConfiguration.Builder().seed(2).updater(new Adam(1e-3))
        .weightInit(WeightInit.XAVIER).list()
        .layer(new DenseLayer.Builder().nIn(784).nOut(512).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nIn(512).nOut(256).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(256).nOut(10)
            .activation(Activation.SOFTMAX).build())
        .build();
    MultiLayerNetwork n2 = new MultiLayerNetwork(c2);
    n2.init();
    json.append(", \"dl4j/w2_train\": ").append(repeat(runs, () -> fit(n2, x2, y2, 1, 128)));

    INDArray x3 = random(3, false, 10000, 784);
    INDArray y3 = oneHot(10000, 10, 3);
    MultiLayerConfiguration c3 = new NeuralNetConfiguration.Builder().seed(3).updater(new Adam(1e-3))
        .weightInit(WeightInit.XAVIER).convolutionMode(ConvolutionMode.Same).list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
            .build())
        .setInputType(InputType.convolutionalFlat(28, 28, 1))
        .build();
    MultiLayerNetwork n3 = new MultiLayerNetwork(c3);
    n3.init();
    json.append(", \"dl4j/w3_train\": ").append(repeat(runs, () -> fit(n3, x3, y3, 1, 64)));
    json.append(", \"dl4j/w3_predict\": ").append(repeat(runs, () -> predict(n3, x3, 64)));
    System.out.println(json.append("}"));
  }
}
