using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Compose;

/// <summary>Test-only nearest-centroid classifier: probabilities are softmax(−squared distance to each centroid).
/// Not registered in ModelKinds, so it cannot be saved.</summary>
internal sealed record CentroidClassifier : IClassifier
{
    public IClassificationModel Fit(Matrix x, ClassLabels y, double[]? sampleWeight = null, FitContext? context = null)
    {
        int k = y.ClassCount, p = x.Columns;
        var c = new double[k, p];
        var n = new double[k];
        for (int i = 0; i < x.Rows; i++)
        {
            int cls = y.Codes[i];
            double w = sampleWeight?[i] ?? 1.0;
            n[cls] += w;
            for (int j = 0; j < p; j++) c[cls, j] += w * x[i, j];
        }
        for (int a = 0; a < k; a++) for (int j = 0; j < p; j++) c[a, j] /= n[a];
        return new CentroidModel(y.Classes.ToArray(), c, x.Clone());
    }
}

internal sealed class CentroidModel(string[] classes, double[,] centroids, Matrix trainedOn) : IClassificationModel
{
    public Matrix TrainedOn { get; } = trainedOn;
    public IReadOnlyList<string> Classes => classes;
    public LabelKind LabelKind => LabelKind.Text;
    public int FeatureCount => centroids.GetLength(1);
    public string ModelKind => "test-centroid";
    public void WriteTo(ModelWriter writer) => throw new NotSupportedException();

    public Matrix PredictProba(Matrix x)
    {
        int k = classes.Length;
        var m = new Matrix(x.Rows, k);
        for (int i = 0; i < x.Rows; i++)
        {
            var d = new double[k];
            for (int a = 0; a < k; a++)
                for (int j = 0; j < FeatureCount; j++) { double t = x[i, j] - centroids[a, j]; d[a] -= t * t; }
            double max = d.Max(), s = 0;
            for (int a = 0; a < k; a++) s += d[a] = Math.Exp(d[a] - max);
            for (int a = 0; a < k; a++) m[i, a] = d[a] / s;
        }
        return m;
    }

    public int[] PredictIndex(Matrix x)
    {
        var p = PredictProba(x);
        return Enumerable.Range(0, x.Rows).Select(i => { int best = 0; for (int a = 1; a < p.Columns; a++) if (p[i, a] > p[i, best]) best = a; return best; }).ToArray();
    }
}

/// <summary>Test-only regressor: predicts the row sum of the features plus the mean target.</summary>
internal sealed record RowSumRegressor : IRegressor
{
    public IRegressionModel Fit(Matrix x, double[] y, double[]? sampleWeight = null, FitContext? context = null) =>
        new RowSumModel(y.Average(), x.Columns, x.Clone());
}

internal sealed class RowSumModel(double offset, int features, Matrix trainedOn) : IRegressionModel
{
    public Matrix TrainedOn { get; } = trainedOn;
    public int FeatureCount => features;
    public string ModelKind => "test-rowsum";
    public void WriteTo(ModelWriter writer) => throw new NotSupportedException();

    public double[] Predict(Matrix x) => Enumerable.Range(0, x.Rows).Select(i => offset + x.Row(i).ToArray().Sum()).ToArray();
}
