package io.keras4j.callbacks;

import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The callbacks of one {@code fit}, {@code evaluate} or {@code predict}, called together through one hook.
 *
 * <p>Keras equivalent: {@code keras.callbacks.CallbackList(callbacks, add_history=False, add_progbar=False,
 * model=None)} (keras/src/callbacks/callback_list.py). As in Keras, the default callbacks come after the user's:
 * a {@link History} (when asked for and none was given), then a {@link ProgbarLogger} (when verbose is not 0 and
 * none was given), so the History records what the user's callbacks add to the epoch logs (the
 * {@code learning_rate} of ReduceLROnPlateau and LearningRateScheduler).
 * <pre>{@code
 * CallbackList callbacks = new CallbackList(List.of(new EarlyStopping()), true, 1, model);
 * callbacks.onTrainBegin(new HashMap<>());
 * }</pre>
 */
public final class CallbackList extends Callback {
  private final List<Callback> callbacks;
  private History history;

  /**
   * The given callbacks, then a History when {@code addHistory} and none is given, then a ProgbarLogger of
   * {@code verbose} when {@code verbose > 0} and none is given; each is bound to {@code model}.
   */
  public CallbackList(List<Callback> callbacks, boolean addHistory, int verbose, Model model) {
    this.callbacks = new ArrayList<>(callbacks);
    boolean progbar = false;
    for (Callback c : this.callbacks) {
      if (c instanceof History h) {
        history = h;
      } else if (c instanceof ProgbarLogger) {
        progbar = true;
      }
    }
    if (history == null && addHistory) {
      history = new History();
      this.callbacks.add(history);
    }
    if (!progbar && verbose > 0) {
      this.callbacks.add(new ProgbarLogger(verbose));
    }
    setModel(model);
  }

  @Override
  public void setModel(Model model) {
    super.setModel(model);
    for (Callback c : callbacks) {
      c.setModel(model);
    }
  }

  /** Tells the progress bars the number of epochs and of steps per epoch (Keras' {@code set_params}). */
  public void params(int epochs, int steps) {
    for (Callback c : callbacks) {
      if (c instanceof ProgbarLogger p) {
        p.params(epochs, steps);
      }
    }
  }

  /** The callbacks, in the order they are called. */
  public List<Callback> callbacks() {
    return List.copyOf(callbacks);
  }

  /** The History of this list, or null when none was added. */
  public History history() {
    return history;
  }

  /**
   * True when a callback overrides the batch hooks of {@code mode} ("train" or "test"), so the running logs must
   * be fetched at each step; otherwise they are read once at the end. Porting note: Keras checks the same with
   * {@code utils.is_default} to decide on asynchronous dispatch.
   */
  public boolean readsBatchLogs(String mode) {
    for (Callback c : callbacks) {
      if (c.readsBatchLogs(mode)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Double> orEmpty(Map<String, Double> logs) {
    return logs == null ? new LinkedHashMap<>() : logs;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTrainBegin(orEmpty(logs));
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTrainEnd(orEmpty(logs));
    }
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onEpochBegin(epoch, orEmpty(logs));
    }
  }

  /** Calls each callback with the same logs, so what one adds (a learning rate) is seen by the next ones. */
  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Map<String, Double> l = orEmpty(logs);
    for (Callback c : callbacks) {
      c.onEpochEnd(epoch, l);
    }
  }

  @Override
  public void onTrainBatchBegin(int batch, Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTrainBatchBegin(batch, orEmpty(logs));
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTrainBatchEnd(batch, orEmpty(logs));
    }
  }

  @Override
  public void onTestBegin(Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTestBegin(orEmpty(logs));
    }
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTestEnd(orEmpty(logs));
    }
  }

  @Override
  public void onTestBatchBegin(int batch, Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTestBatchBegin(batch, orEmpty(logs));
    }
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onTestBatchEnd(batch, orEmpty(logs));
    }
  }

  @Override
  public void onPredictBegin(Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onPredictBegin(orEmpty(logs));
    }
  }

  @Override
  public void onPredictEnd(Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onPredictEnd(orEmpty(logs));
    }
  }

  @Override
  public void onPredictBatchBegin(int batch, Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onPredictBatchBegin(batch, orEmpty(logs));
    }
  }

  @Override
  public void onPredictBatchEnd(int batch, Map<String, Double> logs) {
    for (Callback c : callbacks) {
      c.onPredictBatchEnd(batch, orEmpty(logs));
    }
  }
}
