package io.keras4j.callbacks;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A callback from functions.
 *
 * <p>Keras equivalent: {@code keras.callbacks.LambdaCallback(on_epoch_begin=None, on_epoch_end=None,
 * on_train_begin=None, on_train_end=None, on_train_batch_begin=None, on_train_batch_end=None)}.
 * <pre>{@code new LambdaCallback().onEpochEnd((epoch, logs) -> System.out.println(logs))}</pre>
 */
public class LambdaCallback extends Callback {
  private BiConsumer<Integer, Map<String, Double>> epochBegin;
  private BiConsumer<Integer, Map<String, Double>> epochEnd;
  private BiConsumer<Integer, Map<String, Double>> batchBegin;
  private BiConsumer<Integer, Map<String, Double>> batchEnd;
  private Consumer<Map<String, Double>> trainBegin;
  private Consumer<Map<String, Double>> trainEnd;

  public LambdaCallback onEpochBegin(BiConsumer<Integer, Map<String, Double>> f) {
    this.epochBegin = f;
    return this;
  }

  public LambdaCallback onEpochEnd(BiConsumer<Integer, Map<String, Double>> f) {
    this.epochEnd = f;
    return this;
  }

  public LambdaCallback onTrainBatchBegin(BiConsumer<Integer, Map<String, Double>> f) {
    this.batchBegin = f;
    return this;
  }

  public LambdaCallback onTrainBatchEnd(BiConsumer<Integer, Map<String, Double>> f) {
    this.batchEnd = f;
    return this;
  }

  public LambdaCallback onTrainBegin(Consumer<Map<String, Double>> f) {
    this.trainBegin = f;
    return this;
  }

  public LambdaCallback onTrainEnd(Consumer<Map<String, Double>> f) {
    this.trainEnd = f;
    return this;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    if (epochBegin != null) {
      epochBegin.accept(epoch, logs);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (epochEnd != null) {
      epochEnd.accept(epoch, logs);
    }
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    if (batchBegin != null) {
      batchBegin.accept(batch, logs);
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (batchEnd != null) {
      batchEnd.accept(batch, logs);
    }
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    if (trainBegin != null) {
      trainBegin.accept(logs);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (trainEnd != null) {
      trainEnd.accept(logs);
    }
  }
}
