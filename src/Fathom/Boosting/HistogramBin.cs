namespace Fathom.Boosting;

/// <summary>One histogram cell: sums of gradients and hessians and the row count of a node's rows in one bin.</summary>
internal struct HistogramBin
{
    public double Gradient;
    public double Hessian;
    public int Count;
}
