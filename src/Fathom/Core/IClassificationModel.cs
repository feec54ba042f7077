using Fathom.Numerics;

namespace Fathom.Core;

/// <summary>A fitted classifier.</summary>
public interface IClassificationModel : IModel
{
    /// <summary>Class names in the order of <see cref="PredictProba"/>'s columns.</summary>
    IReadOnlyList<string> Classes { get; }

    /// <summary>How the training labels were typed (text, integer, …).</summary>
    LabelKind LabelKind { get; }

    /// <summary>Index into <see cref="Classes"/> of the predicted class of each row.</summary>
    int[] PredictIndex(Matrix x);

    /// <summary>Class probabilities: one row per sample, one column per class, rows summing to 1.</summary>
    Matrix PredictProba(Matrix x);

    /// <summary>Predicted class name of each row.</summary>
    string[] Predict(Matrix x)
    {
        var idx = PredictIndex(x);
        var names = new string[idx.Length];
        for (int i = 0; i < idx.Length; i++) names[i] = Classes[idx[i]];
        return names;
    }
}
