using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Tests.Persistence;

/// <summary>A model that writes every kind of state the format holds; loaded through a test allow-list.</summary>
internal sealed class ProbeModel : IModel
{
    public double Special { get; init; } = double.NaN;
    public double[] Doubles { get; init; } = [1.5, -0.0, double.Epsilon, double.MaxValue];
    public int[] Ints { get; init; } = [int.MinValue, 0, 7];
    public string?[] Strings { get; init; } = ["a", null, "é ü \" \\ ,", ""];
    public Matrix Matrix { get; init; } = new Matrix([1, 2, 3, 4, 5, 6], 2, 3);
    public ProbeModel? Child { get; init; }
    public int FeatureCount { get; init; } = 3;
    public string ModelKind => "probe";

    public static Dictionary<string, Func<ModelReader, IModel>> Table() => new(StringComparer.Ordinal) { ["probe"] = ReadFrom };

    public void WriteTo(ModelWriter writer)
    {
        writer.SetProperty("special", Special);
        writer.SetProperty("feature_count", FeatureCount);
        writer.WriteDoubles("doubles", Doubles);
        writer.WriteInts("ints", Ints);
        writer.WriteStrings("strings", Strings);
        writer.WriteMatrix("matrix", Matrix);
        if (Child is not null) writer.WriteModel("child", Child);
    }

    public static ProbeModel ReadFrom(ModelReader r) => new()
    {
        Special = r.GetDouble("special"),
        FeatureCount = r.GetInt("feature_count"),
        Doubles = r.ReadDoubles("doubles"),
        Ints = r.ReadInts("ints"),
        Strings = r.ReadStrings("strings"),
        Matrix = r.ReadMatrix("matrix"),
        Child = r.HasModel("child") ? r.ReadModel<ProbeModel>("child") : null,
    };
}

/// <summary>A model whose WriteTo writes part of its state and then fails.</summary>
internal sealed class FailingModel : IModel
{
    public int FeatureCount => 1;
    public string ModelKind => "dummy-regressor";

    public void WriteTo(ModelWriter writer)
    {
        writer.SetProperty("feature_count", 1);
        writer.WriteDoubles("constant", [1.0]);
        throw new InvalidOperationException("disk full (simulated)");
    }
}

/// <summary>A type a crafted file may name as its kind; creating it would be the security bug.</summary>
public sealed class Tripwire : IModel
{
    public Tripwire() => TripwireLog.Created = true;
    public int FeatureCount => 0;
    public string ModelKind => typeof(Tripwire).AssemblyQualifiedName!;
    public void WriteTo(ModelWriter writer) => writer.SetProperty("x", JsonValue.Create(1));
}

/// <summary>Records whether a <see cref="Tripwire"/> was ever created.</summary>
public static class TripwireLog
{
    public static volatile bool Created;
}
