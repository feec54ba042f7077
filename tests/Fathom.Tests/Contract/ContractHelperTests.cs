using Xunit.Sdk;

namespace Fathom.Tests.Contract;

/// <summary>The comparison helpers of the checks themselves, so a check cannot pass by accident.</summary>
public class ContractHelperTests
{
    [Fact]
    public void SamePartitionAllowsRenumberingOnly()
    {
        CommonChecks.AssertSamePartition([0, 0, 1, 2, 1], [2, 2, 0, 1, 0]);
        Assert.Throws<FailException>(() => CommonChecks.AssertSamePartition([0, 0, 1], [0, 1, 1]));
        Assert.Throws<FailException>(() => CommonChecks.AssertSamePartition([0, 1, 1], [0, 0, 1]));
    }

    [Fact]
    public void CloseAndBitwiseComparisonsHaveTheirStatedTolerance()
    {
        CommonChecks.AssertClose([1000.0, 0.5], [1000.0009, 0.5000009], 1e-6, "x");
        Assert.Throws<FailException>(() => CommonChecks.AssertClose([1000.0], [1000.002], 1e-6, "x"));
        Assert.Throws<FailException>(() => CommonChecks.AssertClose([double.NaN], [1.0], 1e-6, "x"));
        CommonChecks.AssertBits([double.NaN, -0.0], [double.NaN, -0.0], "x");
        Assert.Throws<FailException>(() => CommonChecks.AssertBits([0.0], [-0.0], "x"));
    }
}
