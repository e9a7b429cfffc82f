package io.keras4j.adversarial.defences;

import io.keras4j.adversarial.KerasClassifier;
import io.keras4j.adversarial.attacks.ProjectedGradientDescent;
import io.keras4j.data.NDArray;

/**
 * Madry et al.'s adversarial training: every training sample is replaced by its L-inf PGD adversarial example from
 * a random start, crafted against the current model.
 *
 * <pre>{@code
 * new AdversarialTrainerMadryPGD(classifier).eps(0.1).epsStep(0.03).maxIter(5).nbEpochs(10).batchSize(64).fit(x, y);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.defences.trainer.AdversarialTrainerMadryPGD(classifier, nb_epochs=391,
 * batch_size=128, eps=8, eps_step=2, max_iter=7, num_random_init=1)}, an {@link AdversarialTrainer} with ratio 1
 * and a {@link ProjectedGradientDescent} attack. The defaults are ART's, meant for pixel values in [0, 255].
 */
public final class AdversarialTrainerMadryPGD {
  private final KerasClassifier classifier;
  private int nbEpochs = 391;
  private int batchSize = 128;
  private double eps = 8;
  private double epsStep = 2;
  private int maxIter = 7;
  private int numRandomInit = 1;

  public AdversarialTrainerMadryPGD(KerasClassifier classifier) {
    if (classifier == null) {
      throw new IllegalArgumentException("AdversarialTrainerMadryPGD expects a classifier. Received: null");
    }
    this.classifier = classifier;
  }

  /** Training epochs ({@code nb_epochs}). Default: 391. */
  public AdversarialTrainerMadryPGD nbEpochs(int nbEpochs) {
    this.nbEpochs = positive("nb_epochs", nbEpochs);
    return this;
  }

  /** Samples per batch ({@code batch_size}). Default: 128. */
  public AdversarialTrainerMadryPGD batchSize(int batchSize) {
    this.batchSize = positive("batch_size", batchSize);
    return this;
  }

  /** The L-inf radius of the attack ({@code eps}). Default: 8. */
  public AdversarialTrainerMadryPGD eps(double eps) {
    this.eps = eps;
    return this;
  }

  /** The attack's step ({@code eps_step}). Default: 2. */
  public AdversarialTrainerMadryPGD epsStep(double epsStep) {
    this.epsStep = epsStep;
    return this;
  }

  /** The attack's iterations ({@code max_iter}). Default: 7. */
  public AdversarialTrainerMadryPGD maxIter(int maxIter) {
    this.maxIter = positive("max_iter", maxIter);
    return this;
  }

  /** The attack's random starts ({@code num_random_init}). Default: 1. */
  public AdversarialTrainerMadryPGD numRandomInit(int numRandomInit) {
    this.numRandomInit = numRandomInit;
    return this;
  }

  /** Trains the classifier on PGD examples of all of (x, y) ({@code fit(x, y)}). */
  public void fit(NDArray x, float[][] y) {
    ProjectedGradientDescent pgd = new ProjectedGradientDescent(classifier).norm("inf").eps(eps).epsStep(epsStep)
        .maxIter(maxIter).numRandomInit(numRandomInit).batchSize(batchSize);
    new AdversarialTrainer(classifier, pgd).ratio(1.0).fit(x, y, batchSize, nbEpochs);
  }

  private static int positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("AdversarialTrainerMadryPGD expects " + name + " > 0. Received: " + name
          + "=" + value);
    }
    return value;
  }
}
