using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Cli.Training;

/// <summary>
/// A model file opened for use on tables: a pipeline trained by <c>fathom train</c> reads the columns it
/// was fitted on by name; a bare model saved from the library reads every numeric column but the target.
/// </summary>
internal sealed class LoadedTableModel
{
    private LoadedTableModel(LoadedModel loaded) => Loaded = loaded;

    public LoadedModel Loaded { get; }

    public ModelMetadata Metadata => Loaded.Metadata;

    public bool IsClassifier => Final is IClassificationModel;

    public IModel Final => Loaded.Model is PipelineModel p ? p.Final : Loaded.Model;

    public static LoadedTableModel Open(string path)
    {
        var loaded = ModelFile.Load(path);
        if (loaded.Model is not (PipelineModel or IClassificationModel or IRegressionModel))
            throw new InvalidInputException($"'{path}' holds a {loaded.Model.ModelKind} model, which does not predict a target.");
        if (loaded.Model is PipelineModel p && p.Final is not (IClassificationModel or IRegressionModel))
            throw new InvalidInputException($"'{path}' holds a pipeline that ends in a {p.Final.ModelKind}, which does not predict a target.");
        return new LoadedTableModel(loaded);
    }

    /// <summary>The feature matrix the final model consumes.</summary>
    public Matrix Features(DataFrame frame)
    {
        if (Loaded.Model is PipelineModel p) return p.TransformFeatures(frame);
        var x = Metadata.Target is { } t && frame.Contains(t) ? frame.Drop(t) : frame;
        if (x.ColumnCount != Final.FeatureCount)
            throw new InvalidInputException($"The model expects {Final.FeatureCount} feature columns, the file has {x.ColumnCount}.");
        return x.ToMatrix();
    }
}
