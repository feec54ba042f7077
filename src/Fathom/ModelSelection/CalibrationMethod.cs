namespace Fathom.ModelSelection;

/// <summary>How <see cref="CalibratedClassifier"/> maps scores to probabilities.</summary>
public enum CalibrationMethod
{
    /// <summary>Platt's sigmoid (<see cref="PlattScaling"/>); suits small calibration sets and sigmoid-shaped distortion.</summary>
    Sigmoid,

    /// <summary>Isotonic regression (<see cref="IsotonicRegression"/>, increasing, clipped); more flexible, needs more data.</summary>
    Isotonic,
}
