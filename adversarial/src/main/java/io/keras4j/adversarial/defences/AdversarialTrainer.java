package io.keras4j.adversarial.defences;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.Utils;
import io.keras4j.adversarial.attacks.EvasionAttack;
import io.keras4j.data.NDArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Adversarial training: in each batch a fraction {@code ratio} of the samples is replaced by adversarial examples
 * crafted against the current model (the attacks taking turns batch by batch), then the model takes one step.
 *
 * <pre>{@code
 * ProjectedGradientDescent pgd = new ProjectedGradientDescent(classifier).eps(0.1).epsStep(0.03).maxIter(5);
 * new AdversarialTrainer(classifier, pgd).ratio(0.5).fit(x, y, 64, 10);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.defences.trainer.AdversarialTrainer(classifier, attacks, ratio=0.5)} with
 * {@code fit(x, y, batch_size=128, nb_epochs=20)} (Szegedy et al., 2013; Goodfellow et al., 2014). The classifier's
 * model must be compiled with a loss on one-hot labels (categorical cross-entropy). Porting note: all the attacks
 * are generated against the model being trained (ART also allows precomputed transfer attacks).
 */
public class AdversarialTrainer {
  private final KerasClassifier classifier;
  private final List<EvasionAttack> attacks;
  private double ratio = 0.5;
  private Random random = new Random(0);

  /** Training of {@code classifier} on adversarial examples from {@code attacks}. */
  public AdversarialTrainer(KerasClassifier classifier, EvasionAttack... attacks) {
    if (classifier == null || attacks.length == 0) {
      throw new IllegalArgumentException("AdversarialTrainer expects a classifier and at least one attack. Received: "
          + "classifier=" + classifier + ", " + attacks.length + " attacks");
    }
    this.classifier = classifier;
    this.attacks = List.of(attacks);
  }

  /** The fraction of each batch replaced by adversarial examples, in (0, 1] ({@code ratio}). Default: 0.5. */
  public AdversarialTrainer ratio(double ratio) {
    if (!(ratio > 0 && ratio <= 1)) {
      throw new IllegalArgumentException("AdversarialTrainer expects ratio in (0, 1]. Received: ratio=" + ratio);
    }
    this.ratio = ratio;
    return this;
  }

  /** The seed of the shuffling and of the choice of samples to attack. Default: 0. */
  public AdversarialTrainer seed(long seed) {
    this.random = new Random(seed);
    return this;
  }

  /** Trains for {@code nbEpochs} epochs of shuffled batches of {@code batchSize} ({@code fit}). */
  public void fit(NDArray x, float[][] y, int batchSize, int nbEpochs) {
    if (batchSize <= 0 || nbEpochs <= 0) {
      throw new IllegalArgumentException("AdversarialTrainer.fit expects batch_size > 0 and nb_epochs > 0. Received: "
          + "batch_size=" + batchSize + ", nb_epochs=" + nbEpochs);
    }
    int n = (int) x.shape()[0];
    int d = (int) (x.size() / n);
    float[] values = x.toFloatArray();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    int attackId = 0;
    for (int epoch = 0; epoch < nbEpochs; epoch++) {
      Collections.shuffle(order, random);
      for (int start = 0; start < n; start += batchSize) {
        List<Integer> ids = order.subList(start, Math.min(n, start + batchSize));
        float[] xb = new float[ids.size() * d];
        float[][] yb = new float[ids.size()][];
        for (int b = 0; b < ids.size(); b++) {
          System.arraycopy(values, ids.get(b) * d, xb, b * d, d);
          yb[b] = y[ids.get(b)];
        }
        attackPart(xb, yb, x, attacks.get(attackId));
        attackId = (attackId + 1) % attacks.size();
        classifier.trainOnBatch(Utils.like(xb, x), yb);
      }
    }
  }

  /** Replaces ceil(ratio * batch) samples of {@code xb} (in place) by adversarial examples. */
  private void attackPart(float[] xb, float[][] yb, NDArray like, EvasionAttack attack) {
    int m = yb.length;
    int d = xb.length / m;
    int nbAdv = (int) Math.ceil(ratio * m);
    List<Integer> pick = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      pick.add(i);
    }
    if (nbAdv < m) {
      Collections.shuffle(pick, random);
    }
    float[] sub = new float[nbAdv * d];
    float[][] ySub = new float[nbAdv][];
    for (int a = 0; a < nbAdv; a++) {
      System.arraycopy(xb, pick.get(a) * d, sub, a * d, d);
      ySub[a] = yb[pick.get(a)];
    }
    float[] adv = attack.generate(Utils.like(sub, like), ySub).toFloatArray();
    for (int a = 0; a < nbAdv; a++) {
      System.arraycopy(adv, a * d, xb, pick.get(a) * d, d);
    }
  }
}
