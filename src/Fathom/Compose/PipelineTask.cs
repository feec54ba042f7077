namespace Fathom.Compose;

/// <summary>What a <see cref="Pipeline"/> ends with, and so what its model does.</summary>
public enum PipelineTask
{
    /// <summary>The last step is a transformer: the pipeline is a transformer.</summary>
    Transform,

    /// <summary>The last step is a classifier.</summary>
    Classification,

    /// <summary>The last step is a regressor.</summary>
    Regression,
}
