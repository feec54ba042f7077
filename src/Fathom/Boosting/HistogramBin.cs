namespace Fathom.Boosting;

/// <summary>One histogram cell, 32 bytes so that one 256-bit add updates it: sums of gradients and hessians and the
/// row count (held as a double, exact below 2^53) of a node's rows in one bin; the fourth lane is unused.</summary>
internal struct HistogramBin
{
    public double Gradient;
    public double Hessian;
    public double Count;
    public double Unused;
}
