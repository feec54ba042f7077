using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>A fitted regressor.</summary>
public interface IRegressionModel : IModel
{
    /// <summary>Predicted target of each row.</summary>
    double[] Predict(Matrix x);
}
