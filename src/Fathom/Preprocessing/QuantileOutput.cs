namespace Fathom.Preprocessing;

/// <summary>The distribution <see cref="QuantileTransformer"/> maps values to.</summary>
public enum QuantileOutput
{
    /// <summary>Uniform on [0, 1].</summary>
    Uniform,

    /// <summary>Standard normal (clipped to Φ⁻¹(1e−7) … Φ⁻¹(1 − 1e−7), about ±5.2).</summary>
    Normal,
}
