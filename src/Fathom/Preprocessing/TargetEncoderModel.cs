using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;

namespace Fathom.Preprocessing;

/// <summary>
/// A fitted <see cref="TargetEncoder"/>: each category's encoding learned on all training rows; unseen categories
/// get <see cref="TargetMean"/>. Output columns keep the input names. Immutable and thread-safe.
/// </summary>
public sealed class TargetEncoderModel : ITransformerModel
{
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly CategoryMap[] _maps;
    private readonly double[][] _encodings;

    internal TargetEncoderModel(TargetEncoder options, string[] names, ColumnKind[] kinds, CategoryMap[] maps, double[][] encodings, double mean, bool binary)
    {
        Options = options;
        _names = names;
        _kinds = kinds;
        _maps = maps;
        _encodings = encodings;
        TargetMean = mean;
        IsBinary = binary;
    }

    /// <summary>The hyperparameters it was fitted with.</summary>
    public TargetEncoder Options { get; }

    /// <summary>Mean of the (0/1 when binary) target over the training rows (<c>target_mean_</c>).</summary>
    public double TargetMean { get; }

    /// <summary>True when the target was read as binary.</summary>
    public bool IsBinary { get; }

    /// <summary>The sorted categories of each column.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories => _maps.Select(m => (IReadOnlyList<string>)m.Categories).ToArray();

    /// <summary>The encoding of each category of each column, in <see cref="Categories"/> order, followed by the
    /// encoding of a missing value (the target mean when no value was missing at fit).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Encodings => _encodings;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _names;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "target-encoder";

    /// <summary>Encodes the fitted columns (looked up by name) with the full-data encodings. O(n·p).</summary>
    /// <exception cref="InvalidInputException">A fitted column is missing or changed kind.</exception>
    public DataFrame Transform(DataFrame x)
    {
        var cols = FrameInput.Resolve(x, _names, _kinds, "TargetEncoder");
        var output = new double[cols.Length][];
        for (int j = 0; j < cols.Length; j++)
        {
            var o = new double[x.RowCount];
            for (int i = 0; i < o.Length; i++) o[i] = Encode(_encodings[j], TargetMean, _maps[j].Lookup(cols[j], i), _maps[j].Categories.Length);
            output[j] = o;
        }
        return NumericColumns.ToFrame(_names, output);
    }

    internal static double Encode(double[] enc, double mean, int code, int categories) => code switch
    {
        -1 => mean,
        -2 => enc[categories],
        _ => enc[code],
    };

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Options);
        FrameInput.WriteSchema(writer, _names, _kinds);
        CategoryMap.Write(writer, _maps);
        writer.WriteDoubles("encodings", _encodings.SelectMany(e => e).ToArray());
        writer.WriteDoubles("target_mean", [TargetMean]);
        writer.SetProperty("binary", IsBinary);
    }

    internal static TargetEncoderModel ReadFrom(ModelReader reader)
    {
        var options = reader.ReadHyperparameters<TargetEncoder>();
        var (names, kinds) = FrameInput.ReadSchema(reader);
        var maps = CategoryMap.Read(reader, kinds);
        var flat = reader.ReadDoubles("encodings", maps.Sum(m => m.Categories.Length + 1));
        var enc = new double[names.Length][];
        int at = 0;
        for (int j = 0; j < enc.Length; j++) { int k = maps[j].Categories.Length + 1; enc[j] = flat[at..(at + k)]; at += k; }
        return new TargetEncoderModel(options, names, kinds, maps, enc, reader.ReadDoubles("target_mean", 1)[0], reader.GetBool("binary"));
    }
}
