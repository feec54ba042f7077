using System.Text.Json.Nodes;
using Fathom.Core;
using Fathom.Data;
using Fathom.Persistence;
using Fathom.Preprocessing;

namespace Fathom.Compose;

/// <summary>A fitted <see cref="FeatureUnion"/>: one fitted model per member. Immutable and thread-safe.</summary>
public sealed class FeatureUnionModel : ITransformerModel
{
    private readonly string[] _memberNames;
    private readonly ITransformerModel[] _models;
    private readonly string[] _names;
    private readonly ColumnKind[] _kinds;
    private readonly string[] _namesOut;

    internal FeatureUnionModel(string[] memberNames, ITransformerModel[] models, string[] names, ColumnKind[] kinds)
    {
        _memberNames = memberNames;
        _models = models;
        _names = names;
        _kinds = kinds;
        _namesOut = models.SelectMany((m, k) => m.FeatureNamesOut.Select(f => memberNames[k] + "__" + f)).ToArray();
        var dup = _namesOut.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
            throw new InvalidHyperparameterException("members", $"FeatureUnion: output column '{dup.Key}' would appear twice.");
    }

    /// <summary>The member names, in output order.</summary>
    public IReadOnlyList<string> MemberNames => _memberNames;

    /// <summary>The fitted member models, in output order.</summary>
    public IReadOnlyList<ITransformerModel> Models => _models;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesIn => _names;

    /// <inheritdoc/>
    public IReadOnlyList<string> FeatureNamesOut => _namesOut;

    /// <inheritdoc/>
    public int FeatureCount => _names.Length;

    /// <inheritdoc/>
    public string ModelKind => "feature-union";

    /// <summary>Transforms with every member and concatenates the outputs (names prefixed <c>member__</c>).</summary>
    /// <exception cref="InvalidInputException">A column a member needs is missing, or a member rejects the data.</exception>
    public DataFrame Transform(DataFrame x)
    {
        ArgumentNullException.ThrowIfNull(x);
        FrameInput.Resolve(x, _names, _kinds, "FeatureUnion");
        var cols = new List<DataColumn>();
        for (int k = 0; k < _models.Length; k++)
            foreach (var c in _models[k].Transform(x).Columns) cols.Add(c.Rename(_memberNames[k] + "__" + c.Name));
        return new DataFrame(cols);
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        FrameInput.WriteSchema(writer, _names, _kinds);
        writer.WriteStrings("member_names", _memberNames);
        writer.SetProperty("member_count", JsonValue.Create(_models.Length));
        for (int k = 0; k < _models.Length; k++) writer.WriteModel("member" + k, _models[k]);
    }

    internal static FeatureUnionModel ReadFrom(ModelReader reader)
    {
        var (names, kinds) = FrameInput.ReadSchema(reader);
        int count = reader.GetInt("member_count");
        if (count < 1) throw new ModelFormatException("The model file is damaged or was not written by Fathom: a feature union without members.");
        var memberNames = FrameInput.NonNull(reader.ReadStrings("member_names", count), "member_names");
        var models = new ITransformerModel[count];
        for (int k = 0; k < count; k++) models[k] = reader.ReadModel<ITransformerModel>("member" + k);
        try { return new FeatureUnionModel(memberNames, models, names, kinds); }
        catch (InvalidHyperparameterException e)
        {
            throw new ModelFormatException($"The model file is damaged or was not written by Fathom: {e.Message}", e);
        }
    }
}
