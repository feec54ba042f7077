using Fathom.Core;
using Fathom.Optimization;

namespace Fathom.Tests.Optimization;

public class LbfgsTests
{
    [Fact]
    public void TestFunctionGradientsMatchFiniteDifferences()
    {
        Assert.True(GradientCheck.MaxError(new Rosenbrock(5), [-1.2, 1, 0.3, -0.7, 2]) < 1e-6);
        Assert.True(GradientCheck.MaxError(new Quadratic(6, 3, 2.5), [1, 2, 3, -1, -2, 0.5]) < 1e-6);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Rosenbrock_ReachesKnownMinimum(int n)
    {
        var f = new Rosenbrock(n);
        var start = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var r = new Lbfgs { GradientTolerance = 1e-9, FunctionTolerance = 0 }.Minimize(f, start);
        Assert.True(r.Converged, r.Status.ToString());
        Assert.Equal(OptimizationStatus.GradientTolerance, r.Status);
        foreach (double v in r.Solution) Assert.Equal(1.0, v, 1e-7);
        Assert.True(r.Value < 1e-14);
        Assert.Equal(f.Calls, r.FunctionEvaluations);
        Assert.True(r.Iterations < 200, $"{r.Iterations} iterations");
    }

    [Fact]
    public void Quadratic_ReachesKnownMinimum()
    {
        // Minimum value 0 so that f still resolves tiny steps near the minimum (with an offset c, f stops
        // changing in double precision long before the gradient is 1e-10).
        var f = new Quadratic(30, 7, 0.0);
        var r = new Lbfgs { GradientTolerance = 1e-10, FunctionTolerance = 0 }.Minimize(f, new double[30]);
        Assert.Equal(OptimizationStatus.GradientTolerance, r.Status);
        for (int i = 0; i < 30; i++) Assert.Equal(f.Minimizer[i], r.Solution[i], 1e-8);
        Assert.True(r.Value < 1e-18);

        var shifted = new Quadratic(30, 7, -3.0);
        var r2 = new Lbfgs().Minimize(shifted, new double[30]);
        Assert.True(r2.Converged);
        Assert.Equal(-3.0, r2.Value, 1e-7); // default ftol 2.2e-9 is relative to |f| = 3
    }

    [Fact]
    public void FunctionToleranceStopsEarlier()
    {
        var f = new Rosenbrock(2);
        var loose = new Lbfgs { GradientTolerance = 0, FunctionTolerance = 1e-3 }.Minimize(f, [-1.2, 1]);
        var tight = new Lbfgs { GradientTolerance = 1e-9, FunctionTolerance = 0 }.Minimize(f, [-1.2, 1]);
        Assert.Equal(OptimizationStatus.FunctionTolerance, loose.Status);
        Assert.True(loose.Iterations < tight.Iterations);
    }

    [Fact]
    public void MaxIterationsIsReported()
    {
        var r = new Lbfgs { MaxIterations = 3 }.Minimize(new Rosenbrock(2), [-1.2, 1]);
        Assert.Equal(3, r.Iterations);
        Assert.Equal(OptimizationStatus.MaxIterations, r.Status);
        Assert.False(r.Converged);
    }

    [Fact]
    public void StartAtMinimumTakesNoIteration()
    {
        var r = new Lbfgs().Minimize(new Rosenbrock(3), [1, 1, 1]);
        Assert.Equal(0, r.Iterations);
        Assert.True(r.Converged);
    }

    [Fact]
    public void ReportsEveryIterationAndHonoursCancellation()
    {
        var reports = new List<FitProgress>();
        var progress = new SyncProgress(reports.Add);
        var r = new Lbfgs { GradientTolerance = 1e-9 }.Minimize(new Rosenbrock(2), [-1.2, 1], new FitContext { Progress = progress });
        Assert.Equal(r.Iterations, reports.Count);
        Assert.Equal(Enumerable.Range(1, r.Iterations).Select(i => (long)i), reports.Select(p => p.Step));

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            new Lbfgs().Minimize(new Rosenbrock(2), [-1.2, 1], new FitContext { CancellationToken = cts.Token }));
    }

    [Fact]
    public void BadOptionsNameTheParameter()
    {
        var e = Assert.Throws<InvalidHyperparameterException>(() => new Lbfgs { History = 0 }.Minimize(new Rosenbrock(2), [0, 0]));
        Assert.Equal("history", e.Parameter);
    }

    private sealed class SyncProgress(Action<FitProgress> action) : IProgress<FitProgress>
    {
        public void Report(FitProgress value) => action(value);
    }
}
