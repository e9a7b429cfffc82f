package io.keras4j.models;

import io.keras4j.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Records every hook it receives, as "hook" or "hook:index", and the logs of on_test_batch_end. */
class HookRecorder extends Callback {
  final List<String> calls = new ArrayList<>();
  final List<Map<String, Double>> testBatchLogs = new ArrayList<>();

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    calls.add("train_begin");
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    calls.add("train_end");
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    calls.add("epoch_begin:" + epoch);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    calls.add("epoch_end:" + epoch);
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    calls.add("train_batch_begin:" + batch);
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    calls.add("train_batch_end:" + batch);
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    calls.add("test_begin");
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    calls.add("test_end");
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    calls.add("test_batch_begin:" + batch);
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    calls.add("test_batch_end:" + batch);
    testBatchLogs.add(Map.copyOf(logs));
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    calls.add("predict_begin");
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    calls.add("predict_end");
  }

  @Override
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    calls.add("predict_batch_begin:" + batch);
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    calls.add("predict_batch_end:" + batch);
  }
}
