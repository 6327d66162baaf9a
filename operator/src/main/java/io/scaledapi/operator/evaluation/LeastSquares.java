package io.scaledapi.operator.evaluation;

/** Solves small normal equations. */
final class LeastSquares {

  private LeastSquares() {}

  /**
   * Solves the augmented system {@code [A | b]} (n rows, n + 1 columns) by Gaussian elimination
   * with partial pivoting, after adding a tiny ridge to the diagonal so that collinear features
   * (such as on a constant series) still give a solution. The array is changed.
   */
  static double[] solve(double[][] augmented) {
    int n = augmented.length;
    double trace = 0;
    for (int i = 0; i < n; i++) {
      trace += augmented[i][i];
    }
    double ridge = Math.max(trace, 1) * 1e-10;
    for (int i = 0; i < n; i++) {
      augmented[i][i] += ridge;
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(augmented[row][col]) > Math.abs(augmented[pivot][col])) {
          pivot = row;
        }
      }
      double[] swap = augmented[col];
      augmented[col] = augmented[pivot];
      augmented[pivot] = swap;
      for (int row = col + 1; row < n; row++) {
        double factor = augmented[row][col] / augmented[col][col];
        for (int c = col; c <= n; c++) {
          augmented[row][c] -= factor * augmented[col][c];
        }
      }
    }
    double[] solution = new double[n];
    for (int row = n - 1; row >= 0; row--) {
      double value = augmented[row][n];
      for (int c = row + 1; c < n; c++) {
        value -= augmented[row][c] * solution[c];
      }
      solution[row] = value / augmented[row][row];
    }
    return solution;
  }
}
