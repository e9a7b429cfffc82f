/**
 * Pictures of models and training that a Keras user draws in a notebook: {@code keras.utils.plot_model} rendered in
 * Java, and the matplotlib plots of the course (training curves, confusion matrices, ROC and precision-recall curves,
 * image grids).
 */
package io.keras4j.plot;
