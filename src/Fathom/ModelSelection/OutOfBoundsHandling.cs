namespace Fathom.ModelSelection;

/// <summary>What <see cref="IsotonicRegressionModel"/> predicts for inputs outside the training range
/// (scikit-learn's <c>out_of_bounds</c>).</summary>
public enum OutOfBoundsHandling
{
    /// <summary>Predict NaN (scikit-learn's default, "nan").</summary>
    Nan,

    /// <summary>Predict the value at the nearest end of the training range ("clip").</summary>
    Clip,

    /// <summary>Throw an <see cref="Core.InvalidInputException"/> ("raise").</summary>
    Raise,
}
