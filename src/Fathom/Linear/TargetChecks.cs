using System.Globalization;
using Fathom.Core;
using Fathom.Numerics;

namespace Fathom.Linear;

/// <summary>The checks every linear regressor makes on its inputs (features, targets, weights).</summary>
internal static class TargetChecks
{
    /// <summary>Validates X (non-empty, finite), y (one finite value per row) and the optional weights.</summary>
    public static void Regression(Matrix x, double[] y, double[]? sampleWeight, string name)
    {
        InputChecks.Features(x, name);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Length != x.Rows)
            throw new InvalidInputException($"{name}: {y.Length} targets were given for {x.Rows} rows; give one target per row.");
        for (int i = 0; i < y.Length; i++)
            if (!double.IsFinite(y[i]))
                throw new InvalidInputException(
                    $"{name}: the target of row {i} is {y[i].ToString(CultureInfo.InvariantCulture)}; drop rows with a missing target first.", i);
        InputChecks.Weights(sampleWeight, x.Rows, name);
    }
}
